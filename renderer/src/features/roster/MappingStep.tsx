// Step 2: which column of the file holds what. Known headers are matched already; the person maps
// the others, and the choice is remembered for the next sheet with the same headers.
import { Alert, Button, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { remap, rosterFields, unmappedRequired, type RosterKind, type RosterMapping } from '../../lib/roster/fields';
import type { ReadSheet } from './rosterWorkerClient';

interface MappingStepProps {
  kind: RosterKind;
  sheet: ReadSheet;
  initial: RosterMapping;
  remembered: boolean;
  onBack: () => void;
  onNext: (mapping: RosterMapping) => void;
}

interface ColumnRow {
  index: number;
  header: string;
  sample: string;
}

export function MappingStep({ kind, sheet, initial, remembered, onBack, onNext }: MappingStepProps) {
  const { t } = useTranslation('roster');
  const [mapping, setMapping] = useState<RosterMapping>(initial);
  const missing = unmappedRequired(kind, mapping);
  const fieldOf = (column: number) => Object.entries(mapping).find(([, index]) => index === column)?.[0];
  const options = [
    { value: '', label: t('mapping.ignore') },
    ...rosterFields[kind].map((field) => ({
      value: field.key,
      label: `${t(`fields.${kind}.${field.key}`)}${field.required ? t('mapping.requiredMark') : ''}`,
    })),
  ];
  const rows: ColumnRow[] = sheet.headers.map((header, index) => ({ index, header, sample: sheet.sample[index] ?? '' }));
  const columns: TableColumnsType<ColumnRow> = [
    { title: t('mapping.column'), dataIndex: 'header', width: 220 },
    { title: t('mapping.sample'), dataIndex: 'sample', width: 260, ellipsis: true },
    {
      title: t('mapping.field'),
      key: 'field',
      render: (_, row) => (
        <Select
          value={fieldOf(row.index) ?? ''}
          options={options}
          onChange={(value: string) => setMapping((current) => remap(current, row.index, value === '' ? undefined : value))}
          style={{ width: 220 }}
          data-testid={`roster-map-${row.index}`}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Text>{t('mapping.intro', { sheet: sheet.sheetName, count: sheet.rowCount })}</Typography.Text>
      {remembered && <Alert type="info" showIcon title={t('mapping.remembered')} />}
      <Table<ColumnRow> rowKey="index" columns={columns} dataSource={rows} pagination={false} size="small" data-testid="roster-mapping" />
      {missing.length > 0 && (
        <Alert type="error" showIcon title={t('mapping.missing', { fields: missing.map((key) => t(`fields.${kind}.${key}`)).join('、') })} data-testid="roster-mapping-missing" />
      )}
      <Flex gap={8}>
        <Button onClick={onBack}>{t('mapping.back')}</Button>
        <Button type="primary" disabled={missing.length > 0} onClick={() => onNext(mapping)} data-testid="roster-mapping-next">
          {t('mapping.next')}
        </Button>
      </Flex>
    </Flex>
  );
}
