// The first search of a long list in Chinese characters or digits (a name copied from the list, a
// mobile's last digits) reads no pinyin: at city scale, the pinyin of 20,000 names took seconds
// before the list answered (tests/bench/app.bench.ts, cold start → interactive). A search in
// letters reads it, with the same results as before.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as PinyinPro from 'pinyin-pro';

const calls = vi.hoisted(() => ({ count: 0 }));
vi.mock('pinyin-pro', async (importOriginal) => {
  const original = await importOriginal<typeof PinyinPro>();
  return {
    ...original,
    pinyin: ((...args: Parameters<typeof original.pinyin>) => {
      calls.count++;
      return original.pinyin(...args);
    }) as typeof original.pinyin,
  };
});

const { buildSearchIndex, searchIndex } = await import('../src/lib/search');

interface Person {
  name: string;
  building: string;
  mobile: string;
}

let run = 0;
// Names unique to each test: the pinyin of a name once read is kept.
const people = (): Person[] => {
  run++;
  return [
    { name: `张三${run}`, building: '3号楼', mobile: '13800001234' },
    { name: `李四${run}`, building: '10号楼', mobile: '13900005678' },
    { name: `王五${run}`, building: '幸福花园2号楼', mobile: '13700009999' },
  ];
};
const sourceOf = (person: Person) => ({ personNames: [person.name], texts: [person.building], endings: [person.mobile] });

describe('search: pinyin read only when letters are searched', () => {
  beforeEach(() => {
    calls.count = 0;
  });

  it('finds by characters and digits without reading pinyin', () => {
    const list = people();
    const index = buildSearchIndex(list, sourceOf);
    expect(searchIndex(index, '张三').map((person) => person.name)).toEqual([list[0]!.name]);
    expect(searchIndex(index, '5678').map((person) => person.name)).toEqual([list[1]!.name]);
    expect(searchIndex(index, '10号').map((person) => person.name)).toEqual([list[1]!.name]);
    expect(searchIndex(index, '幸福 王').map((person) => person.name)).toEqual([list[2]!.name]);
    expect(calls.count).toBe(0);
  });

  it('reads pinyin for a search in letters, exact matches before loose ones', () => {
    const list = [...people(), { name: '张思', building: '1号楼', mobile: '1' }];
    const index = buildSearchIndex(list, sourceOf);
    expect(searchIndex(index, 'zhangsan').map((person) => person.name)).toEqual([list[0]!.name]);
    expect(calls.count).toBeGreaterThan(0);
    expect(searchIndex(index, 'zs').map((person) => person.name)).toEqual([list[0]!.name, '张思']);
    expect(searchIndex(index, 'lisi 5678').map((person) => person.name)).toEqual([list[1]!.name]);
  });
});
