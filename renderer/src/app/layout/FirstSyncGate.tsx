// While a new device's first sync runs, the pages wait: most of them read whole collections live,
// and re-reading (decrypting) and re-rendering thousands of documents after every pulled batch froze
// the screen for seconds at a time and slowed the sync itself (tests/bench/app.bench.ts). The header
// (sync status, progress) stays, and so do the street admin's pages that work on the server's data
// rather than the device's (accounts, devices, 回收站). The person may open the pages anyway, e.g.
// when the first sync cannot finish offline; they open by themselves when it is done.
import { CloudSyncOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { startTransition, useDeferredValue, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { paths } from '../../lib/paths';
import { isOnline, useSyncStatus, type SyncStatus } from '../../sync/status';
import { FIRST_SYNC_NAMESPACE } from './firstSyncLocales';

/** Pages that list what the server holds: they need no local data, and admins use them at once. */
const serverPages: readonly string[] = [paths.accounts, paths.devices, '/trash'];

/** Whether the page at `pathname` waits for the first sync (while it runs). */
export function holdsPage(firstSync: SyncStatus['firstSync'], pathname: string): firstSync is { received: number } {
  return firstSync !== null && !serverPages.includes(pathname);
}

export function FirstSyncGate({ children }: { children: ReactNode }) {
  const firstSync = useSyncStatus((status) => status.firstSync);
  const online = useSyncStatus(isOnline);
  const { pathname } = useLocation();
  const opened = useSyncStatus((status) => status.pagesOpened);
  // When the first sync ends, the page (a dashboard over every collection) mounts as a transition,
  // in slices between other work, rather than in one task that froze the screen as the sync ended.
  const shownSync = useDeferredValue(firstSync);
  const progress = firstSync ?? shownSync;
  if (opened || !holdsPage(progress, pathname)) return children;
  return <FirstSyncProgress received={progress.received} online={online} onOpen={() => startTransition(() => useSyncStatus.setState({ pagesOpened: true }))} />;
}

export function FirstSyncProgress({ received, online, onOpen }: { received: number; online: boolean; onOpen: () => void }) {
  const { t } = useTranslation(FIRST_SYNC_NAMESPACE);
  return (
    <Flex justify="center" style={{ paddingTop: 48 }}>
      <Card style={{ width: 560, maxWidth: '100%' }} data-testid="first-sync-gate">
        <Flex vertical gap={12} align="center">
          <CloudSyncOutlined style={{ fontSize: 40, color: '#b71c1c' }} spin={online} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text strong data-testid="first-sync-received" data-count={received}>
            {t('received', { count: received })}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('hint')}
          </Typography.Paragraph>
          {!online && <Typography.Text type="warning">{t('offline')}</Typography.Text>}
          <Button onClick={onOpen} data-testid="first-sync-open">
            {t('openAnyway')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('openAnywayHint')}
          </Typography.Text>
        </Flex>
      </Card>
    </Flex>
  );
}
