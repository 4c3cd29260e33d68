// State, action and urgency names, and the state machine's refusals, in the person's language.
import { useTranslation } from 'react-i18next';
import type { NeedAction, NeedFlowProblem, NeedState } from '@domain/needFlow';
import { needStateColors } from '../../lib/needSummary';
import type { Urgency } from './needDoc';

export function useNeedTexts() {
  const { t } = useTranslation('needs');
  const stateName = (state: NeedState) => t(`problems.needStates.${state}`);
  const actionName = (action: NeedAction) => t(`problems.needActions.${action}`);
  const urgencyName = (urgency: Urgency) => t(`urgency.${urgency}`);
  const problemText = (problem: NeedFlowProblem) => {
    const { from, to, action, role } = problem.params;
    return t(`problems.needFlow.${problem.code}`, {
      from: from ? stateName(from) : '',
      to: to ? stateName(to) : '',
      action: action ? actionName(action) : '',
      role: role ? t(`roles.${role}`) : '',
      defaultValue: problem.message,
    });
  };
  return { t, stateName, actionName, urgencyName, problemText };
}

/** The same colours wherever a need's state shows. */
export const stateColors = needStateColors;

export const urgencyColors: Record<Urgency, string> = { low: 'default', normal: 'gold', high: 'red' };
