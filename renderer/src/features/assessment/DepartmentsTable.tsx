// 街道考核部门: one line per paired department — the street's scores on it, its total and stars,
// and next to them the total it gave the street, so both directions are read side by side.
import { Button, Table, type TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Street } from '@domain/collections';
import { compareText } from '../../lib/collate';
import { compareTotals, type DepartmentRow } from './sheetRows';
import { ScoreCell, criterionScore } from './ScoreCell';

interface DepartmentsTableProps {
  rows: DepartmentRow[];
  criteria: NonNullable<Street['assessmentCriteria']>;
  /** Opens the street's sheet on the department; absent for people who only read. */
  onRate?: ((row: DepartmentRow) => void) | undefined;
  loading: boolean;
}

export function DepartmentsTable({ rows, criteria, onRate, loading }: DepartmentsTableProps) {
  const { t } = useTranslation('assessment');
  const columns: TableColumnsType<DepartmentRow> = [
    { title: t('columns.department'), dataIndex: 'name', width: 160, fixed: 'left', sorter: (a, b) => compareText(a.name, b.name) },
    ...criteria.map(
      (criterion): TableColumnsType<DepartmentRow>[number] => ({
        title: `${criterion.name}（${criterion.weight}）`,
        key: `criterion-${criterion.id}`,
        width: 110,
        align: 'right',
        render: (_, row) => criterionScore(row.received?.sheet.scores, criterion.id),
      }),
    ),
    {
      title: t('columns.received'),
      key: 'received',
      width: 200,
      sorter: (a, b) => compareTotals(a.received?.total, b.received?.total),
      render: (_, row) => <ScoreCell total={row.received?.total} stars={row.received?.stars} testId={`assessment-received-${row.id}`} />,
    },
    {
      title: t('columns.given'),
      key: 'given',
      width: 200,
      sorter: (a, b) => compareTotals(a.given?.total, b.given?.total),
      render: (_, row) => <ScoreCell total={row.given?.total} stars={row.given?.stars} testId={`assessment-given-${row.id}`} />,
    },
  ];
  if (onRate) {
    columns.push({
      title: t('columns.actions'),
      key: 'actions',
      width: 100,
      render: (_, row) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onRate(row)} data-testid={`assessment-rate-${row.id}`}>
          {row.received ? t('edit') : t('enter')}
        </Button>
      ),
    });
  }
  return (
    <Table<DepartmentRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('noDepartments') }}
    />
  );
}
