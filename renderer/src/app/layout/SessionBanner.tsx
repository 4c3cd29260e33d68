// What the server said about the session: expired (sign in again, data kept) or update required.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { getDesktopApi } from '../../desktop';
import { signOut } from '../../session/lifecycle';
import { useSessionStore } from '../../session/store';

export function SessionBanner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notice = useSessionStore((state) => state.notice);
  if (notice?.kind === 'expired') {
    return (
      <Alert
        type="warning"
        banner
        showIcon
        data-testid="session-expired"
        title={t('auth.expired')}
        action={
          <Button size="small" type="primary" onClick={() => void signOut({ kind: 'reauth' }).then(() => navigate('/login', { replace: true }))}>
            {t('auth.relogin')}
          </Button>
        }
      />
    );
  }
  if (notice?.kind === 'outdated') {
    // On the desktop the shell fetches the update itself (UpdateNotice shows its progress).
    const description = getDesktopApi().updates ? t('auth.outdatedDesktop') : undefined;
    return <Alert type="error" banner showIcon data-testid="client-outdated" title={t('auth.outdated', { minVersion: notice.minVersion ?? '' })} description={description} />;
  }
  return null;
}
