// The merge decides what survives when a device and the server both changed a document while
// apart. Its invariants are the spec (design.md "Conflicts"): nothing a person typed is ever lost
// without a trace, and the same three states always merge the same way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyDoc } from '@domain/collections';
import { deepEqual, mergeThreeWay } from '@domain/merge';
import { applyEdit, clone, editArb, needArb, plainFields, step } from './arbitraries';

const merge = (base: AnyDoc | undefined, server: AnyDoc, local: AnyDoc) => mergeThreeWay('needs', base, server, local);

/** A base and the two sides' edits of it. */
const apart = fc.tuple(needArb, editArb, editArb).map(([base, serverEdit, localEdit]) => ({
  base,
  server: applyEdit(base, serverEdit),
  local: applyEdit(base, localEdit),
}));

const stepIds = (doc: AnyDoc): string[] => (Array.isArray(doc.steps) ? (doc.steps as { id: string }[]).map((entry) => entry.id) : []);

describe('three-way merge of a need', () => {
  it('keeps a field changed on one side only', () => {
    fc.assert(
      fc.property(apart, ({ base, server, local }) => {
        const { merged } = merge(base, server, local);
        for (const field of plainFields) {
          const localChanged = !deepEqual(base[field], local[field]);
          const serverChanged = !deepEqual(base[field], server[field]);
          if (localChanged && !serverChanged) expect(merged[field], field).toEqual(local[field]);
          if (serverChanged && !localChanged) expect(merged[field], field).toEqual(server[field]);
          if (!serverChanged && !localChanged) expect(merged[field], field).toEqual(base[field]);
        }
      }),
    );
  });

  it("takes the server's value where both sides changed a field differently, and reports the local one", () => {
    fc.assert(
      fc.property(apart, ({ base, server, local }) => {
        const { merged, conflicts } = merge(base, server, local);
        const contested = plainFields.filter(
          (field) => !deepEqual(base[field], local[field]) && !deepEqual(base[field], server[field]) && !deepEqual(server[field], local[field]),
        );
        for (const field of contested) {
          expect(merged[field], field).toEqual(server[field]);
          expect(conflicts).toContainEqual({ field, base: base[field], server: server[field], local: local[field] });
        }
        expect(conflicts.map((conflict) => conflict.field).sort()).toEqual([...contested].sort());
      }),
    );
  });

  it('is deterministic and leaves its inputs untouched', () => {
    fc.assert(
      fc.property(apart, ({ base, server, local }) => {
        const before = clone({ base, server, local });
        const first = merge(base, server, local);
        const second = merge(clone(base), clone(server), clone(local));
        expect(second).toEqual(first);
        expect({ base, server, local }).toEqual(before);
      }),
    );
  });

  it('returns the server state when only the server changed, and the local state when only the device did', () => {
    fc.assert(
      fc.property(apart, ({ base, server, local }) => {
        const serverOnly = merge(base, server, base);
        expect(deepEqual(serverOnly.merged, server)).toBe(true);
        expect(serverOnly.conflicts).toEqual([]);
        const localOnly = merge(base, base, local);
        expect(deepEqual(localOnly.merged, local)).toBe(true);
        expect(localOnly.conflicts).toEqual([]);
      }),
    );
  });

  it('keeps every log entry of both sides exactly once', () => {
    fc.assert(
      fc.property(apart, ({ base, server, local }) => {
        const ids = stepIds(merge(base, server, local).merged);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set([...stepIds(server), ...stepIds(local)]));
      }),
    );
  });

  it('never reports a conflict on a log field', () => {
    fc.assert(
      fc.property(apart, ({ base, server, local }) => {
        expect(merge(base, server, local).conflicts.map((conflict) => conflict.field)).not.toContain('steps');
      }),
    );
  });

  it('lets a server-side deletion stand and reports every local edit that differs from it', () => {
    fc.assert(
      fc.property(apart, ({ base, server, local }) => {
        const deleted: AnyDoc = { ...server, _deleted: true };
        const { merged, conflicts } = merge(base, deleted, local);
        expect(merged).toEqual(deleted);
        const edited = [...plainFields, 'steps'].filter((field) => !deepEqual(base[field], local[field]) && !deepEqual(deleted[field], local[field]));
        expect(conflicts.map((conflict) => conflict.field).sort()).toEqual(edited.sort());
        for (const conflict of conflicts) expect(conflict.local).toEqual(local[conflict.field]);
      }),
    );
  });

  it('keeps a local deletion when the server did not delete, taking the server edits into the tombstone', () => {
    fc.assert(
      fc.property(apart, ({ base, server }) => {
        const { merged, conflicts } = merge(base, server, { ...base, _deleted: true });
        expect(merged._deleted).toBe(true);
        expect(conflicts).toEqual([]);
        for (const field of plainFields) expect(merged[field], field).toEqual(server[field]);
      }),
    );
  });

  it('without a base, keeps what only one side has and lets the server win what both have', () => {
    const server: AnyDoc = { id: 'need-1', streetId: 's', communityId: 'c', _deleted: false, state: 'claimed', steps: [step(1)] };
    const local: AnyDoc = { id: 'need-1', streetId: 's', communityId: 'c', _deleted: false, state: 'listed', urgency: 'high', steps: [step(2)] };
    const { merged, conflicts } = merge(undefined, server, local);
    expect(merged).toEqual({ ...server, urgency: 'high', steps: [step(1), step(2)] });
    expect(conflicts).toEqual([{ field: 'state', base: undefined, server: 'claimed', local: 'listed' }]);
  });
});

describe('deepEqual', () => {
  it('ignores key order, storage bookkeeping and keys holding undefined', () => {
    expect(deepEqual({ a: 1, b: { c: [1, 2], d: 'x' } }, { b: { d: 'x', c: [1, 2] }, a: 1 })).toBe(true);
    expect(deepEqual({ id: 'x', _meta: { lwt: 1 }, _rev: '1-a' }, { id: 'x', _rev: '2-b' })).toBe(true);
    expect(deepEqual({ id: 'x', note: undefined }, { id: 'x' })).toBe(true);
  });

  it('tells apart values, array order, arrays from objects and null from missing', () => {
    expect(deepEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ 0: 'a' }, ['a'])).toBe(false);
    expect(deepEqual({ a: null }, {})).toBe(false);
    expect(deepEqual({ a: { b: 1 } }, { a: { b: 1, c: 2 } })).toBe(false);
    expect(deepEqual('1', 1)).toBe(false);
  });

  it('is symmetric and agrees with a copy', () => {
    fc.assert(
      fc.property(needArb, needArb, (a, b) => {
        expect(deepEqual(a, b)).toBe(deepEqual(b, a));
        expect(deepEqual(a, clone(a))).toBe(true);
      }),
    );
  });
});
