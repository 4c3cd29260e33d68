import { describe, expect, it } from 'vitest';
import type { Building, Grid, Member } from '@domain/collections';
import {
  buildingsOfCompounds,
  filterGrids,
  gridCounts,
  gridFormValues,
  gridFromForm,
  gridGaps,
  gridOfBuilding,
  gridPeople,
  gridProblems,
  peopleCounts,
  withoutMissing,
  type GridFormValues,
} from '../src/features/grids/gridModel';
import { serverProblems } from './serverRules';

const member = (id: string, name: string, extra: Partial<Member> = {}): Member => ({ id, streetId: 's1', communityId: 'c1', name, isPartyMember: true, ...extra });
const building = (id: string, compoundId: string, extra: Partial<Building> = {}): Building => ({ id, streetId: 's1', communityId: 'c1', compoundId, name: `${id}号楼`, ...extra });

const grid: Grid = {
  id: 'g1',
  streetId: 's1',
  communityId: 'c1',
  name: '东门第1网格',
  code: '01',
  compoundIds: ['k1'],
  buildingIds: ['b1', 'b2'],
  gridWorkerIds: ['m1'],
  communityWorkerIds: ['m2'],
  volunteerIds: ['m1', 'gone'],
};
const other: Grid = { id: 'g2', streetId: 's1', communityId: 'c1', name: '东门第2网格', code: '02', buildingIds: ['b3'], compoundIds: ['k2'] };
const elsewhere: Grid = { id: 'g9', streetId: 's1', communityId: 'c2', name: '西门第1网格', buildingIds: ['b4'] };

const members = [
  member('m1', '张三', { gridId: 'g1' }),
  member('m2', '李四', { gridId: 'g2' }),
  member('m3', '王五', { gridId: 'g1' }),
  member('m4', '赵六'),
  member('m5', '钱七', { gridId: 'deleted-grid' }),
  member('m6', '孙八', { communityId: 'c2' }),
];
const buildings = [
  building('b1', 'k1', { leaderMemberId: 'm1' }),
  building('b2', 'k1'),
  building('b3', 'k2'),
  building('b5', 'k1'),
  building('b4', 'k9', { communityId: 'c2' }),
];

describe('grid people', () => {
  it('lists the workers, volunteers and members placed in the grid, each once with every role', () => {
    const people = gridPeople(grid, new Map(members.map((m) => [m.id, m])));
    expect(people.map((person) => [person.member.id, person.roles])).toEqual([
      ['m2', ['communityWorker']],
      ['m3', ['resident']],
      ['m1', ['gridWorker', 'volunteer', 'resident']],
    ]);
  });

  it('counts people per grid without counting a person twice or one who no longer exists', () => {
    const counts = peopleCounts([grid, other], members);
    expect(counts.get('g1')).toBe(3); // m1 (worker, volunteer, placed), m2 (community worker), m3 (placed)
    expect(counts.get('g2')).toBe(1);
    expect(gridCounts(grid, counts)).toEqual({ compounds: 1, buildings: 2, people: 3 });
    expect(gridCounts({ ...other, compoundIds: undefined, buildingIds: undefined }, new Map())).toEqual({ compounds: 0, buildings: 0, people: 0 });
  });
});

describe('grid gaps', () => {
  it('finds the grid buildings with no leader, the community people in no grid, and its compounds’ buildings in no grid', () => {
    const gaps = gridGaps(grid, [grid, other, elsewhere], buildings, members);
    expect(gaps.buildingsWithoutLeader.map((b) => b.id)).toEqual(['b2']);
    // m5's grid was deleted, so m5 is in no grid; m6 is of another community.
    expect(gaps.peopleWithoutGrid.map((m) => m.id).sort()).toEqual(['m4', 'm5']);
    // b3 is covered by g2 and is not of g1's compounds anyway; b5 is of k1 and in no grid.
    expect(gaps.buildingsWithoutGrid.map((b) => b.id)).toEqual(['b5']);
  });

  it('has no gaps once every building has a leader and a grid and everyone is placed', () => {
    const full = { ...grid, buildingIds: ['b1', 'b2', 'b5'] };
    const led = buildings.map((b) => ({ ...b, leaderMemberId: 'm1' }));
    const placed = members.map((m) => ({ ...m, gridId: 'g1' }));
    expect(gridGaps(full, [full, other], led, placed)).toEqual({ buildingsWithoutLeader: [], peopleWithoutGrid: [], buildingsWithoutGrid: [] });
  });

  it('knows which grid covers a building', () => {
    const covering = gridOfBuilding([other, grid]);
    expect(covering.get('b1')?.id).toBe('g1');
    expect(covering.get('b3')?.id).toBe('g2');
    expect(covering.has('b5')).toBe(false);
  });
});

