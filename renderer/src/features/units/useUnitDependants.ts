// What points at each unit: shown as counts, and the reason a unit cannot be deleted.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@domain/collections';
import { useDocs } from '../../db/hooks';
import { countBy } from '../../lib/counts';
import { describeBlockers } from '../../lib/dependants';
import { pairingsEndedByDelete, unitBlockers, type UnitDependants } from './unitDependants';

export function useUnitDependants(): UnitDependants {
  const compounds = useDocs('compounds');
  const members = useDocs('members');
  const orgs = useDocs('orgs');
  const needs = useDocs('needs');
  return useMemo(
    () => ({
      propertyCompounds: countBy(compounds.docs, (doc) => doc.propertyUnitId),
      venues: countBy(
        compounds.docs.flatMap((doc) => doc.venues ?? []),
        (venue) => venue.contributorUnitId,
      ),
      members: countBy(members.docs, (doc) => doc.unitId),
      orgs: countBy(orgs.docs, (doc) => doc.secretaryUnitId),
      needs: countBy(needs.docs, (doc) => doc.claimedByUnitId),
    }),
    [compounds.docs, members.docs, orgs.docs, needs.docs],
  );
}

export interface UnitDeleteTexts {
  /** Why the unit cannot be deleted, or undefined when it can. */
  blockedReason: (unit: Unit) => string | undefined;
  /** What the confirmation says: the pairings a department's delete ends. */
  confirmContent: (unit: Unit) => string;
}

export function useUnitDeleteTexts(dependants: UnitDependants): UnitDeleteTexts {
  const { t } = useTranslation('units');
  return {
    blockedReason: (unit) => {
      const blockers = unitBlockers(dependants, unit);
      if (blockers.length === 0) return undefined;
      const what = describeBlockers(blockers, (kind, count) => t(`dependants.${kind}`, { count }), t('dependants.separator'));
      return t('deleteBlocked', { name: unit.name, what });
    },
    confirmContent: (unit) => {
      const pairings = pairingsEndedByDelete(unit);
      return pairings > 0 ? t('deleteContentPaired', { count: pairings }) : t('deleteContent');
    },
  };
}
