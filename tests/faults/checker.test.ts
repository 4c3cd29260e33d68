// The fault suite's checker on hand-made logs: it must see a silently dropped write and a device
// that differs from the server, and must not blame writes that are where they belong.
import type { AnyDoc } from '@domain/collections';
import { describe, expect, it } from 'vitest';
import { check, historyKey, WriteLog, type CheckInput, type ServerHistoryEntry } from './support/checker';

const doc = (fields: Record<string, unknown> = {}): AnyDoc => ({ id: 'x', streetId: 's', communityId: 'c', name: '原名', _deleted: false, ...fields });

function input(log: WriteLog, server: AnyDoc, options: Partial<CheckInput> & { trail?: ServerHistoryEntry[] } = {}): CheckInput {
  return {
    writes: log.writes,
    server: { compounds: [server] },
    history: new Map([[historyKey('compounds', 'x'), options.trail ?? []]]),
    devices: options.devices ?? { A: { docs: { compounds: [server] }, conflicts: [] }, B: { docs: { compounds: [server] }, conflicts: [] } },
  };
}

function write(log: WriteLog, device: string, fields: Record<string, unknown>, acked = true): void {
  const entry = log.begin({ device, collection: 'compounds', id: 'x', fields });
  if (acked) log.acknowledge(entry);
}

describe('the checker', () => {
  it('finds a write that is on the server', () => {
    const log = new WriteLog();
    write(log, 'A', { name: '甲' });
    expect(check(input(log, doc({ name: '甲' }))).lost).toBe(0);
  });

  it('reports a write the server never got and no conflict log holds as lost', () => {
    const log = new WriteLog();
    write(log, 'A', { name: '甲' });
    write(log, 'B', { name: '乙' });
    const result = check(input(log, doc({ name: '乙' }), { trail: [{ device: 'B', before: doc(), after: doc({ name: '乙' }) }] }));
    expect(result.lost).toBe(1);
    expect(result.lostWrites[0]).toMatchObject({ write: { device: 'A' }, fields: ['name'] });
  });

  it('accepts a value set aside in the conflict log of the device that wrote it, not of another', () => {
    const log = new WriteLog();
    write(log, 'A', { name: '甲' });
    const server = doc({ name: '乙' });
    const setAside = [{ collection: 'compounds' as const, docId: 'x', fields: [{ field: 'name', local: '甲' }] }];
    const onA = input(log, server, { devices: { A: { docs: { compounds: [server] }, conflicts: setAside } } });
    expect(check(onA).lost).toBe(0);
    const onB = input(log, server, { devices: { A: { docs: { compounds: [server] }, conflicts: [] }, B: { docs: { compounds: [server] }, conflicts: setAside } } });
    expect(check(onB).lost).toBe(1);
  });

  it('accepts a value superseded by a later write on the same device', () => {
    const log = new WriteLog();
    write(log, 'A', { name: '甲' });
    write(log, 'A', { name: '丙' });
    expect(check(input(log, doc({ name: '丙' }))).lost).toBe(0);
  });

  it('accepts a value that reached the server and was changed after it in the server order', () => {
    const log = new WriteLog();
    write(log, 'A', { name: '甲' });
    write(log, 'B', { name: '乙' });
    const trail = [
      { device: 'A', before: doc(), after: doc({ name: '甲' }) },
      { device: 'B', before: doc({ name: '甲' }), after: doc({ name: '乙' }) },
    ];
    expect(check(input(log, doc({ name: '乙' }), { trail })).lost).toBe(0);
    // The same value set on the server by someone who did not write it does not excuse the loss.
    const stranger = [{ device: 'C', before: doc(), after: doc({ name: '甲' }) }, trail[1]!];
    expect(check(input(log, doc({ name: '乙' }), { trail: stranger })).lost).toBe(1);
  });

  it('counts only acknowledged writes, and a deletion by its tombstone', () => {
    const log = new WriteLog();
    write(log, 'A', { name: '甲' }, false);
    write(log, 'B', { _deleted: true });
    expect(check(input(log, doc({ _deleted: true }))).lost).toBe(0);
    expect(check(input(log, doc())).lost).toBe(1);
  });

  it('reports a device whose document differs from the server, misses it or keeps a deleted one', () => {
    const log = new WriteLog();
    const server = doc({ name: '乙' });
    const same = { docs: { compounds: [{ ...server, _meta: { lwt: 1 }, _rev: '1-a' } as AnyDoc] }, conflicts: [] };
    expect(check(input(log, server, { devices: { A: same } })).diverged).toBe(0);
    const differs = check(input(log, server, { devices: { A: same, B: { docs: { compounds: [doc({ name: '甲' })] }, conflicts: [] } } }));
    expect(differs.diverged).toBe(1);
    expect(differs.divergences).toEqual([{ device: 'B', collection: 'compounds', id: 'x', what: 'name' }]);
    expect(check(input(log, server, { devices: { A: { docs: { compounds: [] }, conflicts: [] } } })).divergences[0]?.what).toBe('missing on device');
    const deleted = doc({ _deleted: true });
    expect(check(input(log, deleted, { devices: { A: { docs: { compounds: [doc()] }, conflicts: [] } } })).diverged).toBe(1);
  });
});