describe('grid form', () => {
  const docs = {
    compounds: [
      { id: 'k1', communityId: 'c1' },
      { id: 'k2', communityId: 'c1' },
      { id: 'k9', communityId: 'c2' },
    ],
    buildings,
    members,
    grids: [grid, other, elsewhere],
  };
  const values = (extra: Partial<GridFormValues> = {}): GridFormValues =>
    withoutMissing({ ...(gridFormValues(grid, undefined) as GridFormValues), ...extra }, docs);

  it('round-trips a stored grid and creates a document the server accepts', () => {
    const { volunteerIds, ...rest } = grid;
    expect(volunteerIds).toContain('gone');
    // A volunteer deleted meanwhile is dropped, nothing else changes.
    expect(gridFromForm(values(), grid)).toEqual({ ...rest, volunteerIds: ['m1'] });
    expect(gridFromForm(gridFormValues(grid, undefined) as GridFormValues, grid)).toEqual(grid);
    const created = gridFromForm({ communityId: 'c1', name: ' 新网格 ', code: '  ', compoundIds: ['k1'], buildingIds: ['b5'] }, { id: 'g3', streetId: 's1' });
    expect(created).toEqual({
      id: 'g3',
      streetId: 's1',
      communityId: 'c1',
      name: '新网格',
      compoundIds: ['k1'],
      buildingIds: ['b5'],
      gridWorkerIds: [],
      communityWorkerIds: [],
      volunteerIds: [],
    });
    expect(serverProblems('grids', created)).toEqual([]);
    expect(gridProblems('g3', { communityId: 'c1', name: '新网格', compoundIds: ['k1'], buildingIds: ['b5'] }, docs)).toEqual([]);
  });

  it('refuses a code another grid of the community has, but not one of another community', () => {
    expect(gridProblems('g1', values({ code: '02' }), docs)).toEqual([{ field: 'code', kind: 'codeTaken', other: '东门第2网格' }]);
    expect(gridProblems('g9', { communityId: 'c2', name: '西门', code: '01' }, docs)).toEqual([]);
  });

  it('refuses places and people of another community, and buildings of compounds not chosen', () => {
    expect(gridProblems('g1', values({ compoundIds: ['k1', 'k9'] }), docs)).toContainEqual({ field: 'compoundIds', kind: 'otherCommunity' });
    expect(gridProblems('g1', values({ buildingIds: ['b4'] }), docs)).toEqual([{ field: 'buildingIds', kind: 'otherCommunity' }]);
    expect(gridProblems('g1', values({ buildingIds: ['b1', 'b3'] }), docs)).toEqual([{ field: 'buildingIds', kind: 'compoundNotChosen' }]);
    expect(gridProblems('g1', values({ volunteerIds: ['m6'] }), docs)).toEqual([{ field: 'volunteerIds', kind: 'otherCommunity' }]);
    expect(gridProblems('g1', values({ name: '  ' }), docs)).toEqual([{ field: 'name', kind: 'required' }]);
  });

  it('drops the buildings of a compound taken out of the grid', () => {
    expect(buildingsOfCompounds(['b1', 'b2', 'b3'], ['k2'], buildings)).toEqual(['b3']);
    expect(buildingsOfCompounds(['b1'], [], buildings)).toEqual([]);
  });

  it('filters by community', () => {
    expect(filterGrids([grid, other, elsewhere], { communityId: 'c2' }).map((g) => g.id)).toEqual(['g9']);
    expect(filterGrids([grid, elsewhere], {})).toHaveLength(2);
  });
});
