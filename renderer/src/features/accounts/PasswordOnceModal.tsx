// A reset password, shown once: the server keeps only its hash, so closing this is final.
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminAccount } from '@domain/contract';

export function PasswordOnceModal({ account, password, onClose }: { account: AdminAccount; password: string; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  return (
    <Modal
      open
      title={t('accounts.resetDone')}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="account-password-close">
          {t('accounts.close')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('accounts.resetDoneContent', { name: account.displayName, username: account.username })} style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable={{ text: password }} style={{ fontSize: 20, fontFamily: 'monospace' }}>
        <span data-testid="account-password-value">{password}</span>
      </Typography.Paragraph>
    </Modal>
  );
}
