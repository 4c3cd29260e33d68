// Three devices of one community edit the same compounds, buildings and members offline for many
// rounds on a seeded random schedule (FAULTS_SEED replays one), coming back online in random
// order; after quiescence the checker finds every acknowledged write on the server or in its
// device's conflict log, and every device holding exactly the server's state. The same schedule
// with a deliberately broken client (RxDB's server-wins handler) on one device shows that the
// checker sees the losses that handler causes.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { report } from './report';
import { summarize } from './support/checker';
import type { Device } from './support/device';
import { Fleet, startWorld, type World } from './support/device-fleet';
import { offlineRounds, Rng, seedFromEnv } from './support/schedule';

const ROUNDS = 10;
const seed = seedFromEnv();
let world: World;
let fleet: Fleet | undefined;

beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.server.close());
afterEach(async () => {
  await fleet?.close();
  fleet = undefined;
});

/** The seeded schedule: rounds of offline edits and reconnections in random order, then one sure conflict. */
async function runSchedule(target: Fleet, devices: Device[]): Promise<{ offlineSpells: number; edits: number }> {
  const { offlineSpells, edits } = await offlineRounds(target.records, devices, new Rng(seed), ROUNDS);
  // The last round: the first and second device both rename the same compound offline; the second
  // reconnects first, so the first device's push meets a server value it never saw.
  const [first, second] = devices as [Device, Device];
  const compoundId = target.records.compounds[0]!;
  await Promise.all(devices.map((device) => device.setOnline(true)));
  await Promise.all(devices.map((device) => device.waitIdle()));
  await first.setOnline(false);
  await second.setOnline(false);
  await first.edit('compounds', compoundId, { name: `最后一轮-${first.name}` });
  await second.edit('compounds', compoundId, { name: `最后一轮-${second.name}` });
  await second.setOnline(true);
  await second.waitIdle();
  await first.setOnline(true);
  return { offlineSpells: offlineSpells + 2, edits: edits + 2 };
}

it(`three devices edit the same records offline for ${ROUNDS} rounds and converge (seed ${seed})`, async () => {
  fleet = await Fleet.create(world);
  const devices = await Promise.all([fleet.addDevice('A'), fleet.addDevice('B'), fleet.addDevice('C')]);
  await fleet.quiesce();
  const { offlineSpells, edits } = await runSchedule(fleet, devices);
  const rounds = await fleet.quiesce();
  const result = await fleet.check();
  const conflicts = (await Promise.all(devices.map((device) => device.conflicts()))).flat();
  report({
    scenario: `convergence: 3 devices, ${ROUNDS} rounds offline (seed ${seed})`,
    injected: offlineSpells,
    lost: result.lost,
    diverged: result.diverged,
    details: [`${edits} edits, ${conflicts.length} conflict-log entries, quiet after ${rounds} sync rounds`, ...summarize(result)],
  });
  expect(result.lostWrites).toEqual([]);
  expect(result.divergences).toEqual([]);
  expect(conflicts.length).toBeGreaterThan(0);
});

it(`(broken client) the same schedule with a server-wins handler on one device: the checker reports losses (seed ${seed})`, async () => {
  fleet = await Fleet.create(world);
  const devices = await Promise.all([fleet.addDevice('A', { serverWins: true }), fleet.addDevice('B'), fleet.addDevice('C')]);
  await fleet.quiesce();
  const { offlineSpells } = await runSchedule(fleet, devices);
  await fleet.quiesce();
  const result = await fleet.check();
  report({
    scenario: `convergence with a server-wins client on device A (seed ${seed})`,
    injected: offlineSpells,
    lost: result.lost,
    diverged: result.diverged,
    expectsLoss: true,
    details: summarize(result),
  });
  expect(result.lost).toBeGreaterThan(0);
  expect(result.lostWrites.every(({ write }) => write.device === 'A')).toBe(true);
});
