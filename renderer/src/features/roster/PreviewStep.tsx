// Step 3: every row as it will be imported, each bad cell in red with what is wrong, the counts,
// and how to import: only the valid rows, or nothing unless every row is correct.
import { Alert, Button, Checkbox, Flex, Radio, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { MaskedText } from '../../components/MaskedText';
import type { RosterKind } from '../../lib/roster/fields';
import type { RosterProblem } from '../../lib/roster/problems';
import type { RosterResult, RosterRow } from '../../lib/roster/validate';

export type ImportMode = 'validOnly' | 'allOrNothing';

interface PreviewStepProps {
  kind: RosterKind;
  result: RosterResult;
  onBack: () => void;
  onImport: (mode: ImportMode) => void;
}

const BAD_ROW = { background: '#fff1f0' };
const PERSONAL = new Set(['idNumber', 'mobile']);

export function PreviewStep({ kind, result, onBack, onImport }: PreviewStepProps) {
  const { t } = useTranslation('roster');
  const [mode, setMode] = useState<ImportMode>(result.invalid > 0 ? 'validOnly' : 'allOrNothing');
  const [onlyInvalid, setOnlyInvalid] = useState(false);
  const message = (problem: RosterProblem) => t(`problems.${problem.code}`, problem.params ?? {});
  const rows = useMemo(() => (onlyInvalid ? result.rows.filter((row) => row.problems.length > 0) : result.rows), [result.rows, onlyInvalid]);
  const mappedFields = new Set(result.fields);

  const columns: TableColumnsType<RosterRow> = [
    { title: t('preview.row'), dataIndex: 'rowNumber', width: 70, fixed: 'left' },
    ...result.fields.map((field) => ({
      title: t(`fields.${kind}.${field}`),
      key: field,
      width: field === 'idNumber' ? 190 : 130,
      render: (_: unknown, row: RosterRow) => {
        const value = row.values[field] ?? '';
        const problems = row.problems.filter((problem) => problem.field === field);
        if (problems.length === 0) return PERSONAL.has(field) ? <MaskedText kind={field === 'idNumber' ? 'idNumber' : 'mobile'} value={value} /> : value;
        return (
          <Flex vertical data-testid={`roster-cell-${row.rowNumber}-${field}`} data-bad="true">
            <Typography.Text type="danger">{value}</Typography.Text>
            {problems.map((problem) => (
              <Typography.Text key={problem.code} type="danger" style={{ fontSize: 12 }}>
                {message(problem)}
              </Typography.Text>
            ))}
          </Flex>
        );
      },
    })),
    {
      title: t('preview.problems'),
      key: 'problems',
      width: 320,
      // Problems of columns not imported (a community the sheet does not name) show only here.
      render: (_, row) => (
        <Typography.Text type="danger" data-testid={`roster-problems-${row.rowNumber}`}>
          {row.problems.map((problem) => (mappedFields.has(problem.field) ? message(problem) : `${t(`fields.${kind}.${problem.field}`)}：${message(problem)}`)).join('；')}
        </Typography.Text>
      ),
    },
  ];

  const importable = mode === 'validOnly' ? result.valid : result.invalid > 0 ? 0 : result.valid;
  return (
    <Flex vertical gap={16}>
      <Flex gap={12} align="center" wrap>
        <Tag color="green" data-testid="roster-valid" data-count={result.valid}>
          {t('preview.valid', { count: result.valid })}
        </Tag>
        <Tag color={result.invalid > 0 ? 'red' : 'default'} data-testid="roster-invalid" data-count={result.invalid}>
          {t('preview.invalid', { count: result.invalid })}
        </Tag>
        <Checkbox checked={onlyInvalid} onChange={(event) => setOnlyInvalid(event.target.checked)} data-testid="roster-only-invalid">
          {t('preview.onlyInvalid')}
        </Checkbox>
      </Flex>
      <Table<RosterRow>
        virtual
        rowKey="rowNumber"
        columns={columns}
        dataSource={rows}
        pagination={false}
        size="small"
        scroll={{ x: 70 + result.fields.length * 140 + 340, y: 440 }}
        onRow={(row) => ({ style: row.problems.length > 0 ? BAD_ROW : undefined, 'data-testid': `roster-row-${row.rowNumber}` }) as HTMLAttributes<HTMLElement>}
        data-testid="roster-preview"
      />
      <Flex gap={16} align="center" wrap>
        <Typography.Text strong>{t('preview.mode')}</Typography.Text>
        <Radio.Group value={mode} onChange={(event) => setMode(event.target.value as ImportMode)}>
          <Radio value="validOnly" data-testid="roster-mode-valid">
            {t('preview.modeValid')}
          </Radio>
          <Radio value="allOrNothing" data-testid="roster-mode-all">
            {t('preview.modeAll')}
          </Radio>
        </Radio.Group>
      </Flex>
      {result.invalid > 0 && (
        <Alert
          type={mode === 'allOrNothing' ? 'error' : 'warning'}
          showIcon
          title={mode === 'allOrNothing' ? t('preview.allBlocked', { count: result.invalid }) : t('preview.someSkipped', { count: result.invalid })}
        />
      )}
      {result.valid === 0 && <Alert type="error" showIcon title={t('preview.nothing')} />}
      <Flex gap={8}>
        <Button onClick={onBack}>{t('preview.back')}</Button>
        <Button type="primary" disabled={importable === 0} onClick={() => onImport(mode)} data-testid="roster-import">
          {t('preview.import', { count: importable })}
        </Button>
      </Flex>
    </Flex>
  );
}
