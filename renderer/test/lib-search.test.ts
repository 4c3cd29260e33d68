import { describe, expect, it, vi } from 'vitest';
import { buildSearchIndex, prepareSearchIndex, searchIndex, type SearchSource } from '../src/lib/search';

interface Person {
  name: string;
  mobile?: string;
  building?: string;
}

const people: Person[] = [
  { name: '张三', mobile: '13812345678', building: '3号楼' },
  { name: '李四', mobile: '13900001111', building: '12号楼' },
  { name: '单雄信', mobile: '13700002222' },
  { name: '吕布' },
  { name: 'Zhao Si' },
];
const source = (person: Person): SearchSource => ({ personNames: [person.name], texts: [person.building], endings: [person.mobile] });
const index = buildSearchIndex(people, source);
const names = (query: string) => searchIndex(index, query).map((person) => person.name);

describe('list search', () => {
  it('finds a person by pinyin initials, in any case', () => {
    // Zhao Si, typed in letters, is found too, after the exact match.
    expect(names('zs')).toEqual(['张三', 'Zhao Si']);
    expect(names('ZS')).toEqual(['张三', 'Zhao Si']);
    expect(names('zhaosi')).toEqual(['Zhao Si']);
  });

  it('finds by characters and by full pinyin', () => {
    expect(names('张')).toEqual(['张三']);
    expect(names('zhangsan')).toEqual(['张三']);
    expect(names('lisi')).toEqual(['李四']);
  });

  it('reads a surname as a surname (单 is shan) and ü as v', () => {
    expect(names('sxx')).toEqual(['单雄信']);
    expect(names('lvbu')).toEqual(['吕布']);
  });

  it('finds by the last digits of a mobile, not by digits in the middle', () => {
    expect(names('5678')).toEqual(['张三']);
    expect(names('1111')).toEqual(['李四']);
    expect(names('1234')).toEqual([]);
  });

  it('finds by building name', () => {
    expect(names('3号楼')).toEqual(['张三']);
    expect(names('12号')).toEqual(['李四']);
  });

  it('needs every term to match', () => {
    expect(names('zs 3号楼')).toEqual(['张三']);
    expect(names('zs 12号楼')).toEqual([]);
  });

  it('does not match across two fields', () => {
    // 张三's initials end in "s", its building starts with "3": "s3" must not join them.
    expect(names('s3')).toEqual([]);
  });

  it('returns everyone, in order, for a blank query', () => {
    expect(names('')).toEqual(people.map((person) => person.name));
    expect(names('   ')).toHaveLength(people.length);
  });

  it('finds compound names by initials and full pinyin', () => {
    const compounds = buildSearchIndex([{ name: '幸福花园' }, { name: '阳光小区' }], (c) => ({ names: [c.name] }));
    expect(searchIndex(compounds, 'xfhy').map((c) => c.name)).toEqual(['幸福花园']);
    expect(searchIndex(compounds, 'xh').map((c) => c.name)).toEqual(['幸福花园']);
    expect(searchIndex(compounds, 'xf').map((c) => c.name)).toEqual(['幸福花园']);
    expect(searchIndex(compounds, 'yangguang').map((c) => c.name)).toEqual(['阳光小区']);
  });

  it('lists exact matches before initials that skip characters', () => {
    const list = buildSearchIndex([{ name: '张小松' }, { name: '周三' }, { name: '张三' }], (p) => ({ personNames: [p.name] }));
    // 张三 and 周三 have the initials zs; 张小松 (zxs) only skips a character.
    expect(searchIndex(list, 'zs').map((p) => p.name)).toEqual(['周三', '张三', '张小松']);
    expect(searchIndex(list, 'zxs').map((p) => p.name)).toEqual(['张小松']);
  });
});

describe('the index prepared in idle time', () => {
  // Many people, so that preparing takes several slices.
  const crowd: Person[] = Array.from({ length: 3000 }, (_, i) => ({ name: `${'张李王赵刘'[i % 5]}${'一二三四五六七八九'[i % 9]}${i}`, mobile: `138${String(i).padStart(8, '0')}` }));

  it('is what the first search uses: nothing is computed again at the keystroke', async () => {
    const list = [...crowd];
    const sourceOf = vi.fn(source);
    await prepareSearchIndex(list, sourceOf, new AbortController().signal);
    expect(sourceOf).toHaveBeenCalledTimes(list.length);
    const prepared = buildSearchIndex(list, sourceOf);
    expect(sourceOf).toHaveBeenCalledTimes(list.length);
    expect(searchIndex(prepared, '00002999').map((person) => person.name)).toEqual(['刘三2999']);
    expect(searchIndex(prepared, 'zj').length).toBe(searchIndex(buildSearchIndex([...crowd], source), 'zj').length);
  });

  it('stops when the list is left, and a search then builds the index itself', async () => {
    const list = [...crowd];
    const sourceOf = vi.fn(source);
    const controller = new AbortController();
    const preparing = prepareSearchIndex(list, sourceOf, controller.signal);
    controller.abort();
    await preparing;
    expect(sourceOf).not.toHaveBeenCalled();
    expect(searchIndex(buildSearchIndex(list, sourceOf), '张一0').map((person) => person.name)).toEqual(['张一0']);
    expect(sourceOf).toHaveBeenCalledTimes(list.length);
  });
});
