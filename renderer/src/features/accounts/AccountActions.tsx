// One account's actions: disable or enable, reset the password, change the scope. Each asks first
// and says when it takes effect.
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminAccount } from '@domain/contract';
import { generatePassword } from './accountRows';
import type { AdminApi } from './adminApi';

export interface AccountActionsProps {
  api: AdminApi;
  account: AdminAccount;
  isSelf: boolean;
  onChanged: (account: AdminAccount) => void;
  onPasswordReset: (account: AdminAccount, password: string) => void;
  onChangeScope: (account: AdminAccount) => void;
}

export function AccountActions({ api, account, isSelf, onChanged, onPasswordReset, onChangeScope }: AccountActionsProps) {
  const { t } = useTranslation('accounts');
  const { modal, message } = App.useApp();
  const name = account.displayName;

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      void message.error(t('accounts.actionFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const disable = () => {
    void modal.confirm({
      title: t('accounts.disableTitle', { name }),
      content: t('accounts.disableContent'),
      okText: t('accounts.disable'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'account-disable-ok' } },
      onOk: () =>
        run(async () => {
          onChanged(await api.disable(account.id));
          void message.success(t('accounts.disabled', { name }));
        }),
    });
  };

  const enable = () =>
    run(async () => {
      onChanged(await api.enable(account.id));
      void message.success(t('accounts.enabled', { name }));
    });

  const resetPassword = () => {
    void modal.confirm({
      title: t('accounts.resetTitle', { name }),
      content: t('accounts.resetContent'),
      okText: t('accounts.resetPassword'),
      okButtonProps: { ...{ 'data-testid': 'account-password-ok' } },
      onOk: () =>
        run(async () => {
          const password = generatePassword();
          const updated = await api.resetPassword(account.id, password);
          onChanged(updated);
          onPasswordReset(updated, password);
        }),
    });
  };

  return (
    <Space size={0} wrap>
      {!isSelf &&
        (account.disabled ? (
          <Button type="link" size="small" onClick={() => void enable()} data-testid={`account-enable-${account.username}`}>
            {t('accounts.enable')}
          </Button>
        ) : (
          <Button type="link" size="small" danger onClick={disable} data-testid={`account-disable-${account.username}`}>
            {t('accounts.disable')}
          </Button>
        ))}
      <Button type="link" size="small" onClick={resetPassword} data-testid={`account-password-${account.username}`}>
        {t('accounts.resetPassword')}
      </Button>
      {account.role !== 'street_admin' && (
        <Button type="link" size="small" onClick={() => onChangeScope(account)} data-testid={`account-scope-${account.username}`}>
          {t('accounts.changeScope')}
        </Button>
      )}
    </Space>
  );
}
