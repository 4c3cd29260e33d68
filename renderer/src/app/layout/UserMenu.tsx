import { LockOutlined, LogoutOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { currentLanguage, languages, setLanguage, type Language } from '../../i18n';
import { lockSession, signOut } from '../../session/lifecycle';
import '../../session/locales';
import { useCurrentUser } from '../../session/useSession';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  // Signing out and switching user both keep this account's data on the device for its next sign-in.
  const leave = () => void signOut().then(() => navigate('/login', { replace: true }));
  return (
    <Space wrap size={[12, 8]}>
      <Space size={4} data-testid="current-user">
        <UserOutlined />
        <Typography.Text strong>{user.displayName}</Typography.Text>
        <Typography.Text type="secondary">{t(`roles.${user.role}`)}</Typography.Text>
      </Space>
      <Segmented<Language>
        size="small"
        value={currentLanguage()}
        options={languages.map((language) => ({ value: language, label: t(`language.${language}`) }))}
        onChange={(language) => void setLanguage(language)}
        aria-label={t('language.label')}
        data-testid="language-switch"
      />
      <Button size="small" icon={<LockOutlined />} data-testid="user-menu-lock" onClick={() => void lockSession('manual')}>
        {t('session:menu.lock')}
      </Button>
      <Button size="small" icon={<SwapOutlined />} data-testid="user-menu-switch-user" onClick={leave}>
        {t('session:menu.switchUser')}
      </Button>
      <Button size="small" icon={<LogoutOutlined />} data-testid="sign-out" onClick={leave}>
        {t('header.signOut')}
      </Button>
    </Space>
  );
}
