// The street's star thresholds (星级分数线): the minimum total for 2, 3, 4 and 5 stars, each above
// the one before. Saved all four at once, or not at all.
import { Alert, App, Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Street } from '@domain/collections';
import { starThresholdProblems, thresholdProblem } from '@domain/stars';
import { saveDoc } from '../../db/write';

const STARS = [2, 3, 4, 5] as const;

type Values = Record<`t${number}`, number | null | undefined>;

export function StarThresholdsSection({ street, mayEdit }: { street: Street; mayEdit: boolean }) {
  const { t } = useTranslation('settings');
  const stored = street.starThresholds ?? [];
  return (
    <Card title={t('starThresholds.title')} data-testid="settings-star-thresholds">
      <Typography.Paragraph type="secondary">{t('starThresholds.help')}</Typography.Paragraph>
      {stored.length === 0 && <Alert type="warning" showIcon title={t('starThresholds.notSet')} style={{ marginBottom: 16 }} />}
      {thresholdProblem(stored) !== null && <Alert type="error" showIcon title={t('starThresholds.outOfOrder')} style={{ marginBottom: 16 }} />}
      {/* A change pulled from the server shows as a fresh form, edited from that state. */}
      <ThresholdsForm key={stored.join(',')} street={street} mayEdit={mayEdit} />
    </Card>
  );
}

function ThresholdsForm({ street: shown, mayEdit }: { street: Street; mayEdit: boolean }) {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // The state this form started from, so that a change to other settings pulled meanwhile is kept.
  const [base] = useState(shown);
  const [saving, setSaving] = useState(false);
  const initial: Values = Object.fromEntries(STARS.map((_, i) => [`t${i}`, base.starThresholds?.[i]]));

  const save = async (values: Values) => {
    const thresholds = STARS.map((_, i) => values[`t${i}`]);
    const problems = starThresholdProblems(thresholds);
    form.setFields(STARS.map((_, i) => ({ name: `t${i}`, errors: [] })));
    if (problems.length > 0) {
      form.setFields(
        problems.map((problem) => ({
          name: `t${problem.index}`,
          errors: [t(`starThresholds.problems.${problem.code}`, { count: STARS[problem.index], before: STARS[problem.index - 1] })],
        })),
      );
      return;
    }
    setSaving(true);
    try {
      await saveDoc('streets', { ...shown, starThresholds: thresholds.map(Number) }, base);
      void message.success(t('starThresholds.saved'));
    } catch (error) {
      void message.error(t('saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={(values) => void save(values)} disabled={!mayEdit}>
      <Flex gap={16} wrap align="flex-end">
        {STARS.map((count, i) => (
          <Form.Item key={count} name={`t${i}`} label={t('starThresholds.minimum', { count })}>
            <InputNumber min={0} max={100} style={{ width: 120 }} data-testid={`star-threshold-${count}`} />
          </Form.Item>
        ))}
        {mayEdit && (
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="star-thresholds-save">
              {t('starThresholds.save')}
            </Button>
          </Form.Item>
        )}
      </Flex>
    </Form>
  );
}
