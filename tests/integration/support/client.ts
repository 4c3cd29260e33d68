// A small typed HTTP client of the sync contract (design.md), over fetch: what any client that
// knows only the contract would send, plus raw access for the malformed requests tests need.
import { readFileSync } from 'node:fs';
import { isErrorBody, type ErrorBody } from '@domain/errors';
import type {
  AdminUser,
  Checkpoint,
  CreateUserRequest,
  DeviceInfo,
  HealthResponse,
  HistoryEntry,
  LoginResponse,
  PullResponse,
  SchemaResponse,
} from '@domain/contract';
import type { AnyDoc } from '@domain/collections';
import { EventStream } from './stream';

const packageJson: unknown = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
/** The app's own version: what a current client sends as `X-Client-Version`. */
export const CLIENT_VERSION =
  typeof packageJson === 'object' && packageJson !== null && 'version' in packageJson && typeof packageJson.version === 'string'
    ? packageJson.version
    : '0.1.0';

/** One HTTP answer: its status and parsed JSON body, with typed views for success and error. */
export class Reply<T> {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly text: string,
  ) {}

  /** The body of a 2xx answer; fails the test, showing the answer, otherwise. */
  ok(): T {
    if (this.status < 200 || this.status >= 300) throw new Error(`expected a 2xx answer, got ${this.status}: ${this.text}`);
    return this.body as T;
  }

  /** The `error` of a contract error body; fails the test when the body is not one. */
  error(): ErrorBody['error'] {
    if (!isErrorBody(this.body)) throw new Error(`expected an error body, got ${this.status}: ${this.text}`);
    return this.body.error;
  }
}

export interface PullQuery {
  /** An object is sent as JSON; a string is sent as is (to test malformed checkpoints). */
  checkpoint?: Checkpoint | string;
  limit?: number | string;
}

export interface RequestInit {
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, with a JSON content type. */
  raw?: string;
  headers?: Record<string, string>;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null = null,
    /** null sends no `X-Client-Version` header. */
    readonly clientVersion: string | null = CLIENT_VERSION,
  ) {}

  withToken(token: string | null): ApiClient {
    return new ApiClient(this.baseUrl, token, this.clientVersion);
  }

  withVersion(clientVersion: string | null): ApiClient {
    return new ApiClient(this.baseUrl, this.token, clientVersion);
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { ...extra };
    if (this.token !== null) headers.authorization = `Bearer ${this.token}`;
    if (this.clientVersion !== null) headers['x-client-version'] = this.clientVersion;
    return headers;
  }

  async send<T>(method: string, path: string, init: RequestInit = {}): Promise<Reply<T>> {
    const body = init.raw ?? (init.json === undefined ? undefined : JSON.stringify(init.json));
    const contentType: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    const response = await fetch(this.baseUrl + path, { method, headers: this.headers({ ...contentType, ...init.headers }), body });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not JSON: `body` stays undefined and the test sees `text` in any failure message.
    }
    return new Reply<T>(response.status, parsed, text);
  }

  health() {
    return this.send<HealthResponse>('GET', '/api/health');
  }

  login(username: string, password: string, device: { deviceId?: string; deviceName?: string } = {}) {
    const json = { username, password, deviceName: device.deviceName ?? '测试电脑', ...(device.deviceId ? { deviceId: device.deviceId } : {}) };
    return this.send<LoginResponse>('POST', '/api/auth/login', { json });
  }

  schema() {
    return this.send<SchemaResponse>('GET', '/api/schema');
  }

  pull<D = AnyDoc>(collection: string, query: PullQuery = {}) {
    const params = new URLSearchParams();
    if (query.checkpoint !== undefined) {
      params.set('checkpoint', typeof query.checkpoint === 'string' ? query.checkpoint : JSON.stringify(query.checkpoint));
    }
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    const search = params.size > 0 ? `?${params.toString()}` : '';
    return this.send<PullResponse<D>>('GET', `/api/sync/${collection}/pull${search}`);
  }

  /** Rows are `unknown` so that tests can also send what a broken client would. */
  push<D = AnyDoc>(collection: string, rows: unknown) {
    return this.send<D[]>('POST', `/api/sync/${collection}/push`, { json: rows });
  }

  createUser(request: CreateUserRequest | Record<string, unknown>) {
    return this.send<AdminUser>('POST', '/api/admin/users', { json: request });
  }

  listUsers() {
    return this.send<AdminUser[]>('GET', '/api/admin/users');
  }

  disableUser(userId: string) {
    return this.send<unknown>('POST', `/api/admin/users/${userId}/disable`);
  }

  setScope(userId: string, communityIds: string[]) {
    return this.send<unknown>('PUT', `/api/admin/users/${userId}/scope`, { json: { communityIds } });
  }

  devices() {
    return this.send<DeviceInfo[]>('GET', '/api/admin/devices');
  }

  revokeDevice(deviceId: string) {
    return this.send<unknown>('POST', `/api/admin/devices/${deviceId}/revoke`);
  }

  history(collection: string, id: string) {
    return this.send<HistoryEntry[]>('GET', `/api/history/${collection}/${id}`);
  }

  /** Opens the live event stream; fails when the server answers anything but 200. */
  openStream(): Promise<EventStream> {
    return EventStream.open(`${this.baseUrl}/api/sync/stream`, this.headers());
  }
}
