// 设备管理: every device signed in with an account of the street, for street admins (online only).
// Revoking a lost or stolen device makes its next contact wipe its local data; the person can then
// sign in again only as a new device.
import { App, Button, Select, Table, Tag, type TableColumnsType } from 'antd';
import { ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceInfo } from '@domain/contract';
import { PageHeader } from '../../components/PageHeader';
import { deviceOwners, deviceRows } from './accountRows';
import { useAdminApi, type AdminApi } from './adminApi';
import { formatInstant, LoadError, OfflineNotice } from './OnlineOnly';
import { useServerList } from './useServerList';

function RevokeButton({ api, device, onRevoked }: { api: AdminApi; device: DeviceInfo; onRevoked: (device: DeviceInfo) => void }) {
  const { t } = useTranslation('accounts');
  const { modal, message } = App.useApp();
  const ask = () => {
    void modal.confirm({
      title: t('devices.revokeTitle', { name: device.name, user: device.displayName }),
      content: t('devices.revokeContent'),
      okText: t('devices.revokeOk'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'device-revoke-ok' } },
      onOk: async () => {
        try {
          onRevoked(await api.revokeDevice(device.id));
          void message.success(t('devices.revokedDone', { name: device.name }));
        } catch (error) {
          void message.error(t('accounts.actionFailed', { reason: error instanceof Error ? error.message : String(error) }));
        }
      },
    });
  };
  return (
    <Button type="link" size="small" danger icon={<StopOutlined />} onClick={ask} data-testid={`device-revoke-${device.id}`}>
      {t('devices.revoke')}
    </Button>
  );
}

export function DevicesPage() {
  const { t } = useTranslation('accounts');
  const api = useAdminApi();
  const load = useMemo(() => (api ? (signal: AbortSignal) => api.devices(signal) : null), [api]);
  const list = useServerList<DeviceInfo>(load);
  const [userId, setUserId] = useState<string | undefined>(undefined);
  const owners = useMemo(() => deviceOwners(list.items), [list.items]);
  const rows = useMemo(() => deviceRows(list.items, userId), [list.items, userId]);

  if (!api) {
    return (
      <>
        <PageHeader title={t('devices.title')} subtitle={t('devices.subtitle')} />
        <OfflineNotice />
      </>
    );
  }

  const columns: TableColumnsType<DeviceInfo> = [
    { title: t('devices.columns.user'), key: 'user', width: 180, render: (_, device) => `${device.displayName}（${device.username}）` },
    { title: t('devices.columns.name'), dataIndex: 'name', ellipsis: true },
    { title: t('devices.columns.lastSeen'), key: 'lastSeen', width: 150, render: (_, device) => (device.lastSeenAt === null ? t('never') : formatInstant(device.lastSeenAt)) },
    { title: t('devices.columns.appVersion'), key: 'appVersion', width: 90, render: (_, device) => device.appVersion ?? '—' },
    { title: t('devices.columns.createdAt'), key: 'createdAt', width: 150, render: (_, device) => formatInstant(device.createdAt) },
    {
      title: t('devices.columns.state'),
      key: 'state',
      width: 200,
      render: (_, device) =>
        device.revokedAt === null ? (
          <Tag color="green">{t('devices.inUse')}</Tag>
        ) : (
          <Tag color="red" data-testid={`device-revoked-${device.id}`}>
            {t('devices.revokedAt', { at: formatInstant(device.revokedAt) })}
          </Tag>
        ),
    },
    {
      title: t('devices.columns.actions'),
      key: 'actions',
      width: 100,
      render: (_, device) => device.revokedAt === null && <RevokeButton api={api} device={device} onRevoked={list.replace} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('devices.title')}
        subtitle={t('devices.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={list.reload} loading={list.loading} data-testid="devices-reload">
            {t('reload')}
          </Button>
        }
      />
      {list.error !== null && <LoadError error={list.error} onRetry={list.reload} />}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('devices.filterUser')}
        value={userId}
        onChange={(next: string | undefined) => setUserId(next)}
        options={owners.map((owner) => ({ value: owner.userId, label: owner.label }))}
        style={{ width: 280, marginBottom: 16 }}
        data-testid="device-user-filter"
      />
      <Table<DeviceInfo>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        size="middle"
        locale={{ emptyText: t('devices.empty') }}
        data-testid="devices-table"
      />
    </>
  );
}
