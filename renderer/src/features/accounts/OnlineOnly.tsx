// The account and device pages talk to the server directly: offline they say so instead of showing
// a list that would be empty or stale; a failed load says why and offers to try again.
import { Alert, Button } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

export function OfflineNotice() {
  const { t } = useTranslation('accounts');
  return <Alert type="warning" showIcon title={t('offline')} data-testid="admin-offline" />;
}

export function LoadError({ error, onRetry }: { error: string; onRetry: () => void }) {
  const { t } = useTranslation('accounts');
  return (
    <Alert
      type="error"
      showIcon
      title={t('loadFailed', { reason: error })}
      action={<Button onClick={onRetry}>{t('reload')}</Button>}
      style={{ marginBottom: 16 }}
      data-testid="admin-load-error"
    />
  );
}

/** An instant as staff read it: date and minute, in local time. */
export function formatInstant(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}
