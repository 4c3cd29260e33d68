// Why the person is on the login page again: asked to sign in again, device revoked, or the local
// database could not be opened.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { missingCase } from '@domain/scope';
import type { SessionNotice } from '../../session/store';

export function SessionNoticeAlert({ notice }: { notice: SessionNotice }) {
  const { t } = useTranslation();
  const style = { marginBottom: 16 };
  switch (notice.kind) {
    case 'reauth':
    case 'expired':
      return <Alert type="info" showIcon title={t('login.reauth')} style={style} data-testid="login-notice" />;
    case 'revoked':
      return <Alert type="error" showIcon title={t('auth.revoked')} style={style} data-testid="login-notice" />;
    case 'outdated':
      return <Alert type="error" showIcon title={t('auth.outdated', { minVersion: notice.minVersion ?? '' })} style={style} data-testid="login-notice" />;
    case 'openFailed':
      return <Alert type="error" showIcon title={t('errors.openDatabase', { message: notice.message })} style={style} data-testid="login-notice" />;
    default:
      return missingCase(notice);
  }
}
