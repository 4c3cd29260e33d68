// 部门考核街道和社区: the mean of the departments' sheets on the street and on each community, then
// every sheet with its scores. Edit and remove only for street admins.
import { Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Assessment, Street } from '@domain/collections';
import { rowActionsColumn } from '../../components/RowActions';
import { removeDoc } from '../../db/write';
import { compareText } from '../../lib/collate';
import { compareTotals, type AssesseeSummary, type SheetView } from './sheetRows';
import { ScoreCell, criterionScore } from './ScoreCell';

interface StreetSheetsTableProps {
  year: number;
  summaries: AssesseeSummary[];
  rows: SheetView[];
  criteria: NonNullable<Street['assessmentCriteria']>;
  nameOf: (id: string) => string;
  onEdit?: ((sheet: Assessment) => void) | undefined;
  loading: boolean;
}

type Line = SheetView & { id: string };

export function StreetSheetsTable({ year, summaries, rows, criteria, nameOf, onEdit, loading }: StreetSheetsTableProps) {
  const { t } = useTranslation('assessment');
  const summaryColumns: TableColumnsType<AssesseeSummary> = [
    { title: t('columns.assessee'), key: 'assessee', render: (_, row) => nameOf(row.assesseeId), sorter: (a, b) => compareText(nameOf(a.assesseeId), nameOf(b.assesseeId)) },
    { title: t('columns.sheets'), dataIndex: 'sheets', width: 100, align: 'right' },
    {
      title: t('columns.total'),
      key: 'total',
      width: 200,
      defaultSortOrder: 'descend',
      sorter: (a, b) => compareTotals(a.total, b.total),
      render: (_, row) => <ScoreCell total={row.total} stars={row.stars} testId={`assessment-summary-${row.assesseeId}`} />,
    },
  ];
  const columns: TableColumnsType<Line> = [
    { title: t('columns.assessor'), key: 'assessor', width: 140, render: (_, row) => nameOf(row.sheet.assessorId), sorter: (a, b) => compareText(nameOf(a.sheet.assessorId), nameOf(b.sheet.assessorId)) },
    { title: t('columns.assessee'), key: 'assessee', width: 140, render: (_, row) => nameOf(row.sheet.assesseeId), sorter: (a, b) => compareText(nameOf(a.sheet.assesseeId), nameOf(b.sheet.assesseeId)) },
    ...criteria.map(
      (criterion): TableColumnsType<Line>[number] => ({
        title: `${criterion.name}（${criterion.weight}）`,
        key: `criterion-${criterion.id}`,
        width: 110,
        align: 'right',
        render: (_, row) => criterionScore(row.sheet.scores, criterion.id),
      }),
    ),
    {
      title: t('columns.total'),
      key: 'total',
      width: 200,
      sorter: (a, b) => compareTotals(a.total, b.total),
      render: (_, row) => <ScoreCell total={row.total} stars={row.stars} testId={`assessment-total-${row.id}`} />,
    },
    { title: t('columns.note'), key: 'note', width: 160, render: (_, row) => row.sheet.note },
  ];
  if (onEdit) {
    columns.push(
      rowActionsColumn<Line>({
        title: t('columns.actions'),
        editLabel: t('edit'),
        testIdPrefix: 'assessment-sheet',
        mayEdit: () => true,
        onEdit: (row) => onEdit(row.sheet),
        remove: (row) => ({ title: t('removeTitle'), content: t('removeContent'), onConfirm: () => removeDoc('assessments', row.id) }),
      }),
    );
  }
  const lines: Line[] = rows.map((row) => ({ ...row, id: row.sheet.id }));
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('summaryTitle')}
      </Typography.Title>
      <Table<AssesseeSummary>
        rowKey={(row) => `${row.direction}-${row.assesseeId}`}
        size="small"
        columns={summaryColumns}
        dataSource={summaries}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t('emptyStreet', { year }) }}
        data-testid="assessment-street-summary"
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('sheetsTitle')}
      </Typography.Title>
      <Table<Line>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={lines}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('emptyStreet', { year }) }}
      />
    </Flex>
  );
}
