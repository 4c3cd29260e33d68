// Lists in pinyin order, numbers in numeric order, the same whether names repeat or not.
import { describe, expect, it } from 'vitest';
import { compareText, sortByName } from '../src/lib/collate';

const named = (names: string[]) => names.map((name, i) => ({ name, i }));

describe('sortByName', () => {
  it('orders by pinyin, numbers by value (names all distinct, and repeated)', () => {
    expect(sortByName(named(['张伟', '10号楼', '安华', '2号楼', '李娜'])).map((doc) => doc.name)).toEqual(['2号楼', '10号楼', '安华', '李娜', '张伟']);
    const repeated = ['10号楼', '2号楼', '10号楼', '2号楼', '1号楼', '2号楼'];
    expect(sortByName(named(repeated)).map((doc) => doc.name)).toEqual(['1号楼', '2号楼', '2号楼', '2号楼', '10号楼', '10号楼']);
  });

  it('keeps the given order among documents of one name, and of names that collate alike', () => {
    const sorted = sortByName(named(['王芳', 'b', '李娜', 'B', '王芳', '李娜', 'b', '王芳', 'B']));
    expect(sorted.map((doc) => `${doc.name}${doc.i}`)).toEqual(['李娜2', '李娜5', '王芳0', '王芳4', '王芳7', 'b1', 'B3', 'b6', 'B8']);
  });

  it('gives what a sort comparing every pair gives, on many repeated names', () => {
    const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
    const given = ['伟', '芳', '秀英', '敏', '静', '丽', '强', '磊', '1', '12', 'a', 'A'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const docs = named(Array.from({ length: 2000 }, () => surnames.charAt(next() % surnames.length) + (given[next() % given.length] ?? '')));
    expect(sortByName(docs)).toEqual([...docs].sort((a, b) => compareText(a.name, b.name)));
  });

  it('leaves its input as it was, and sorts nothing to nothing', () => {
    const docs = named(['乙', '甲']);
    sortByName(docs);
    expect(docs.map((doc) => doc.name)).toEqual(['乙', '甲']);
    expect(sortByName([])).toEqual([]);
  });
});
