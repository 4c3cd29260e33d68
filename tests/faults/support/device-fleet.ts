// A fault scenario's world: the real server (in this process, on in-memory PGlite) and a street;
// per scenario a fleet: a new community with shared records, the devices (real clients in workers,
// signed in as staff of that community through the login API), quiescence, and the checker's inputs gathered from the
// server (pulled and read from its audit trail by the street admin) and from every device.
import type { AnyDoc, CollectionName } from '@domain/collections';
import { deepEqual } from '@domain/merge';
import { startServer, type RunningServer } from '../../../server/src/server';
import { ADMIN } from '../../integration/support/backends';
import { ApiClient } from '../../integration/support/client';
import { build, createUser, pullToEnd, pushNew, setUpStreet, USER_PASSWORD, type StreetFixture } from '../../integration/support/street';
import { check, historyKey, WriteLog, type CheckResult, type ServerHistoryEntry } from './checker';
import { Device } from './device';
import type { SharedRecords } from './schedule';

export const CHECKED: readonly CollectionName[] = ['compounds', 'buildings', 'members'];

export interface DeviceOptions {
  /** Where the device reaches the server (a proxy); default the server itself. */
  serverUrl?: string;
  clockOffsetMs?: number;
  serverWins?: boolean;
}

export class Fleet {
  readonly log = new WriteLog();
  readonly devices: Device[] = [];
  /** Server device id → device name, for reading the audit trail. */
  private readonly deviceIds = new Map<string, string>();
  private readonly tokens = new Map<string, string>();

  private constructor(
    readonly server: RunningServer,
    readonly street: StreetFixture,
    readonly records: SharedRecords,
  ) {}

  get admin(): ApiClient {
    return this.street.admin.api;
  }

  get url(): string {
    return this.server.url;
  }

  /** New shared records in a new community of the world's street: 3 compounds, 4 buildings, 6 members. */
  static async create(world: World): Promise<Fleet> {
    const { street } = world;
    const community = build.community(street.streetId, `故障社区${++communities}`);
    await pushNew(street.admin.api, 'communities', [community]);
    const compounds = [build.compound(community, { name: '幸福小区' }), build.compound(community, { name: '和平小区' }), build.compound(community, { name: '建设小区' })];
    const buildings = compounds.flatMap((compound, i) => (i < 2 ? [build.building(compound, { name: '1号楼' }), build.building(compound, { name: '2号楼' })] : []));
    const members = Array.from({ length: 6 }, (_, i) => build.member(community, { name: `成员${i + 1}`, workUnit: '社区' }));
    await pushNew(street.admin.api, 'compounds', compounds);
    await pushNew(street.admin.api, 'buildings', buildings);
    await pushNew(street.admin.api, 'members', members);
    const records: SharedRecords = {
      streetId: street.streetId,
      communityId: community.id,
      compounds: compounds.map((doc) => doc.id),
      buildings: buildings.map((doc) => doc.id),
      members: members.map((doc) => doc.id),
    };
    return new Fleet(world.server, street, records);
  }

  /** A new staff member of the fleet's community signs in on a new device (online, through the login API). */
  async addDevice(name: string, options: DeviceOptions = {}): Promise<Device> {
    const user = await createUser(this.admin, 'community_staff', [this.records.communityId], 'faults');
    const login = (await new ApiClient(this.url).login(user.username, USER_PASSWORD, { deviceName: name })).ok();
    this.deviceIds.set(login.deviceId, name);
    this.tokens.set(name, login.token);
    const device = await Device.launch(name, this.log, {
      serverUrl: options.serverUrl ?? this.url,
      token: login.token,
      clockOffsetMs: options.clockOffsetMs,
      serverWins: options.serverWins,
    });
    this.devices.push(device);
    return device;
  }

  /** The contract client with a device's session, speaking to the server directly (to replay its requests). */
  apiOf(device: Device): ApiClient {
    const token = this.tokens.get(device.name);
    if (!token) throw new Error(`no session for ${device.name}`);
    return new ApiClient(this.url, token);
  }

  /** The audit trail of a document, as the street admin reads it (empty when there is none). */
  async history(collection: CollectionName, id: string): Promise<ServerHistoryEntry[]> {
    const reply = await this.admin.history(collection, id);
    const entries = reply.status === 404 ? [] : reply.ok();
    return entries.map((entry) => ({ device: entry.deviceId ? (this.deviceIds.get(entry.deviceId) ?? null) : null, before: entry.before, after: entry.after }));
  }

  /** The server's state of the checked collections in the fleet's community, as the street admin pulls it. */
  async serverState(): Promise<Record<string, AnyDoc[]>> {
    const out: Record<string, AnyDoc[]> = {};
    for (const collection of CHECKED) {
      const { documents } = await pullToEnd<AnyDoc>(this.admin, collection);
      out[collection] = sortById(documents.filter((doc) => doc.communityId === this.records.communityId));
    }
    return out;
  }

  /**
   * All devices online and synced, again and again, until neither the server nor any device
   * changes between two rounds. Returns the rounds it took (or `rounds + 1` if it never settled:
   * the checker then reports what differs).
   */
  async quiesce(rounds = 8, devices: readonly Device[] = this.devices): Promise<number> {
    let previous: unknown;
    for (let round = 1; round <= rounds; round++) {
      for (const device of devices) await device.setOnline(true);
      await Promise.all(devices.map((device) => device.waitIdle()));
      const snapshot = [await this.serverState(), ...(await Promise.all(devices.map(async (device) => sortDump(await device.dump(CHECKED)))))];
      if (previous !== undefined && deepEqual(snapshot, previous)) return round;
      previous = snapshot;
    }
    return rounds + 1;
  }

  /** Runs the checker over the write log, the server's state and trail, and every device. */
  async check(devices: readonly Device[] = this.devices): Promise<CheckResult> {
    const server = await this.serverState();
    const history = new Map<string, ServerHistoryEntry[]>();
    const written = new Set(this.log.writes.map((write) => historyKey(write.collection, write.id)));
    for (const key of written) {
      const [collection, id] = key.split('/') as [CollectionName, string];
      history.set(key, await this.history(collection, id));
    }
    const states: Parameters<typeof check>[0]['devices'] = {};
    for (const device of devices) states[device.name] = { docs: await device.dump(CHECKED), conflicts: await device.conflicts() };
    return check({ writes: this.log.writes, server, history, devices: states });
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.devices.splice(0).map((device) => device.close()));
  }
}

let communities = 0;

/** The server of a scenario file and its street (the admin and two communities). */
export interface World {
  server: RunningServer;
  street: StreetFixture;
}

/** Starts the real server in this process, on in-memory PGlite, with its first street admin. */
export async function startWorld(): Promise<World> {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    webRoot: null,
    quiet: true,
    dataDir: 'memory://',
    adminUsername: ADMIN.username,
    adminPassword: ADMIN.password,
  });
  try {
    return { server, street: await setUpStreet(server.url) };
  } catch (error) {
    await server.close();
    throw error;
  }
}

function sortById(docs: AnyDoc[]): AnyDoc[] {
  return [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function sortDump(dump: Record<string, AnyDoc[]>): Record<string, AnyDoc[]> {
  return Object.fromEntries(Object.entries(dump).map(([collection, docs]) => [collection, sortById(docs)]));
}
