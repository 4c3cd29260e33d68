// 任职补贴: a community's payroll sheet of a month — who, for which post, how much, paid or not —
// with its totals; add, edit, delete, mark paid, copy last month's as unpaid, export to .xlsx.
import { App, Button, DatePicker, Empty, Flex, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CopyOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerEntry, Member } from '@domain/collections';
import { allowancesOf, copyAllowances, payrollTotals, previousMonth } from '@domain/funds';
import { formatYuan } from '@domain/money';
import { useDocs } from '../../db/hooks';
import { newId, removeDoc, saveDoc, saveDocs } from '../../db/write';
import { CommunitySelect } from '../../components/CommunitySelect';
import { rowActionsColumn } from '../../components/RowActions';
import { compareText, sortByName } from '../../lib/collate';
import { canEdit, visibleCommunities } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';
import { AllowanceFormModal } from './AllowanceFormModal';
import { payrollRows, postsByMember, type PayrollRow } from './payroll';
import { Yuan } from './money';

const MONTH_FORMAT = 'YYYY-MM';

type Editing = { entry: LedgerEntry | undefined } | null;

export function AllowancesTab() {
  const { t } = useTranslation('funds');
  const { message } = App.useApp();
  const user = useCurrentUser();
  const communities = useDocs('communities');
  const members = useDocs('members');
  const ledger = useDocs('ledger');
  const orgs = useDocs('orgs');
  const grids = useDocs('grids');
  const buildings = useDocs('buildings');
  const compounds = useDocs('compounds');
  const [month, setMonth] = useState(() => dayjs().format(MONTH_FORMAT));
  const [chosenCommunity, setChosenCommunity] = useState<string | undefined>();
  const [editing, setEditing] = useState<Editing>(null);
  const [copying, setCopying] = useState(false);
  const [exporting, setExporting] = useState(false);

  const shownCommunities = useMemo(() => sortByName(visibleCommunities(user, communities.docs)), [user, communities.docs]);
  const community = shownCommunities.find((candidate) => candidate.id === chosenCommunity) ?? shownCommunities[0];
  const communityId = community?.id;
  const mayWrite = community !== undefined && canEdit(user, 'ledger', { streetId: user.streetId, communityId: community.id });

  const posts = useMemo(() => postsByMember(orgs.docs, grids.docs, buildings.docs, compounds.docs), [orgs.docs, grids.docs, buildings.docs, compounds.docs]);
  const communityMembers = useMemo(() => {
    const own = members.docs.filter((member) => member.communityId === communityId);
    const holds = (member: Member) => Number((posts.get(member.id)?.length ?? 0) > 0);
    return own.sort((a, b) => holds(b) - holds(a) || compareText(a.name, b.name));
  }, [members.docs, communityId, posts]);
  const memberName = useMemo(() => {
    const names = new Map(members.docs.map((member) => [member.id, member.name]));
    return (id: string | undefined) => (id !== undefined ? names.get(id) : undefined) ?? t('unknownMember');
  }, [members.docs, t]);
  const rows = useMemo(() => (communityId ? payrollRows(ledger.docs, communityId, month, memberName) : []), [ledger.docs, communityId, month, memberName]);
  const totals = payrollTotals(rows.map((row) => row.entry));
  const [year, monthNumber] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const sheetTitle = t('allowances.sheetTitle', { community: community?.name ?? '', year, month: monthNumber });

  const togglePaid = async (entry: LedgerEntry, paid: boolean) => {
    try {
      await saveDoc('ledger', { ...entry, paid }, entry);
    } catch (error) {
      void message.error(t('saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const copyLastMonth = async () => {
    if (!communityId) return;
    const last = previousMonth(month);
    const copies = copyAllowances(allowancesOf(ledger.docs, communityId, last), allowancesOf(ledger.docs, communityId, month), month, newId);
    if (copies.length === 0) {
      void message.info(t('allowances.nothingToCopy', { month: last }));
      return;
    }
    setCopying(true);
    try {
      await saveDocs('ledger', copies);
      void message.success(t('allowances.copied', { count: copies.length }));
    } catch (error) {
      void message.error(t('saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setCopying(false);
    }
  };

  const exportSheet = async () => {
    setExporting(true);
    try {
      const { exportPayroll } = await import('./exportPayroll');
      const { saved } = await exportPayroll(sheetTitle, rows, {
        number: t('sheet.number'),
        name: t('allowances.member'),
        purpose: t('allowances.purpose'),
        amount: t('sheet.amount'),
        paid: t('allowances.paid'),
        yes: t('sheet.yes'),
        no: t('sheet.no'),
        total: t('sheet.total'),
        totalNote: (paid, unpaid) => t('sheet.totalNote', { paid, unpaid }),
      });
      if (saved) void message.success(t('sheet.exported'));
    } catch (error) {
      void message.error(t('sheet.failed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<PayrollRow> = [
    { title: t('allowances.member'), dataIndex: 'memberName', width: 120 },
    { title: t('allowances.purpose'), key: 'purpose', render: (_, row) => row.entry.purpose },
    { title: t('allowances.amount'), key: 'amount', width: 140, align: 'right', render: (_, row) => <Yuan fen={row.entry.amountFen} /> },
    {
      title: t('allowances.paid'),
      key: 'paid',
      width: 110,
      render: (_, row) =>
        mayWrite ? (
          <Switch
            checked={row.entry.paid === true}
            checkedChildren={t('allowances.paidYes')}
            unCheckedChildren={t('allowances.paidNo')}
            onChange={(paid) => void togglePaid(row.entry, paid)}
            data-testid={`allowance-paid-${row.id}`}
          />
        ) : row.entry.paid === true ? (
          <Tag color="green">{t('allowances.paidYes')}</Tag>
        ) : (
          <Tag>{t('allowances.paidNo')}</Tag>
        ),
    },
  ];
  if (mayWrite) {
    columns.push(
      rowActionsColumn<PayrollRow>({
        title: t('actions'),
        editLabel: t('edit'),
        testIdPrefix: 'allowance',
        mayEdit: () => true,
        onEdit: (row) => setEditing({ entry: row.entry }),
        remove: (row) => ({
          title: t('allowances.deleteTitle', { name: row.memberName, amount: formatYuan(row.entry.amountFen) }),
          onConfirm: () => removeDoc('ledger', row.id),
        }),
      }),
    );
  }

  if (!communities.loading && shownCommunities.length === 0) return <Empty description={t('allowances.noCommunity')} />;
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(value) => value && setMonth(value.format(MONTH_FORMAT))}
          data-testid="allowance-month"
        />
        {shownCommunities.length > 1 && (
          <CommunitySelect communities={shownCommunities} value={communityId} onChange={setChosenCommunity} style={{ width: 200 }} testId="allowance-community" />
        )}
        <Flex gap={8} wrap style={{ marginLeft: 'auto' }}>
          {mayWrite && (
            <>
              <Button icon={<CopyOutlined />} loading={copying} onClick={() => void copyLastMonth()} data-testid="allowance-copy">
                {t('allowances.copy')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ entry: undefined })} data-testid="allowance-new">
                {t('allowances.create')}
              </Button>
            </>
          )}
          <Button icon={<DownloadOutlined />} loading={exporting} disabled={rows.length === 0} onClick={() => void exportSheet()} data-testid="allowance-export">
            {t('sheet.export')}
          </Button>
        </Flex>
      </Flex>
      <Typography.Title level={5}>{sheetTitle}</Typography.Title>
      <Table<PayrollRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={ledger.loading || members.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('allowances.empty') }}
      />
      <Flex gap={24} wrap style={{ marginTop: 12 }} data-testid="allowance-totals">
        <Typography.Text strong>
          {t('allowances.totalCount', { count: totals.count })} · {t('allowances.total')} <Yuan fen={totals.totalFen} testId="allowance-total" />
        </Typography.Text>
        <Typography.Text>
          {t('allowances.totalPaid')} <Yuan fen={totals.paidFen} testId="allowance-total-paid" />
        </Typography.Text>
        <Typography.Text>
          {t('allowances.totalUnpaid')} <Yuan fen={totals.unpaidFen} testId="allowance-total-unpaid" />
        </Typography.Text>
      </Flex>
      {editing && community && (
        <AllowanceFormModal
          entry={editing.entry}
          communityId={community.id}
          communityName={community.name}
          month={month}
          members={communityMembers}
          posts={posts}
          monthEntries={rows.map((row) => row.entry)}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
