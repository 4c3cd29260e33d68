// The tags a need shows in lists, cards and its page.
import { Tag } from 'antd';
import type { NeedState } from '@domain/needFlow';
import type { Urgency } from './needDoc';
import { stateColors, urgencyColors, useNeedTexts } from './useNeedTexts';

export function StateTag({ state, testId }: { state: NeedState; testId?: string }) {
  const { stateName } = useNeedTexts();
  return (
    <Tag color={stateColors[state]} data-testid={testId}>
      {stateName(state)}
    </Tag>
  );
}

export function UrgencyTag({ urgency }: { urgency: Urgency | undefined }) {
  const { urgencyName } = useNeedTexts();
  const value = urgency ?? 'normal';
  return <Tag color={urgencyColors[value]}>{urgencyName(value)}</Tag>;
}

export function OverdueTag() {
  const { t } = useNeedTexts();
  return (
    <Tag color="red" data-testid="need-overdue">
      {t('overdueTag')}
    </Tag>
  );
}

export function NewTag() {
  const { t } = useNeedTexts();
  return (
    <Tag color="magenta" data-testid="need-new">
      {t('newTag')}
    </Tag>
  );
}
