// The typed HTTP client of the sync contract: Bearer token and client version on every request,
// a timeout on every request (a timeout is a failure, shown as one), and one error type that says
// what went wrong in Chinese, from the server's `{ error: { code, message } }` when it sent one.
import { CLIENT_VERSION_HEADER } from '@domain/contract';
import { isErrorBody, type ErrorBody, type ErrorCode } from '@domain/errors';
import { i18n } from '../i18n';

export type ApiErrorKind = ErrorCode | 'network' | 'timeout' | 'http' | 'bad_response';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly detail?: ErrorBody['error'],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server could not be reached at all (as opposed to answering with an error). */
  get unreachable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout';
  }
}

/** The three answers after which a device must stop syncing (design.md "Sync contract"). */
export function isSessionEnding(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.kind === 'unauthorized' || error.kind === 'device_revoked' || error.kind === 'client_outdated');
}

export interface ApiClientOptions {
  serverUrl: string;
  token?: string;
  clientVersion: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Told after every request whether the server answered at all. */
  onReachability?: (reachable: boolean) => void;
  /** Told when the server ends the session: 401 `unauthorized`/`device_revoked`, 426. */
  onSessionEnd?: (error: ApiError) => void;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Milliseconds, or `null` for none (the event stream). */
  timeoutMs?: number | null;
}

export interface ApiClient {
  readonly serverUrl: string;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  /** A streaming response (`text/event-stream`), checked for errors but not read. */
  openStream(path: string, options?: RequestOptions): Promise<Response>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

function signalFor(options: RequestOptions | undefined, fallbackMs: number): AbortSignal | undefined {
  const timeoutMs = options?.timeoutMs === undefined ? fallbackMs : options.timeoutMs;
  const signals = [options?.signal, timeoutMs === null ? undefined : AbortSignal.timeout(timeoutMs)].filter((s) => s !== undefined);
  if (signals.length <= 1) return signals[0];
  return AbortSignal.any(signals);
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) return new ApiError(body.error.code, body.error.message, response.status, body.error);
  return new ApiError('http', i18n.t('common:errors.http', { status: response.status }), response.status);
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function send(method: 'GET' | 'POST', path: string, body: unknown, requestOptions?: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { [CLIENT_VERSION_HEADER]: options.clientVersion };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${options.serverUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signalFor(requestOptions, timeoutMs),
        cache: 'no-store',
      });
    } catch (error) {
      // The caller's own abort is not a failure of the server.
      if (requestOptions?.signal?.aborted) throw error;
      options.onReachability?.(false);
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw timedOut
        ? new ApiError('timeout', i18n.t('common:errors.timeout'))
        : new ApiError('network', i18n.t('common:errors.network', { server: options.serverUrl }));
    }
    options.onReachability?.(true);
    if (!response.ok) {
      const error = await errorFrom(response);
      if (isSessionEnding(error)) options.onSessionEnd?.(error);
      throw error;
    }
    return response;
  }

  async function json<T>(response: Response): Promise<T> {
    try {
      return (await response.json()) as T;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        options.onReachability?.(false);
        throw new ApiError('timeout', i18n.t('common:errors.timeout'));
      }
      throw new ApiError('bad_response', i18n.t('common:errors.badResponse'), response.status);
    }
  }

  return {
    serverUrl: options.serverUrl,
    get: async (path, requestOptions) => json(await send('GET', path, undefined, requestOptions)),
    post: async (path, body, requestOptions) => json(await send('POST', path, body, requestOptions)),
    openStream: (path, requestOptions) => send('GET', path, undefined, { timeoutMs: null, ...requestOptions }),
  };
}
