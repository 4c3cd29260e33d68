// One local database per user and server (design.md "Local store"), and the list of those this
// device holds, so that a revoked device can wipe every database of that server.
import { hashString } from './hash';

/** RxDB names must match `^[a-z][_$a-z0-9-]*$`: a prefix and a hash of server and user. */
export function databaseNameFor(serverUrl: string, userId: string): string {
  return `cg_${hashString(`${serverUrl}\n${userId}`)}`;
}

export interface LocalDatabaseEntry {
  name: string;
  serverUrl: string;
  userId: string;
}

const REGISTRY_KEY = 'cg.databases';

function isEntry(value: unknown): value is LocalDatabaseEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.name === 'string' && typeof entry.serverUrl === 'string' && typeof entry.userId === 'string';
}

export function localDatabases(storage: Storage = localStorage): LocalDatabaseEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(REGISTRY_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
  } catch {
    return [];
  }
}

export function rememberDatabase(entry: LocalDatabaseEntry, storage: Storage = localStorage): void {
  const others = localDatabases(storage).filter((known) => known.name !== entry.name);
  storage.setItem(REGISTRY_KEY, JSON.stringify([...others, entry]));
}

export function forgetDatabase(name: string, storage: Storage = localStorage): void {
  storage.setItem(REGISTRY_KEY, JSON.stringify(localDatabases(storage).filter((known) => known.name !== name)));
}

export function databasesOfServer(serverUrl: string, storage: Storage = localStorage): LocalDatabaseEntry[] {
  return localDatabases(storage).filter((entry) => entry.serverUrl === serverUrl);
}
