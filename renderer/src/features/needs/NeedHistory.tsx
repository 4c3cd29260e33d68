// 办理记录: every step of the need, oldest first, merged from every device that took one.
import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Need, Unit } from '@domain/collections';
import { needActions, type NeedAction, type NeedStep } from '@domain/needFlow';
import { stepsInOrder, stepUnitName } from '../../lib/needActor';
import { useNeedTexts } from './useNeedTexts';

const isAction = (value: string): value is NeedAction => (needActions as readonly string[]).includes(value);

export function NeedHistory({ need, units }: { need: Need; units: ReadonlyMap<string, Unit> }) {
  const { t, actionName } = useNeedTexts();
  const steps = stepsInOrder(need);
  const color = (step: NeedStep) => (step.toState === 'closed' ? 'green' : step.toState === 'returned' ? 'red' : 'blue');
  return (
    <div data-testid="need-history">
      <Typography.Title level={5}>{t('detail.history')}</Typography.Title>
      {steps.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.historyEmpty')}</Typography.Text>
      ) : (
        <Timeline
          items={steps.map((step) => {
            const unit = stepUnitName(step, units);
            return {
              key: step.id,
              color: color(step),
              content: (
                <div data-testid="need-step" data-action={step.action}>
                  <Typography.Text strong>{isAction(step.action) ? actionName(step.action) : step.action}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                    {dayjs(step.at).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                  <div>
                    {t('step.by', { name: step.byName ?? step.by })}
                    {/* Which device: the start of its id, enough to tell a person's two devices apart. */}
                    {step.deviceId !== undefined && (
                      <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                        {t('step.device', { id: step.deviceId.slice(0, 8) })}
                      </Typography.Text>
                    )}
                  </div>
                  {unit !== undefined && <div>{t('step.unit', { name: unit })}</div>}
                  {step.note !== undefined && <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{step.note}</Typography.Paragraph>}
                </div>
              ),
            };
          })}
        />
      )}
    </div>
  );
}
