// The signed-in part of the app renders only with a session and its local database open. Opening
// never needs the network, so this works offline.
// Once open, the layout mounts as a deferred value: a transition React renders in slices, where the
// store's update (zustand, always synchronous) rendered the whole layout in one blocking task.
import { Button, Result, Spin } from 'antd';
import { useDeferredValue, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useDatabaseStore } from '../db/current';
import { signOut } from '../session/lifecycle';
import { useSessionStore } from '../session/store';

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
  if (!open || !shownOpen) return <Spin fullscreen description={t('loading')} />;
  return children;
}
