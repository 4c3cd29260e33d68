// The signed-in part of the app renders only with a session and its local database open. Opening
// never needs the network, so this works offline.
// Once open, the layout mounts as a deferred value: a transition React renders in slices, where the
// store's update (zustand, always synchronous) rendered the whole layout in one blocking task.
// A new database's first sync is imported before it opens: its progress shows meanwhile.
import { Button, Result, Spin } from 'antd';
import { useDeferredValue, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useDatabaseStore } from '../db/current';
import { openDuringFirstSync, signOut } from '../session/lifecycle';
import { useSessionStore } from '../session/store';
import { isOnline, useSyncStatus } from '../sync/status';
import { FirstSyncProgress } from './layout/FirstSyncGate';

export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSessionStore((state) => state.session);
  const phase = useSessionStore((state) => state.phase);
  const notice = useSessionStore((state) => state.notice);
  const database = useDatabaseStore((state) => state.current);
  const open = phase === 'ready' && database !== null;
  const shownOpen = useDeferredValue(open);
  if (!session) return <Navigate to="/login" replace />;
  if (phase === 'failed') {
    return (
      <Result
        status="error"
        title={t('errors.openDatabase', { message: notice?.kind === 'openFailed' ? notice.message : '' })}
        extra={<Button onClick={() => void signOut()}>{t('header.signOut')}</Button>}
      />
    );
  }
  if (phase === 'importing') return <ImportProgress />;
  if (!open || !shownOpen) return <Spin fullscreen description={t('loading')} />;
  return children;
}

/** A new database's first sync, imported before the pages open (sync/firstImport). */
function ImportProgress() {
  const received = useSyncStatus((status) => status.firstSync?.received ?? 0);
  const online = useSyncStatus(isOnline);
  return <FirstSyncProgress received={received} online={online} onOpen={openDuringFirstSync} />;
}
