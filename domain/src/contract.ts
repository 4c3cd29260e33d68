// Wire types of the sync contract v1 (design.md). The server implements them, the replication
// client speaks them, and the integration tests check one against the other.
import type { AnyDoc, CollectionName } from './collections';

export const PROTOCOL_VERSION = 1;
export const CLIENT_VERSION_HEADER = 'x-client-version';
export const MAX_PULL_LIMIT = 2000;
/** The page size the app's pulls ask for. */
export const PULL_BATCH = 1000;
export const MAX_PUSH_ROWS = 2000;

export const roles = ['street_admin', 'community_staff', 'department_liaison'] as const;
export type Role = (typeof roles)[number];

export interface HealthResponse {
  ok: true;
  version: string;
}

export interface LoginRequest {
  username: string;
  password: string;
  deviceName: string;
  deviceId?: string;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  streetId: string;
  communityIds: string[];
  unitId?: string;
  /** A liaison's department by name, as the server knows it at login: a liaison's device holds no units. */
  unitName?: string;
}

export interface LoginResponse {
  token: string;
  /** ISO 8601 instant. */
  expiresAt: string;
  deviceId: string;
  /**
   * A secret the server keeps for this device and hands out only at an online login (base64url,
   * 32 bytes). The device wraps its local data key with it besides the password, so that a password
   * changed elsewhere does not lock the device out of its own data; it is never stored on the device,
   * and revoking the device destroys it.
   */
  deviceKey: string;
  user: SessionUser;
}

export interface SchemaResponse {
  version: number;
  collections: Record<CollectionName, unknown>;
}

/** Opaque to clients: stored as received and sent back unchanged. */
export type Checkpoint = Record<string, unknown>;

export interface PullResponse<D = AnyDoc> {
  documents: D[];
  /** Ids of documents that left the caller's scope: the client tombstones its own copy. */
  removed: string[];
  checkpoint: Checkpoint;
}

export interface PushRow<D = AnyDoc> {
  assumedMasterState?: D | null;
  newDocumentState: D;
}

/** The current server state of every row whose assumed master state differed; nothing else. */
export type PushResponse<D = AnyDoc> = D[];

export type StreamEvent =
  | { event: 'change'; data: { collection: CollectionName; checkpoint: Checkpoint } }
  | { event: 'resync'; data: Record<string, never> };

export interface CreateUserRequest {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  communityIds: string[];
  unitId?: string;
}

export interface AdminUser extends SessionUser {
  disabled: boolean;
  createdAt: string;
}

/** An account as `/api/admin/users` answers it: also its lockout and last online sign-in (ISO instants). */
export interface AdminAccount extends AdminUser {
  /** Set while wrong passwords keep the account locked; may lie in the past once the lock ran out. */
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

export interface DeviceInfo {
  id: string;
  userId: string;
  username: string;
  /** The account's display name. */
  displayName: string;
  name: string;
  appVersion: string | null;
  /** When the device last reached the server with its session (sync included), at most a minute stale. */
  lastSeenAt: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** What one audited write did: a restore is a write that brings a tombstone back. */
export type HistoryAction = 'created' | 'updated' | 'deleted' | 'restored';

export interface HistoryEntry {
  seq: number;
  at: string;
  userId: string;
  username: string;
  /** The account's display name; the username for writes the server made itself. */
  displayName?: string;
  deviceId: string | null;
  /** The name the device gave at login, when the write came from one. */
  deviceName?: string | null;
  action?: HistoryAction;
  before: AnyDoc | null;
  after: AnyDoc;
}

/** `GET /api/admin/deleted?collection=&q=`: one deleted document of the street, newest deletion first. */
export interface DeletedDocument {
  collection: CollectionName;
  id: string;
  /** Its name or title, when it has one. */
  label: string | null;
  communityId: string | null;
  /** ISO 8601 instant of the deletion, when the audit trail has it. */
  deletedAt: string | null;
  deletedBy: string | null;
  deletedByName: string | null;
}

/** `POST /api/admin/restore/:collection/:id` answers the restored document. */
export interface RestoreResponse {
  document: AnyDoc;
}

/** Longest list name and reason a disclosure of personal data may carry (characters). */
export const DISCLOSURE_LIST_NAME_MAX = 100;
export const DISCLOSURE_REASON_MIN = 2;
export const DISCLOSURE_REASON_MAX = 200;

/**
 * `POST /api/disclosures`: a street admin records, before the file is made, that a list is being
 * exported with ID numbers and mobiles in full. Others get 403 `forbidden`.
 */
export interface DisclosureRequest {
  listName: string;
  rowCount: number;
  reason: string;
}

/** One recorded disclosure, as `POST` answers it (201) and `GET /api/disclosures` lists them, newest first. */
export interface DisclosureRecord extends DisclosureRequest {
  id: string;
  /** ISO 8601 instant, the server's clock. */
  at: string;
  userId: string;
  username: string;
  displayName: string;
  deviceId: string;
  deviceName: string;
}
