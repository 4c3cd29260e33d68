// Who is signed in, persisted in localStorage so that the app reopens on the lock screen of the
// last user with no network (the data itself needs their password, session/lifecycle), and the
// device's settings per server (last address, device id, last username).
import { create } from 'zustand';
import { roles, type LoginResponse, type SessionUser } from '@domain/contract';
import { LOCK_MINUTES } from './policy';

/** The device key of the login answer is never stored: it only ever wraps the data key (session/vault). */
export interface StoredSession extends Omit<LoginResponse, 'deviceKey'> {
  serverUrl: string;
}

export type SessionNotice =
  | { kind: 'expired' }
  | { kind: 'reauth' }
  | { kind: 'revoked' }
  | { kind: 'outdated'; minVersion?: string }
  | { kind: 'openFailed'; message: string };

/**
 * `locked`: a session exists but its database is closed until the password is typed (lock screen).
 * `importing`: a new database's first sync is written before it opens (sync/firstImport).
 */
export type SessionPhase = 'signedOut' | 'locked' | 'opening' | 'importing' | 'ready' | 'failed';

/** Why the lock screen shows: the app (re)started, no input for a while, or the person locked it. */
export type LockReason = 'start' | 'idle' | 'manual';

interface SessionState {
  session: StoredSession | null;
  phase: SessionPhase;
  notice: SessionNotice | null;
  lockReason: LockReason | null;
  /** Signed in with no server (offline login): the header says the data syncs once connected. */
  offlineLogin: boolean;
  /** The street's inactivity lock, in minutes. */
  lockMinutes: number;
}

const SESSION_KEY = 'cg.session';
const SETTINGS_KEY = 'cg.settings';

function isUser(value: unknown): value is SessionUser {
  if (typeof value !== 'object' || value === null) return false;
  const user = value as Record<string, unknown>;
  return (
    typeof user.id === 'string' &&
    typeof user.username === 'string' &&
    typeof user.displayName === 'string' &&
    typeof user.streetId === 'string' &&
    Array.isArray(user.communityIds) &&
    (roles as readonly unknown[]).includes(user.role)
  );
}

export function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const session = value as Record<string, unknown>;
  return (
    typeof session.token === 'string' &&
    typeof session.expiresAt === 'string' &&
    typeof session.deviceId === 'string' &&
    typeof session.serverUrl === 'string' &&
    isUser(session.user)
  );
}

function readJson(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

export function loadSession(): StoredSession | null {
  const saved = readJson(SESSION_KEY);
  return isStoredSession(saved) ? saved : null;
}

export const useSessionStore = create<SessionState>(() => ({
  session: loadSession(),
  phase: 'signedOut',
  notice: null,
  lockReason: null,
  offlineLogin: false,
  lockMinutes: LOCK_MINUTES.default,
}));

/**
 * Keeps the session in memory and, without its token, on disk: the lock screen needs only who it
 * was; the token comes back from the account's sealed copy once the password opens the data key.
 */
export function saveSession(session: StoredSession | null): void {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(withoutToken(session)));
  else localStorage.removeItem(SESSION_KEY);
  useSessionStore.setState({ session });
}

/** A login answer as stored: the device key dropped even when a caller passes the whole answer. */
export function withoutDeviceKey<T extends StoredSession>(session: T): StoredSession {
  return { token: session.token, expiresAt: session.expiresAt, deviceId: session.deviceId, user: session.user, serverUrl: session.serverUrl };
}

/** What goes to disk: no device key, and no token (an empty one, as the stored shape has it). */
export function withoutToken(session: StoredSession): StoredSession {
  return { ...withoutDeviceKey(session), token: '' };
}

export interface DeviceSettings {
  /** The server address last signed in to. */
  serverUrl?: string;
  deviceIds: Record<string, string>;
  usernames: Record<string, string>;
}

export function loadSettings(): DeviceSettings {
  const saved = readJson(SETTINGS_KEY);
  const record = typeof saved === 'object' && saved !== null ? (saved as Partial<DeviceSettings>) : {};
  return {
    serverUrl: typeof record.serverUrl === 'string' ? record.serverUrl : undefined,
    deviceIds: typeof record.deviceIds === 'object' && record.deviceIds !== null ? record.deviceIds : {},
    usernames: typeof record.usernames === 'object' && record.usernames !== null ? record.usernames : {},
  };
}

export function updateSettings(change: (settings: DeviceSettings) => DeviceSettings): void {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(change(loadSettings())));
}
