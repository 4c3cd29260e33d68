// The street's offline sign-in days (1–90, default 30) and inactivity lock (default 15 minutes):
// every device of the street follows them after its next sync. Street admins only.
import { App, Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Street } from '@domain/collections';
import { saveDoc } from '../../db/write';
import { LOCK_MINUTES, OFFLINE_LOGIN_DAYS, streetSecurity } from '../../session/policy';

type Field = 'offlineLoginDays' | 'lockMinutes';
type Values = Partial<Record<Field, number | null>>;

const BOUNDS = { offlineLoginDays: OFFLINE_LOGIN_DAYS, lockMinutes: LOCK_MINUTES } as const;
const FIELDS: Field[] = ['offlineLoginDays', 'lockMinutes'];

function valid(field: Field, value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= BOUNDS[field].min && value <= BOUNDS[field].max;
}

export function SecuritySection({ street, mayEdit }: { street: Street; mayEdit: boolean }) {
  const { t } = useTranslation('settings');
  const current = streetSecurity(street);
  return (
    <Card title={t('security.title')} data-testid="settings-security">
      <Typography.Paragraph type="secondary">{t('security.help')}</Typography.Paragraph>
      {/* A change pulled from the server shows as a fresh form, edited from that state. */}
      <SecurityForm key={`${current.offlineLoginDays}/${current.lockMinutes}`} street={street} mayEdit={mayEdit} />
    </Card>
  );
}

function SecurityForm({ street: shown, mayEdit }: { street: Street; mayEdit: boolean }) {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // The state this form started from, so that a change to other settings pulled meanwhile is kept.
  const [base] = useState(shown);
  const [saving, setSaving] = useState(false);

  const save = async (values: Values) => {
    const problems = FIELDS.filter((field) => !valid(field, values[field]));
    form.setFields(FIELDS.map((field) => ({ name: field, errors: problems.includes(field) ? [t(`security.problems.${field}`, BOUNDS[field])] : [] })));
    const { offlineLoginDays, lockMinutes } = values;
    if (!valid('offlineLoginDays', offlineLoginDays) || !valid('lockMinutes', lockMinutes)) return;
    setSaving(true);
    try {
      await saveDoc('streets', { ...shown, offlineLoginDays, lockMinutes }, base);
      void message.success(t('security.saved'));
    } catch (error) {
      void message.error(t('saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={streetSecurity(base)} onFinish={(values) => void save(values)} disabled={!mayEdit}>
      <Flex gap={16} wrap align="flex-end">
        <Form.Item name="offlineLoginDays" label={t('security.offlineLoginDays')}>
          <InputNumber precision={0} suffix={t('security.days')} style={{ width: 140 }} data-testid="settings-offline-login-days" />
        </Form.Item>
        <Form.Item name="lockMinutes" label={t('security.lockMinutes')}>
          <InputNumber precision={0} suffix={t('security.minutes')} style={{ width: 140 }} data-testid="settings-lock-minutes" />
        </Form.Item>
        {mayEdit && (
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-security-save">
              {t('security.save')}
            </Button>
          </Form.Item>
        )}
      </Flex>
    </Form>
  );
}
