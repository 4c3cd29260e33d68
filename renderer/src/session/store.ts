// Who is signed in, persisted in localStorage so the app reopens signed in with no network, and
// the device's settings per server (last address, device id, last username).
import { create } from 'zustand';
import { roles, type LoginResponse, type SessionUser } from '@domain/contract';

export interface StoredSession extends LoginResponse {
  serverUrl: string;
}

export type SessionNotice =
  | { kind: 'expired' }
  | { kind: 'reauth' }
  | { kind: 'revoked' }
  | { kind: 'outdated'; minVersion?: string }
  | { kind: 'openFailed'; message: string };

export type SessionPhase = 'signedOut' | 'opening' | 'ready' | 'failed';

interface SessionState {
  session: StoredSession | null;
  phase: SessionPhase;
  notice: SessionNotice | null;
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

export const useSessionStore = create<SessionState>(() => ({ session: loadSession(), phase: 'signedOut', notice: null }));

export function saveSession(session: StoredSession | null): void {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
  useSessionStore.setState({ session });
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
