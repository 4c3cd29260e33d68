// Telling the person whose building leader claim lost in sync (issue 3: "the other person is told"):
// a notification that stays until closed, and the same sentence, with names, in the conflict log.
import { Alert, App, Button } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDocs } from '../../db/hooks';
import { byId } from '../../lib/counts';
import { paths } from '../../lib/paths';
import { useConflictLog } from '../../sync/conflictLog';
import type { ConflictEntry } from '../../sync/conflicts';
import { leaderConflictMessageKey, leaderConflicts, memberIdsOf, type LeaderConflict } from './buildingLeaders';
import { useBuildingLeaderNames } from './useBuildingLeaderNames';

// A spread, because a hyphenated attribute is not among DivProps' declared keys.
const noticeTestId = { 'data-testid': 'leader-conflict-notice' };

// Told once per conflict while the app runs; the conflict log keeps it until marked done.
const told = new Set<string>();

/** The buildings the conflicts concern, with their compounds: a person with many compounds needs to know which "3号楼". */
function useConflictBuildings(conflicts: readonly LeaderConflict[]) {
  const buildingIds = useMemo(() => [...new Set(conflicts.map((conflict) => conflict.buildingId))].sort(), [conflicts]);
  const buildings = useDocs('buildings', { selector: { id: { $in: buildingIds } } });
  const compoundIds = useMemo(() => [...new Set(buildings.docs.map((building) => building.compoundId))].sort(), [buildings.docs]);
  const compounds = useDocs('compounds', { selector: { id: { $in: compoundIds } } });
  const buildingById = useMemo(() => byId(buildings.docs), [buildings.docs]);
  const compoundById = useMemo(() => byId(compounds.docs), [compounds.docs]);
  return {
    loading: buildings.loading || compounds.loading,
    compoundIdOf: (conflict: LeaderConflict) => buildingById.get(conflict.buildingId)?.compoundId,
    placeOf: (conflict: LeaderConflict) => {
      const building = buildingById.get(conflict.buildingId);
      const compound = building && compoundById.get(building.compoundId);
      return compound ? `${compound.name}${building.name}` : (building?.name ?? conflict.buildingName);
    },
  };
}

function useConflictSentence(conflicts: readonly LeaderConflict[]) {
  const { t } = useTranslation('compounds');
  const { names, loading: namesLoading } = useBuildingLeaderNames(useMemo(() => memberIdsOf(conflicts), [conflicts]));
  const places = useConflictBuildings(conflicts);
  const nameOf = (id: string | undefined) => (id === undefined ? '' : (names.get(id) ?? t('leaders.unknownMember')));
  const sentence = (conflict: LeaderConflict) =>
    t(`leaders.conflict.${leaderConflictMessageKey(conflict)}`, {
      building: places.placeOf(conflict),
      standing: nameOf(conflict.standingMemberId),
      lost: nameOf(conflict.lostMemberId),
    });
  return { sentence, nameOf, compoundIdOf: places.compoundIdOf, loading: namesLoading || places.loading };
}

/**
 * Mounted once in the signed-in layout: notifies about each leader conflict the log gains. With none
 * (nearly always) it reads nothing: RxDB serves `$in` from the index range between the smallest and
 * largest id, and an empty list has no range, so the empty queries scanned every building, compound
 * and member at each start (tests/bench/app.bench.ts).
 */
export function BuildingLeaderConflictNotices() {
  const entries = useConflictLog((state) => state.entries);
  const conflicts = useMemo(() => leaderConflicts(entries), [entries]);
  return conflicts.length === 0 ? null : <LeaderConflictNotifier conflicts={conflicts} />;
}

function LeaderConflictNotifier({ conflicts }: { conflicts: readonly LeaderConflict[] }) {
  const { t } = useTranslation('compounds');
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const { sentence, compoundIdOf, loading } = useConflictSentence(conflicts);

  useEffect(() => {
    if (loading) return;
    for (const conflict of conflicts) {
      if (told.has(conflict.key)) continue;
      told.add(conflict.key);
      const compoundId = compoundIdOf(conflict);
      notification.warning({
        key: conflict.key,
        title: t('leaders.conflict.title'),
        description: (
          <>
            {sentence(conflict)}
            <br />
            {t('leaders.conflict.hint')}
          </>
        ),
        duration: false,
        actions: compoundId !== undefined && (
          <Button
            size="small"
            onClick={() => {
              notification.destroy(conflict.key);
              void navigate(paths.compound(compoundId));
            }}
          >
            {t('leaders.conflict.open')}
          </Button>
        ),
        props: { role: 'alert', ...noticeTestId },
      });
    }
  });
  return null;
}

/** In a conflict log entry of a building: the sentence, and member names for the leader field's values. */
export function useLeaderConflictText(entry: ConflictEntry) {
  const { t } = useTranslation('compounds');
  const conflict = useMemo(() => leaderConflicts([entry])[0], [entry]);
  const conflicts = useMemo(() => (conflict ? [conflict] : []), [conflict]);
  const { sentence, nameOf } = useConflictSentence(conflicts);
  return {
    /** The field's name, for the leader field. */
    fieldLabel: (field: string) => (entry.collection === 'buildings' && field === 'leaderMemberId' ? t('leaders.conflict.field') : undefined),
    /** A member's name in place of the id, for the leader field. */
    value: (field: string, value: unknown) =>
      entry.collection === 'buildings' && field === 'leaderMemberId' && typeof value === 'string' ? nameOf(value) : undefined,
    notice: conflict && <Alert type="warning" showIcon title={sentence(conflict)} style={{ marginBottom: 8 }} data-testid="leader-conflict-text" />,
  };
}
