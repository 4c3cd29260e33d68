// The lock screen: at every start (the data key is not on disk, so nothing opens without the
// password), after the street's minutes without input, and when the person locks. It covers the
// whole app while the database is closed; the password is checked by the device's vault, so it
// works with no network. "切换用户" signs out (each account's data stays) to the login page.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Avatar, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lockSession, signOut, unlockSession, unlockWithKeyringAtStart } from '../../session/lifecycle';
import '../../session/locales';
import { idleTooLong } from '../../session/policy';
import { useSessionStore, type LockReason, type StoredSession } from '../../session/store';

/** How often the idle time is checked; the lock itself comes after the street's minutes. */
const IDLE_CHECK_MS = 10_000;
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/** While the data is open: locks after the street's minutes without keyboard, mouse or touch input. */
function useInactivityLock(): void {
  const phase = useSessionStore((state) => state.phase);
  const lockMinutes = useSessionStore((state) => state.lockMinutes);
  useEffect(() => {
    if (phase !== 'ready') return undefined;
    let lastInputAt = Date.now();
    const touch = () => {
      lastInputAt = Date.now();
    };
    for (const event of INPUT_EVENTS) window.addEventListener(event, touch, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (idleTooLong(lastInputAt, lockMinutes, Date.now())) void lockSession('idle');
    }, IDLE_CHECK_MS);
    return () => {
      clearInterval(timer);
      for (const event of INPUT_EVENTS) window.removeEventListener(event, touch, { capture: true });
    };
  }, [phase, lockMinutes]);
}

export function LockScreen() {
  useInactivityLock();
  const phase = useSessionStore((state) => state.phase);
  const session = useSessionStore((state) => state.session);
  const reason = useSessionStore((state) => state.lockReason);
  if (phase !== 'locked' || !session) return null;
  return <LockPanel session={session} reason={reason ?? 'manual'} />;
}

function LockPanel({ session, reason }: { session: StoredSession; reason: LockReason }) {
  const { t } = useTranslation('session');
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [keyring, setKeyring] = useState(reason === 'start');
  const [error, setError] = useState<string | null>(null);

  // The desktop may hold the key in the OS keyring (only at start); the web never does.
  useEffect(() => {
    if (reason !== 'start') return;
    void unlockWithKeyringAtStart()
      .catch(() => false)
      .finally(() => setKeyring(false));
  }, [reason]);

  async function unlock({ password }: { password: string }) {
    setBusy(true);
    setError(null);
    try {
      await unlockSession(password);
      // For the benchmark's cold start (tests/bench/app.bench.ts): when the data is open.
      performance.mark('cg:unlocked');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      data-testid="lock-screen"
      role="dialog"
      aria-modal="true"
      aria-label={t('lock.title')}
      style={{ position: 'fixed', inset: 0, zIndex: 2000, background: '#f5f5f5', display: 'flex', alignItems: 'center', justifyContent: 'center' }}
    >
      <Card style={{ width: 380, maxWidth: '92vw' }}>
        <Flex vertical align="center" gap={8} style={{ marginBottom: 16 }}>
          <Avatar size={56} icon={<UserOutlined />} style={{ background: '#b71c1c' }} />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="lock-user">
            {session.user.displayName}
          </Typography.Title>
          <Typography.Text type="secondary">{session.user.username}</Typography.Text>
          <Typography.Text type="secondary">{t(`lock.${reason}`)}</Typography.Text>
        </Flex>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="lock-error" />}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void unlock(values)} disabled={keyring}>
          <Form.Item name="password" label={t('lock.password')} rules={[{ required: true, message: t('lock.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoFocus autoComplete="current-password" data-testid="lock-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy || keyring} data-testid="lock-unlock">
            {keyring ? t('lock.keyring') : t('lock.unlock')}
          </Button>
        </Form>
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => void signOut()} data-testid="lock-switch-user">
          {t('lock.switchUser')}
        </Button>
      </Card>
    </div>
  );
}
