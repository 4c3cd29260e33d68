// The printable report: its title, the scope and period, and every table.
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportTable } from './reportTables';

// Lists show how many rows they hold; the figures and totals do not.
const counted = new Set(['fundsByBranch', 'openNeeds', 'withoutBranch', 'withoutVenue', 'withoutLeader']);

interface ReportViewProps {
  title: string;
  subtitle: string;
  tables: readonly ReportTable[];
}

export function ReportView({ title, subtitle, tables }: ReportViewProps) {
  const { t } = useTranslation('reports');
  return (
    <div data-testid="report-page">
      <Typography.Title level={2} style={{ textAlign: 'center', marginBottom: 4 }} data-testid="report-title">
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {subtitle}
      </Typography.Paragraph>
      {tables.map((table) => (
        <section key={table.key} className="report-section" style={{ marginBottom: 20 }}>
          <Typography.Title level={4}>{counted.has(table.key) ? t('tableTitle', { title: table.title, count: table.cells.length }) : table.title}</Typography.Title>
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            data-testid={`report-table-${table.key}`}
            locale={{ emptyText: t('none') }}
            columns={table.columns.map((column, index) => ({
              key: column.key,
              title: column.title,
              align: column.numeric ? ('right' as const) : undefined,
              render: (_: unknown, row: { cells: readonly (string | number)[] }) => row.cells[index],
            }))}
            dataSource={table.cells.map((cells, index) => ({ key: String(index), cells }))}
          />
        </section>
      ))}
    </div>
  );
}
