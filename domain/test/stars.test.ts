// The street's assessment settings and score sheets: criteria kept sound, weights summed exactly,
// thresholds four and rising, stars only when they can be given, one sheet per key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCriterion,
  criterionUsage,
  editCriterion,
  findSheet,
  meanScore,
  removeCriterion,
  starThresholdProblems,
  starsOrNone,
  thresholdProblem,
  weightSum,
} from '@domain/stars';

const criteria = [
  { id: 'a', name: '组织建设', weight: 60 },
  { id: 'b', name: '服务群众', weight: 40 },
];

describe('assessment criteria', () => {
  it('add a trimmed name with its weight, refusing an empty or taken name and a weight outside 0–100', () => {
    expect(addCriterion(criteria, '  阵地建设 ', 10, 'c').criteria?.at(-1)).toEqual({ id: 'c', name: '阵地建设', weight: 10 });
    expect(addCriterion(criteria, ' ', 10, 'c').problem).toEqual({ field: 'name', code: 'nameRequired' });
    expect(addCriterion(criteria, '服务群众', 10, 'c').problem).toEqual({ field: 'name', code: 'nameTaken' });
    for (const weight of [-1, 100.5, Number.NaN]) expect(addCriterion(criteria, '新', weight, 'c').problem).toEqual({ field: 'weight', code: 'weightRange' });
  });

  it('edit in place, keeping its own name allowed, and say when it is gone', () => {
    expect(editCriterion(criteria, 'b', '服务群众', 50).criteria).toEqual([criteria[0], { id: 'b', name: '服务群众', weight: 50 }]);
    expect(editCriterion(criteria, 'b', '组织建设', 50).problem?.code).toBe('nameTaken');
    expect(editCriterion(criteria, 'x', '新', 50).problem?.code).toBe('gone');
    expect(removeCriterion(criteria, 'a')).toEqual([criteria[1]]);
  });

  it('count the sheets that score a criterion', () => {
    const sheets = [{ scores: [{ criterionId: 'a', score: 80 }] }, { scores: [{ criterionId: 'b', score: 70 }] }, {}];
    expect(criterionUsage(sheets, 'a')).toBe(1);
    expect(criterionUsage(sheets, 'c')).toBe(0);
  });

  it('sum weights with decimals exactly', () => {
    expect(weightSum([{ weight: 33.3 }, { weight: 33.3 }, { weight: 33.4 }])).toBe(100);
    expect(weightSum([{ weight: 25 }, { weight: 70 }])).toBe(95);
    expect(weightSum([])).toBe(0);
  });
});

describe('star thresholds from the settings form', () => {
  it('need all four, each 0–100, each above the one before', () => {
    expect(starThresholdProblems([60, 70, 80, 90])).toEqual([]);
    expect(starThresholdProblems([60, undefined, 80, null])).toEqual([
      { index: 1, code: 'required' },
      { index: 3, code: 'required' },
    ]);
    expect(starThresholdProblems([60, 120, 80, 90])).toEqual([{ index: 1, code: 'range' }]);
    expect(starThresholdProblems([60, 60, 80, 75])).toEqual([
      { index: 1, code: 'notRising' },
      { index: 3, code: 'notRising' },
    ]);
  });

  it('accept exactly what starsFor can rate', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }), (values) => {
        if (starThresholdProblems(values).length === 0) expect(thresholdProblem(values)).toBeNull();
      }),
    );
  });
});

describe('stars on a page', () => {
  it('are given only with a total and thresholds in order', () => {
    expect(starsOrNone(85, [60, 70, 80, 90])).toBe(4);
    expect(starsOrNone(undefined, [60, 70, 80, 90])).toBeUndefined();
    expect(starsOrNone(85, [60, 90, 80, 95])).toBeUndefined();
  });

  it('follow the mean of several totals, one decimal, ignoring sheets without one', () => {
    expect(meanScore([80, 85, undefined])).toBe(82.5);
    expect(meanScore([70, 70.1, 70.1])).toBe(70.1);
    expect(meanScore([undefined])).toBeUndefined();
  });

  it('a mean lies between the lowest and highest total', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }).map((n) => n / 10), { minLength: 1 }), (totals) => {
        const mean = meanScore(totals) ?? Number.NaN;
        expect(mean).toBeGreaterThanOrEqual(Math.min(...totals));
        expect(mean).toBeLessThanOrEqual(Math.max(...totals));
      }),
    );
  });
});

describe('score sheets', () => {
  const key = { year: 2025, direction: 'departmentToStreet' as const, assessorId: 'dept-01', assesseeId: 'street-01' };
  const sheets = [
    { id: 's1', ...key },
    { id: 's2', ...key, year: 2024 },
    { id: 's3', ...key, assessorId: 'dept-02' },
  ];

  it('are found by year, direction, assessor and assessee', () => {
    expect(findSheet(sheets, key)?.id).toBe('s1');
    expect(findSheet(sheets, { ...key, year: 2024 })?.id).toBe('s2');
    expect(findSheet(sheets, { ...key, direction: 'departmentToCommunity' })).toBeUndefined();
    expect(findSheet(sheets, key, 's1')).toBeUndefined();
    expect(findSheet([{ ...sheets[0]!, _deleted: true }], key)).toBeUndefined();
  });
});
