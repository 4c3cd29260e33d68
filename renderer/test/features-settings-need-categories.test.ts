// The street's need categories and their deadlines: names unique and present, deadlines whole days
// within a year, a category in use kept.
import { describe, expect, it } from 'vitest';
import { addNeedCategory, editNeedCategory, needCategoryUsage, removeNeedCategory } from '../src/features/settings/needCategories';

const categories = [
  { id: 'c1', name: '环境卫生', deadlineDays: 7 },
  { id: 'c2', name: '设施维修', deadlineDays: 15 },
];

describe('need categories', () => {
  it('adds a category with a trimmed name and its deadline', () => {
    expect(addNeedCategory(categories, '  停车管理 ', 10, 'c3').categories?.at(-1)).toEqual({ id: 'c3', name: '停车管理', deadlineDays: 10 });
  });

  it('refuses an empty or taken name and a deadline that is not 1–365 whole days', () => {
    expect(addNeedCategory(categories, ' ', 10, 'c3').problem).toEqual({ field: 'name', code: 'nameRequired' });
    expect(addNeedCategory(categories, '设施维修', 10, 'c3').problem).toMatchObject({ field: 'name', code: 'nameTaken', name: '设施维修' });
    for (const days of [0, 366, 2.5, Number.NaN]) expect(addNeedCategory(categories, '停车', days, 'c3').problem).toEqual({ field: 'deadlineDays', code: 'daysRange' });
  });

  it('edits the name and deadline in place, keeping its own name allowed', () => {
    expect(editNeedCategory(categories, 'c2', '设施维修', 20).categories).toEqual([categories[0], { id: 'c2', name: '设施维修', deadlineDays: 20 }]);
    expect(editNeedCategory(categories, 'c2', '环境卫生', 20).problem?.code).toBe('nameTaken');
    expect(editNeedCategory(categories, 'gone', '新', 20).problem?.code).toBe('gone');
  });

  it('counts the needs of a category, closed ones too, and removes one', () => {
    expect(needCategoryUsage([{ categoryId: 'c1' }, { categoryId: 'c1' }, { categoryId: 'c2' }, {}], 'c1')).toBe(2);
    expect(removeNeedCategory(categories, 'c1')).toEqual([categories[1]]);
  });
});
