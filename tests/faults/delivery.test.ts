// Delivery faults: the same push delivered twice (at once, as a middlebox retrying would, and again
// much later), and pushes arriving out of order (late replays of a device's own requests, and a
// chain of new writes delivered newest first, children before parents). Duplicates write nothing
// and add no history; late pushes never overwrite newer states; a chain delivered out of order ends
// where it would in order; after quiescence nothing is lost and the devices hold the server's state.
import type { AnyDoc, CollectionName } from '@domain/collections';
import { deepEqual } from '@domain/merge';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { report } from './report';
import { summarize } from './support/checker';
import type { CapturedPush } from './support/device';
import { Fleet, startWorld, type World } from './support/device-fleet';
import { applyEdit, randomEdit, Rng, seedFromEnv } from './support/schedule';

const seed = seedFromEnv();
let world: World;
let fleet: Fleet | undefined;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await fleet?.close();
  await world.server.close();
});

interface PushRowBody {
  assumedMasterState?: AnyDoc | null;
  newDocumentState: AnyDoc;
}

/** What the server holds and how long every document's trail is: a replay must change neither. */
async function serverPicture(target: Fleet, pushes: readonly CapturedPush[]): Promise<{ state: unknown; trails: Record<string, number> }> {
  const trails: Record<string, number> = {};
  for (const push of pushes) {
    for (const row of JSON.parse(push.body) as PushRowBody[]) {
      const id = row.newDocumentState.id;
      trails[`${push.collection}/${id}`] ??= (await target.history(push.collection, id)).length;
    }
  }
  return { state: await target.serverState(), trails };
}

it(`pushes delivered twice and out of order write nothing twice and lose nothing (seed ${seed})`, async () => {
  const rng = new Rng(seed);
  fleet = await Fleet.create(world);
  const [a, b] = await Promise.all([fleet.addDevice('A'), fleet.addDevice('B')]);
  await fleet.quiesce();
  const api = fleet.apiOf(a);
  let injected = 0;

  // A works online, one change at a time, with every push it sends captured; the last few pushes
  // are each delivered twice at the same moment.
  await a.capture(true);
  const compound = fleet.records.compounds[0]!;
  for (let step = 0; step < 10; step++) {
    if (step === 6) await a.duplicatePushes(4);
    const edit = step % 3 === 0 ? { kind: 'edit' as const, collection: 'compounds' as const, id: compound, fields: { residentCount: 1000 + step } } : randomEdit(rng, fleet.records, `A${step}`);
    await applyEdit(a, edit);
    await a.waitIdle();
  }
  const captured = await a.capture(false);
  const duplicated = await a.duplicatePushes(0);
  injected += duplicated;
  expect(captured.length).toBeGreaterThanOrEqual(8);
  expect(duplicated).toBeGreaterThan(0);
  const before = await serverPicture(fleet, captured);
  // A push delivered twice at once is written once: no trail holds the same state twice in a row.
  for (const key of Object.keys(before.trails)) {
    const [collection, id] = key.split('/') as [CollectionName, string];
    const trail = await fleet.history(collection, id);
    expect(trail.some((entry, i) => i > 0 && deepEqual(entry.after, trail[i - 1]!.after))).toBe(false);
  }

  // The same pushes again, late: in order, newest first, and shuffled.
  const statuses: number[] = [];
  let conflicts = 0;
  for (const order of [captured, [...captured].reverse(), rng.shuffle(captured)]) {
    for (const push of order) {
      const reply = await api.push(push.collection, JSON.parse(push.body));
      statuses.push(reply.status);
      if (reply.status === 200) conflicts += (reply.body as unknown[]).length;
      injected += 1;
    }
  }
  expect(statuses.every((status) => status === 200)).toBe(true);
  // Nothing was written again: the same state, no new history.
  expect(await serverPicture(fleet, captured)).toEqual(before);

  // A chain of new writes (a compound, its building, two edits of the building, as A's pushes
  // carried them) delivered newest first: children before their parent are refused whole, late
  // older states never overwrite newer ones, and the end state is the in-order one.
  const now = await fleet.serverState();
  const template = now.buildings!.find((doc) => !doc._deleted)!;
  const parent = now.compounds!.find((doc) => doc.id === template.compoundId)!;
  const newCompoundId = crypto.randomUUID();
  const s0: AnyDoc = { ...template, id: crypto.randomUUID(), compoundId: newCompoundId, name: '乱序-0' };
  const s1 = { ...s0, name: '乱序-1' };
  const s2 = { ...s1, households: 77 };
  const inOrder: Array<{ collection: CollectionName; rows: PushRowBody[] }> = [
    { collection: 'compounds', rows: [{ newDocumentState: { ...parent, id: newCompoundId, name: '乱序小区' } }] },
    { collection: 'buildings', rows: [{ newDocumentState: s0 }] },
    { collection: 'buildings', rows: [{ assumedMasterState: s0, newDocumentState: s1 }] },
    { collection: 'buildings', rows: [{ assumedMasterState: s1, newDocumentState: s2 }] },
  ];
  const refused: number[] = [];
  for (const push of [...inOrder].reverse()) {
    const reply = await api.push(push.collection, push.rows);
    injected += 1;
    if (reply.status !== 200) {
      expect(reply.status, reply.text).toBe(422);
      refused.push(reply.status);
    }
  }
  // Newest first: the building's pushes came before its compound and were refused whole.
  expect(refused).toHaveLength(3);
  expect((await fleet.history('buildings', s0.id)).length).toBe(0);
  // The building's states arrive again, oldest last (a late retry of each).
  for (const push of [inOrder[3]!, inOrder[1]!, inOrder[2]!]) {
    const reply = await api.push(push.collection, push.rows);
    injected += 1;
    expect(reply.status, reply.text).toBe(200);
  }
  const stored = (await fleet.serverState()).buildings!.find((doc) => doc.id === s0.id);
  expect(stored).toEqual(s2);

  const rounds = await fleet.quiesce();
  const result = await fleet.check();
  for (const device of [a, b]) expect((await device.dump(['buildings'])).buildings!.find((doc) => doc.id === s0.id)).toEqual(s2);
  report({
    scenario: `delivery: pushes duplicated, replayed late and out of order (seed ${seed})`,
    injected,
    lost: result.lost,
    diverged: result.diverged,
    details: [
      `${captured.length} pushes captured from a device; ${duplicated} delivered twice at once; replayed 3 times (in order, reversed, shuffled): ${conflicts} rows answered as conflicts, nothing rewritten`,
      `a new chain delivered newest first: ${refused.length} pushes refused before their parent existed, end state as in order`,
      `quiet after ${rounds} sync rounds`,
      ...summarize(result),
    ],
  });
  expect(result.lostWrites).toEqual([]);
  expect(result.divergences).toEqual([]);
});
