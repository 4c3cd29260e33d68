// The accounts with data on this device (several staff may share one workstation): picking one
// fills the form, so its own database, session and scope open; "其他账号" clears it.
import { UserOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { localDatabases } from '../../db/name';
import { deviceAccounts, type DeviceAccount } from '../../session/accounts';
import '../../session/locales';

/** Accounts that signed in online here and whose local database is still on the device. */
export function knownAccounts(): DeviceAccount[] {
  const names = new Set(localDatabases().map((entry) => entry.name));
  return deviceAccounts()
    .filter((account) => names.has(account.vaultId))
    .sort((a, b) => b.lastOnlineLoginAt.localeCompare(a.lastOnlineLoginAt));
}

export function KnownAccounts({
  accounts,
  selected,
  onPick,
}: {
  accounts: DeviceAccount[];
  selected: string | undefined;
  onPick: (account: DeviceAccount | null) => void;
}) {
  const { t } = useTranslation('session');
  if (accounts.length === 0) return null;
  const servers = new Set(accounts.map((account) => account.serverUrl));
  return (
    <div style={{ marginBottom: 16 }} data-testid="login-known-users">
      <Typography.Text strong>{t('known.title')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('known.hint')}
      </Typography.Paragraph>
      <Flex vertical gap={6}>
        {accounts.map((account) => (
          <Button
            key={account.vaultId}
            block
            type={selected === account.vaultId ? 'primary' : 'default'}
            ghost={selected === account.vaultId}
            icon={<UserOutlined />}
            style={{ height: 'auto', padding: '6px 12px', justifyContent: 'flex-start', textAlign: 'left' }}
            onClick={() => onPick(account)}
            data-testid={`login-known-user-${account.username}`}
          >
            <span>
              <strong>{account.displayName}</strong> · {account.username}
              {servers.size > 1 ? ` · ${account.serverUrl}` : ''}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('known.lastOnline', { date: dayjs(account.lastOnlineLoginAt).format('YYYY-MM-DD HH:mm') })}
              </Typography.Text>
            </span>
          </Button>
        ))}
        <Button block type="dashed" onClick={() => onPick(null)} data-testid="login-known-user-other">
          {t('known.other')}
        </Button>
      </Flex>
    </div>
  );
}
