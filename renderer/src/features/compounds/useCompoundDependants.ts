// What points at each compound: shown as counts, and the reason a compound cannot be deleted.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Compound } from '@domain/collections';
import { useDocs } from '../../db/hooks';
import { countBy } from '../../lib/counts';
import { describeBlockers } from '../../lib/dependants';
import { compoundBlockers, type CompoundDependants } from './compoundDependants';

export function useCompoundDependants(): CompoundDependants {
  const buildings = useDocs('buildings');
  const members = useDocs('members');
  const needs = useDocs('needs');
  const activities = useDocs('activities');
  return useMemo(
    () => ({
      buildings: countBy(buildings.docs, (doc) => doc.compoundId),
      members: countBy(members.docs, (doc) => doc.compoundId),
      needs: countBy(needs.docs, (doc) => doc.compoundId),
      activities: countBy(activities.docs, (doc) => doc.compoundId),
    }),
    [buildings.docs, members.docs, needs.docs, activities.docs],
  );
}

/** Why a compound cannot be deleted, in the person's language, or undefined when it can. */
export function useCompoundDeleteReason(dependants: CompoundDependants): (compound: Compound) => string | undefined {
  const { t } = useTranslation('compounds');
  return (compound) => {
    const blockers = compoundBlockers(dependants, compound);
    if (blockers.length === 0) return undefined;
    const what = describeBlockers(blockers, (kind, count) => t(`dependants.${kind}`, { count }), t('dependants.separator'));
    return t('deleteBlocked', { name: compound.name, what });
  };
}
