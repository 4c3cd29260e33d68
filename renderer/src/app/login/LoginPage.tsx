// Sign in: server address, username, password, or one of the accounts with data on this device.
// Online first; when the server cannot be reached (not when it refuses: its own Chinese message is
// shown then), the device's vault checks the password and the person works offline.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Layout, Typography, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { signIn } from '../../session/lifecycle';
import { defaultServerUrl, normalizeServerUrl } from '../../session/serverUrl';
import { loadSettings, useSessionStore } from '../../session/store';
import { KnownAccounts, knownAccounts } from './KnownAccounts';
import { SessionNoticeAlert } from './SessionNoticeAlert';

interface LoginForm {
  server: string;
  username: string;
  password: string;
}

function initialValues(): LoginForm {
  const settings = loadSettings();
  const server = settings.serverUrl ?? defaultServerUrl();
  return { server, username: settings.usernames[server] ?? '', password: '' };
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSessionStore((state) => state.session);
  const notice = useSessionStore((state) => state.notice);
  const [form] = Form.useForm<LoginForm>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [initial] = useState(initialValues);
  const [accounts] = useState(knownAccounts);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const passwordInput = useRef<InputRef>(null);

  if (session) return <Navigate to="/" replace />;

  async function submit(values: LoginForm) {
    const server = normalizeServerUrl(values.server);
    if (!server) {
      form.setFields([{ name: 'server', errors: [t('login.invalidServer')] }]);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await signIn(server, values.username.trim(), values.password);
      await navigate('/', { replace: true });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  }

  function pick(account: (typeof accounts)[number] | null) {
    setPicked(account?.vaultId);
    setError(null);
    form.setFieldsValue(account ? { server: account.serverUrl, username: account.username, password: '' } : { username: '', password: '' });
    if (account) passwordInput.current?.focus();
  }

  const required = (field: string) => [{ required: true, message: t('login.required', { field }) }];

  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 400, maxWidth: '92vw' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4, color: '#b71c1c' }}>
          {t('appName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {notice && <SessionNoticeAlert notice={notice} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <KnownAccounts accounts={accounts} selected={picked} onPick={pick} />
        <Form<LoginForm> form={form} layout="vertical" initialValues={initial} onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item name="server" label={t('login.server')} tooltip={t('login.serverHint')} rules={required(t('login.server'))}>
            <Input data-testid="login-server" autoComplete="url" inputMode="url" />
          </Form.Item>
          <Form.Item name="username" label={t('login.username')} rules={required(t('login.username'))}>
            <Input prefix={<UserOutlined />} data-testid="login-username" autoComplete="username" autoFocus={!initial.username} />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={required(t('login.password'))}>
            <Input.Password ref={passwordInput} prefix={<LockOutlined />} data-testid="login-password" autoComplete="current-password" autoFocus={Boolean(initial.username)} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Layout>
  );
}
