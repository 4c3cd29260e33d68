// Wire types of the sync contract v1 (design.md). The server implements them, the replication
// client speaks them, and the integration tests check one against the other.
import type { AnyDoc, CollectionName } from './collections';

export const PROTOCOL_VERSION = 1;
export const CLIENT_VERSION_HEADER = 'x-client-version';
export const MAX_PULL_LIMIT = 2000;
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

export interface DeviceInfo {
  id: string;
  userId: string;
  username: string;
  name: string;
  appVersion: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  userId: string;
  username: string;
  deviceId: string | null;
  before: AnyDoc | null;
  after: AnyDoc;
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
