// Pushes that race (issue 7): a push reads and checks without holding the writers' lock, and its
// write statement writes only if nothing it decided on changed meanwhile. Whatever the timing,
// a document is never overwritten by a push that did not see it: of devices creating the same
// document, or editing the same stored state, exactly one is accepted, the others get the stored
// state back as a conflict, and the history holds exactly the accepted writes.
import { beforeAll, expect, it } from 'vitest';
import type { WireDoc } from '@domain/collections';
import { forEachBackend } from './support/backends';
import { build, pushNew, setUpStreet, stored, type Session, type StreetFixture } from './support/street';

const DEVICES = 8;
const ROUNDS = 5;

forEachBackend('pushes that race', (backend) => {
  let street: StreetFixture;
  beforeAll(async () => {
    street = await setUpStreet(backend.url);
  });

  /** Every device pushes its own row at the same instant; resolves to each device's conflicts. */
  const race = (sessions: readonly Session[], collection: 'compounds', rowOf: (device: number) => unknown) =>
    Promise.all(sessions.map(({ api }, device) => api.push<WireDoc<'compounds'>>(collection, [rowOf(device)]).then((reply) => reply.ok())));

  it('of devices creating the same document at once, accepts one and answers the others with it', async () => {
    const devices = Array.from({ length: DEVICES }, () => street.staffA);
    for (let round = 0; round < ROUNDS; round++) {
      const base = build.compound(street.communityA);
      const versions = devices.map((_, device) => ({ ...base, name: `设备${device}的小区` }));
      const answers = await race(devices, 'compounds', (device) => ({ newDocumentState: versions[device] }));

      const winner = await stored(street.staffA.api, 'compounds', base.id);
      expect(versions).toContainEqual(winner);
      const accepted = answers.filter((conflicts) => conflicts.length === 0);
      expect(accepted).toHaveLength(1);
      for (const conflicts of answers.filter((c) => c.length > 0)) expect(conflicts).toEqual([winner]);
      const history = (await street.staffA.api.history('compounds', base.id)).ok();
      expect(history.map((entry) => [entry.before, entry.after])).toEqual([[null, winner]]);
    }
  });

  it('of devices editing the same stored state at once, accepts one and answers the others with it', async () => {
    const devices = Array.from({ length: DEVICES }, () => street.staffA);
    const original = build.compound(street.communityA, { residentCount: 100 });
    await pushNew(street.staffA.api, 'compounds', [original]);
    let current = original;
    for (let round = 0; round < ROUNDS; round++) {
      const versions = devices.map((_, device) => ({ ...current, residentCount: 1000 * (round + 1) + device }));
      const answers = await race(devices, 'compounds', (device) => ({ assumedMasterState: current, newDocumentState: versions[device] }));

      const winner = await stored(street.staffA.api, 'compounds', original.id);
      expect(versions).toContainEqual(winner);
      expect(answers.filter((conflicts) => conflicts.length === 0)).toHaveLength(1);
      for (const conflicts of answers.filter((c) => c.length > 0)) expect(conflicts).toEqual([winner]);
      // The history's `before` of the accepted write is the state it replaced, not another device's.
      const history = (await street.staffA.api.history('compounds', original.id)).ok();
      expect(history).toHaveLength(round + 2);
      expect(history.at(-1)).toMatchObject({ before: current, after: winner });
      current = winner!;
    }
  });
});
