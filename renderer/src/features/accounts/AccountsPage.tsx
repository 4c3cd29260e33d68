// 账号管理: the street's accounts, for street admins, straight from the server (online only).
// Every change takes effect on the person's devices at their next contact with the server.
import { Button, Input, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminAccount } from '@domain/contract';
import { PageHeader } from '../../components/PageHeader';
import { useDocs } from '../../db/hooks';
import { byId } from '../../lib/counts';
import { useSearch } from '../../lib/useSearch';
import { useCurrentUser } from '../../session/useSession';
import { AccountActions } from './AccountActions';
import { AccountFormModal } from './AccountFormModal';
import { accountRows, accountSearchSource, type AccountRow, type AccountState } from './accountRows';
import { useAdminApi } from './adminApi';
import { formatInstant, LoadError, OfflineNotice } from './OnlineOnly';
import { PasswordOnceModal } from './PasswordOnceModal';
import { ScopeFormModal } from './ScopeFormModal';
import { useServerList } from './useServerList';

const stateColors: Record<AccountState, string> = { active: 'green', locked: 'orange', disabled: 'red' };

export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const me = useCurrentUser();
  const api = useAdminApi();
  const load = useMemo(() => (api ? (signal: AbortSignal) => api.accounts(signal) : null), [api]);
  const list = useServerList<AdminAccount>(load);
  const communities = useDocs('communities');
  const units = useDocs('units');
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [scopeOf, setScopeOf] = useState<AdminAccount | null>(null);
  const [shownPassword, setShownPassword] = useState<{ account: AdminAccount; password: string } | null>(null);

  const names = useMemo(() => ({ communities: byId(communities.docs), units: byId(units.docs) }), [communities.docs, units.docs]);
  const rows = useMemo(() => accountRows(list.items, names), [list.items, names]);
  const shown = useSearch(rows, accountSearchSource, query);
  const { replace, reload } = list;
  const changed = useCallback((account: AdminAccount) => replace(account), [replace]);

  if (!api) {
    return (
      <>
        <PageHeader title={t('accounts.title')} subtitle={t('accounts.subtitle')} />
        <OfflineNotice />
      </>
    );
  }

  const columns: TableColumnsType<AccountRow> = [
    { title: t('accounts.columns.username'), dataIndex: 'username', width: 130 },
    { title: t('accounts.columns.displayName'), dataIndex: 'displayName', width: 120 },
    { title: t('accounts.columns.role'), key: 'role', width: 130, render: (_, row) => t(`roles.${row.role}`) },
    {
      title: t('accounts.columns.scope'),
      key: 'scope',
      render: (_, row) => (row.role === 'street_admin' ? t('wholeStreet') : row.scopeNames.map((name) => <Tag key={name}>{name}</Tag>)),
    },
    {
      title: t('accounts.columns.state'),
      key: 'state',
      width: 90,
      render: (_, row) => (
        <Tag color={stateColors[row.state]} data-testid={`account-state-${row.username}`} data-state={row.state}>
          {t(`states.${row.state}`)}
        </Tag>
      ),
    },
    {
      title: t('accounts.columns.lockedUntil'),
      key: 'lockedUntil',
      width: 150,
      render: (_, row) => (row.state === 'locked' && row.lockedUntil !== null ? formatInstant(row.lockedUntil) : ''),
    },
    {
      title: t('accounts.columns.lastLogin'),
      key: 'lastLogin',
      width: 150,
      render: (_, row) => (row.lastLoginAt === null ? t('never') : formatInstant(row.lastLoginAt)),
    },
    {
      title: t('accounts.columns.actions'),
      key: 'actions',
      width: 250,
      render: (_, row) => (
        <AccountActions
          api={api}
          account={row}
          isSelf={row.id === me.id}
          onChanged={changed}
          onPasswordReset={(account, password) => setShownPassword({ account, password })}
          onChangeScope={setScopeOf}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={list.loading} data-testid="accounts-reload">
              {t('reload')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="account-new">
              {t('accounts.create')}
            </Button>
          </>
        }
      />
      {list.error !== null && <LoadError error={list.error} onRetry={reload} />}
      <Input.Search
        allowClear
        placeholder={t('accounts.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        style={{ maxWidth: 360, marginBottom: 16 }}
        data-testid="account-search"
      />
      <Table<AccountRow>
        rowKey="id"
        columns={columns}
        dataSource={shown}
        loading={list.loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        size="middle"
        locale={{ emptyText: t('accounts.empty') }}
        data-testid="accounts-table"
      />
      {creating && <AccountFormModal api={api} onClose={() => setCreating(false)} onCreated={reload} />}
      {scopeOf && <ScopeFormModal api={api} account={scopeOf} onClose={() => setScopeOf(null)} onSaved={changed} />}
      {shownPassword && <PasswordOnceModal {...shownPassword} onClose={() => setShownPassword(null)} />}
    </>
  );
}
