// Always visible (design.md "What the person sees"): online/offline, changes waiting, last sync,
// sync now, the conflict log, and the first sync's progress. Test ids are used by the end-to-end tests.
import { CloudSyncOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Badge, Button, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { syncNow } from '../../session/lifecycle';
import { useConflictLog } from '../../sync/conflictLog';
import { isOnline, useSyncStatus } from '../../sync/status';
import { ConflictDrawer } from './ConflictDrawer';

function formatSyncTime(iso: string): string {
  const time = dayjs(iso);
  return time.isSame(dayjs(), 'day') ? time.format('HH:mm:ss') : time.format('YYYY-MM-DD HH:mm');
}

// Each part reads only the fields it shows: the first sync updates its count at every pulled batch,
// and re-rendering the whole bar (its drawer and buttons) each time was a visible share of the
// main thread during the sync.
const FirstSyncTag = memo(function FirstSyncTag() {
  const { t } = useTranslation();
  const received = useSyncStatus((status) => status.firstSync?.received);
  if (received === undefined) return null;
  return (
    <Tag icon={<CloudSyncOutlined />} color="processing" data-testid="sync-first">
      {t('header.firstSync', { count: received })}
    </Tag>
  );
});

const MemoConflictDrawer = memo(ConflictDrawer);

export function SyncStatusBar() {
  const { t } = useTranslation();
  const status = useSyncStatus(useShallow(({ firstSync: _progress, ...shown }) => shown));
  const conflicts = useConflictLog((state) => state.entries.length);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);
  const online = isOnline(status);
  const offlineReason = status.browserOnline ? t('header.serverUnreachable') : t('header.offline');
  const synced = online && !status.syncing && !status.lastError && status.pending === 0 && status.lastSyncedAt !== null && !status.stopped;

  return (
    <Space wrap size={[12, 8]}>
      <Tooltip title={online ? undefined : offlineReason}>
        <Tag color={online ? 'success' : 'default'} data-testid="sync-online" data-online={online}>
          {online ? t('header.online') : t('header.offline')}
        </Tag>
      </Tooltip>
      <Typography.Text data-testid="sync-pending" data-count={status.pending} type={status.pending > 0 ? 'warning' : undefined}>
        {t('header.pending', { count: status.pending })}
      </Typography.Text>
      <Typography.Text data-testid="sync-last" type="secondary" data-synced={synced}>
        {status.lastSyncedAt ? t('header.lastSync', { time: formatSyncTime(status.lastSyncedAt) }) : t('header.neverSynced')}
      </Typography.Text>
      <FirstSyncTag />
      <Button size="small" icon={<SyncOutlined spin={status.syncing && online} />} onClick={syncNow} disabled={status.stopped} data-testid="sync-now">
        {t('header.syncNow')}
      </Button>
      <span data-testid="conflicts-badge" data-count={conflicts}>
        <Badge count={conflicts} size="small" offset={[-4, 4]}>
          <Button size="small" type="text" icon={<ExclamationCircleOutlined />} onClick={() => setDrawerOpen(true)}>
            {t('header.conflicts')}
          </Button>
        </Badge>
      </span>
      {status.lastError && status.browserOnline && !status.stopped && (
        <Tooltip title={status.lastError}>
          <Typography.Text type="danger" ellipsis style={{ maxWidth: 360 }} data-testid="sync-error">
            {t('header.lastError', { message: status.lastError })}
          </Typography.Text>
        </Tooltip>
      )}
      <MemoConflictDrawer open={drawerOpen} onClose={closeDrawer} />
    </Space>
  );
}
