// Seeded randomness for the fault suite: a tiny PRNG (mulberry32) and the random edits a device
// makes to the shared records of one community. The seed comes from FAULTS_SEED when given, so a
// failing run can be replayed (with the same writes; the interleaving with the network may differ).
import type { AnyDoc, CollectionName } from '@domain/collections';
import type { Device } from './device';

export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('nothing to pick from');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

/** The scenario's seed: FAULTS_SEED, or a new one (printed by the scenario). */
export function seedFromEnv(): number {
  const given = Number(process.env.FAULTS_SEED);
  return Number.isInteger(given) && given > 0 ? given : Math.floor(Math.random() * 2 ** 31) + 1;
}

/** The records the devices share, by collection: ids only (the devices hold the states). */
export interface SharedRecords {
  streetId: string;
  communityId: string;
  compounds: string[];
  buildings: string[];
  members: string[];
}

export type Edit =
  | { kind: 'edit'; collection: CollectionName; id: string; fields: Record<string, unknown> }
  | { kind: 'create'; collection: CollectionName; doc: AnyDoc }
  | { kind: 'remove'; collection: CollectionName; id: string };

let unique = 0;
/** A value no other edit of the run writes, so the checker can tell whose value it sees. */
function fresh(prefix: string): string {
  unique += 1;
  return `${prefix}${unique}`;
}

/**
 * One random edit of the shared records: mostly field edits of compounds, buildings and members
 * (with values unique in the run), sometimes a new building or member, sometimes a member
 * deleted. Compounds and buildings are never deleted: members and buildings refer to them, and a
 * write referring to a deleted record is refused by the server (a rule, not a fault).
 */
export function randomEdit(rng: Rng, records: SharedRecords, tag: string): Edit {
  const roll = rng.next();
  if (roll < 0.3) {
    const id = rng.pick(records.compounds);
    const field = rng.pick(['name', 'address', 'residentCount', 'note'] as const);
    const value = field === 'residentCount' ? 100 + (unique++ % 900_000) : fresh(field === 'name' ? `小区${tag}-` : `${field}${tag}-`);
    return { kind: 'edit', collection: 'compounds', id, fields: { [field]: value } };
  }
  if (roll < 0.5) {
    const id = rng.pick(records.buildings);
    const field = rng.pick(['name', 'households', 'floors'] as const);
    const value = field === 'name' ? fresh(`楼${tag}-`) : field === 'households' ? 1 + (unique++ % 9_999) : 1 + (unique++ % 199);
    return { kind: 'edit', collection: 'buildings', id, fields: { [field]: value } };
  }
  if (roll < 0.8) {
    const id = rng.pick(records.members);
    const field = rng.pick(['name', 'workUnit', 'note', 'unitNo'] as const);
    const value = field === 'unitNo' ? fresh('').slice(-6) : fresh(field === 'name' ? `成员${tag}-` : `${field}${tag}-`);
    // Two fields at once now and then: a merge that keeps one and sets aside the other.
    const extra = rng.chance(0.3) ? { room: fresh('').slice(-6) } : {};
    return { kind: 'edit', collection: 'members', id, fields: { [field]: value, ...extra } };
  }
  if (roll < 0.88) {
    // Ids are not drawn from the seed: a schedule replayed on the same server must create new records.
    const id = crypto.randomUUID();
    records.buildings.push(id);
    const doc: AnyDoc = {
      id,
      streetId: records.streetId,
      communityId: records.communityId,
      compoundId: rng.pick(records.compounds),
      name: fresh(`新楼${tag}-`),
      households: rng.int(1, 200),
      _deleted: false,
    };
    return { kind: 'create', collection: 'buildings', doc };
  }
  if (roll < 0.95) {
    const id = crypto.randomUUID();
    records.members.push(id);
    const doc: AnyDoc = {
      id,
      streetId: records.streetId,
      communityId: records.communityId,
      name: fresh(`新成员${tag}-`),
      isPartyMember: rng.chance(0.7),
      workUnit: fresh('单位'),
      _deleted: false,
    };
    return { kind: 'create', collection: 'members', doc };
  }
  return { kind: 'remove', collection: 'members', id: rng.pick(records.members) };
}

export async function applyEdit(device: Device, edit: Edit): Promise<void> {
  if (edit.kind === 'edit') await device.edit(edit.collection, edit.id, edit.fields);
  else if (edit.kind === 'create') await device.create(edit.collection, edit.doc);
  else await device.remove(edit.collection, edit.id);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rounds of the seeded schedule: each device goes offline (or stays online) at random, makes 2–5
 * random edits, and the devices come back online in random order (some stay offline into the next
 * round). Returns how many offline spells and edits there were.
 */
export async function offlineRounds(records: SharedRecords, devices: readonly Device[], rng: Rng, rounds: number): Promise<{ offlineSpells: number; edits: number }> {
  let offlineSpells = 0;
  let edits = 0;
  for (let round = 1; round <= rounds; round++) {
    for (const device of devices) {
      if (rng.chance(0.75)) {
        await device.setOnline(false);
        offlineSpells += 1;
      }
    }
    for (const device of rng.shuffle(devices)) {
      for (let n = rng.int(2, 5); n > 0; n--) {
        await applyEdit(device, randomEdit(rng, records, `${device.name}${round}`));
        edits += 1;
      }
    }
    for (const device of rng.shuffle(devices)) {
      if (!rng.chance(0.7)) continue;
      await device.setOnline(true);
      await pause(rng.int(0, 400));
    }
  }
  return { offlineSpells, edits };
}
