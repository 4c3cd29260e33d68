// 工作经费: each compound branch's budget for the year (residents × the street's rate), what it
// spent and its balance, grouped by community with subtotals and the street's total. A branch's
// row opens to its disbursements; the person records, edits and deletes those of their branches.
import { Alert, Button, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LedgerEntry, Org } from '@domain/collections';
import { fundRate } from '@domain/funds';
import { formatYuan } from '@domain/money';
import { useDocs } from '../../db/hooks';
import { CommunitySelect } from '../../components/CommunitySelect';
import { paths } from '../../lib/paths';
import { canEdit, visibleCommunities } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';
import { BranchEntries } from './BranchEntries';
import { DisbursementFormModal } from './DisbursementFormModal';
import { fundsTable, yearOptions, type FundsRow } from './fundRows';
import { Yuan } from './money';

type Editing = { entry: LedgerEntry | undefined; orgId?: string } | null;

export function BranchFundsTab() {
  const { t } = useTranslation('funds');
  const user = useCurrentUser();
  const streets = useDocs('streets');
  const orgs = useDocs('orgs');
  const compounds = useDocs('compounds');
  const communities = useDocs('communities');
  const ledger = useDocs('ledger');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [editing, setEditing] = useState<Editing>(null);

  const street = streets.docs.find((doc) => doc.id === user.streetId) ?? streets.docs[0];
  const rateFen = fundRate(street, year);
  const shownCommunities = visibleCommunities(user, communities.docs);
  const table = useMemo(
    () =>
      rateFen === undefined
        ? undefined
        : fundsTable({ orgs: orgs.docs, compounds: compounds.docs, communities: communities.docs, ledger: ledger.docs, year, rateFen, communityId }),
    [orgs.docs, compounds.docs, communities.docs, ledger.docs, year, rateFen, communityId],
  );
  const mayBook = (org: Pick<Org, 'communityId'>) => org.communityId !== undefined && canEdit(user, 'ledger', { streetId: user.streetId, communityId: org.communityId });
  // The branches that existed in the year and that the person may book on.
  const writableBranches = orgs.docs.filter(
    (org) =>
      org.level === 'compoundBranch' &&
      (org.foundedOn ?? '0000') <= `${year}-12-31` &&
      (org.dissolvedOn ?? '9999') >= `${year}-01-01` &&
      mayBook(org),
  );
  const years = yearOptions((street?.fundRates ?? []).map((rate) => rate.year), thisYear, year);

  const label = (row: FundsRow) =>
    row.kind === 'branch' ? row.communityName : row.kind === 'community' ? t('branches.subtotal', { name: row.communityName }) : communityId === undefined ? t('branches.total') : t('branches.totalShown');
  const strong = (row: FundsRow, node: ReactNode) => (row.kind === 'branch' ? node : <strong>{node}</strong>);
  const columns: TableColumnsType<FundsRow> = [
    { title: t('branches.community'), key: 'community', width: 130, render: (_, row) => strong(row, label(row)) },
    { title: t('branches.compound'), key: 'compound', width: 120, render: (_, row) => (row.kind === 'branch' ? row.compoundName : null) },
    { title: t('branches.branch'), key: 'branch', render: (_, row) => (row.kind === 'branch' ? row.branchName : t('branches.branchCount', { count: row.branches })) },
    { title: t('branches.residents'), key: 'residents', width: 90, align: 'right', render: (_, row) => strong(row, row.residents.toLocaleString('en-US')) },
    { title: t('branches.rate'), key: 'rate', width: 100, align: 'right', render: (_, row) => (row.kind === 'branch' ? formatYuan(row.rateFen) : null) },
    { title: t('branches.budget'), key: 'budget', width: 120, align: 'right', render: (_, row) => strong(row, <Yuan fen={row.budgetFen} testId={`funds-${row.key}-budget`} />) },
    { title: t('branches.spent'), key: 'spent', width: 120, align: 'right', render: (_, row) => strong(row, <Yuan fen={row.spentFen} testId={`funds-${row.key}-spent`} />) },
    { title: t('branches.balance'), key: 'balance', width: 120, align: 'right', render: (_, row) => strong(row, <Yuan fen={row.balanceFen} testId={`funds-${row.key}-balance`} />) },
  ];

  const rows = table ? (table.rows.length > 0 ? [...table.rows, table.total] : []) : [];
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Typography.Text>{t('branches.year')}</Typography.Text>
        <Select
          value={year}
          onChange={setYear}
          options={years.map((value) => ({ value, label: t('branches.yearOption', { year: value }) }))}
          style={{ width: 120 }}
          data-testid="funds-year"
        />
        {shownCommunities.length > 1 && (
          <CommunitySelect
            communities={shownCommunities}
            value={communityId}
            onChange={setCommunityId}
            allowClear
            placeholder={t('branches.allCommunities')}
            style={{ width: 200 }}
            testId="funds-community"
          />
        )}
        {rateFen !== undefined && <Typography.Text type="secondary">{t('branches.rateNote', { year, rate: formatYuan(rateFen) })}</Typography.Text>}
        {writableBranches.length > 0 && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ entry: undefined })} data-testid="disbursement-new" style={{ marginLeft: 'auto' }}>
            {t('disbursements.create')}
          </Button>
        )}
      </Flex>
      {!streets.loading && rateFen === undefined && (
        <Alert
          type="warning"
          showIcon
          data-testid="funds-no-rate"
          title={t('branches.noRate', { year })}
          description={user.role === 'street_admin' ? <Link to={paths.settings}>{t('branches.setRate')}</Link> : t('branches.askAdmin')}
        />
      )}
      {table && (
        <Table<FundsRow>
          rowKey="key"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={orgs.loading || ledger.loading || compounds.loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ 'data-testid': row.kind === 'total' ? 'funds-total' : `funds-row-${row.key}` }) as HTMLAttributes<HTMLElement>}
          rowClassName={(row) => (row.kind === 'branch' ? '' : 'funds-sum-row')}
          expandable={{
            rowExpandable: (row) => row.kind === 'branch',
            expandedRowRender: (row) =>
              row.kind === 'branch' && (
                <BranchEntries
                  orgId={row.orgId}
                  year={year}
                  ledger={ledger.docs}
                  mayEdit={mayBook(row)}
                  onCreate={() => setEditing({ entry: undefined, orgId: row.orgId })}
                  onEdit={(entry) => setEditing({ entry })}
                />
              ),
          }}
          locale={{ emptyText: t('branches.empty') }}
        />
      )}
      {editing && (
        <DisbursementFormModal
          entry={editing.entry}
          defaultOrgId={editing.orgId ?? (writableBranches.length === 1 ? writableBranches[0]?.id : undefined)}
          branches={writableBranches}
          communities={communities.docs}
          year={year}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
