// After an offline login, while the server is out of reach: the data is local and syncs later.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import '../../session/locales';
import { useSessionStore } from '../../session/store';
import { isOnline, useSyncStatus } from '../../sync/status';

export function OfflineLoginNotice() {
  const { t } = useTranslation('session');
  const offlineLogin = useSessionStore((state) => state.offlineLogin);
  const online = useSyncStatus(isOnline);
  if (!offlineLogin || online) return null;
  return <Alert type="info" banner showIcon title={t('offline.notice')} data-testid="login-offline-notice" />;
}
