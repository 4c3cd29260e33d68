// What one branch spent its funds on in the year: date, amount, purpose; edit and delete where the
// person may.
import { Button, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LedgerEntry } from '@domain/collections';
import { formatYuan } from '@domain/money';
import { removeDoc } from '../../db/write';
import { rowActionsColumn } from '../../components/RowActions';
import { disbursementsOf } from './fundRows';
import { Yuan } from './money';

interface BranchEntriesProps {
  orgId: string;
  year: number;
  ledger: readonly LedgerEntry[];
  mayEdit: boolean;
  onCreate: () => void;
  onEdit: (entry: LedgerEntry) => void;
}

export function BranchEntries({ orgId, year, ledger, mayEdit, onCreate, onEdit }: BranchEntriesProps) {
  const { t } = useTranslation('funds');
  const entries = disbursementsOf(ledger, orgId, year);
  const columns: TableColumnsType<LedgerEntry> = [
    { title: t('disbursements.date'), dataIndex: 'date', width: 120 },
    { title: t('disbursements.amount'), key: 'amount', width: 140, align: 'right', render: (_, entry) => <Yuan fen={entry.amountFen} /> },
    { title: t('disbursements.purpose'), dataIndex: 'purpose' },
  ];
  if (mayEdit) {
    columns.push(
      rowActionsColumn<LedgerEntry>({
        title: t('actions'),
        editLabel: t('edit'),
        testIdPrefix: 'disbursement',
        mayEdit: () => true,
        onEdit,
        remove: (entry) => ({
          title: t('disbursements.deleteTitle', { date: entry.date ?? '', amount: formatYuan(entry.amountFen) }),
          content: t('disbursements.deleteContent'),
          onConfirm: () => removeDoc('ledger', entry.id),
        }),
      }),
    );
  }
  return (
    <div data-testid={`disbursements-${orgId}`}>
      <Table<LedgerEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={entries}
        pagination={false}
        locale={{ emptyText: t('disbursements.empty', { year }) }}
      />
      {mayEdit && (
        <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={onCreate} style={{ marginTop: 8 }} data-testid={`disbursement-new-${orgId}`}>
          {t('disbursements.createHere')}
        </Button>
      )}
    </div>
  );
}
