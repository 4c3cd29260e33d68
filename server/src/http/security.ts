// The security basics every answer shares: response headers (a CSP for the web app, no caching of
// the API, HSTS over TLS), a limit on failed logins per client address, and a logger that never
// writes passwords, tokens or device keys.
import type { FastifyInstance } from 'fastify';

/**
 * The web app's policy. Scripts only from the app's own files (the Vite build has no inline script
 * and the service worker is a file, `sw.js`); inline styles for antd's CSS-in-JS; the web build
 * talks only to the server that served it; blob: and data: images for previews and icons.
 */
const appDirectives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
];

export const appContentSecurityPolicy = appDirectives.map(([name, value]) => `${name} ${value}`).join('; ');

/** JSON answers load nothing; opened in a tab by mistake, they still run nothing. */
export const apiContentSecurityPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const commonHeaders: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  // Checked by browsers for no-cors loads only: the desktop app's CORS fetches still reach the API.
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** A year; not `includeSubDomains`, as the street office's host name may be shared. */
const HSTS = 'max-age=31536000';

/** `/api`, `/api/…` and `/api?…`: the JSON API rather than the web app. */
export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/** The headers an answer to `url` starts with; a route may still set its own cache-control. */
export function securityHeaders(url: string, https: boolean): Record<string, string> {
  return { ...headerSets[https ? 1 : 0][isApiPath(url) ? 1 : 0] };
}

function headersOf(api: boolean, https: boolean): Readonly<Record<string, string>> {
  return Object.freeze({
    ...commonHeaders,
    'content-security-policy': api ? apiContentSecurityPolicy : appContentSecurityPolicy,
    ...(api ? { 'cache-control': 'no-store' } : {}),
    ...(https ? { 'strict-transport-security': HSTS } : {}),
  });
}

/** [https][api]: built once, as every request sets one of these four. */
const headerSets = [
  [headersOf(false, false), headersOf(true, false)],
  [headersOf(false, true), headersOf(true, true)],
] as const;

/**
 * Set when a request arrives, so error answers, 404s, static files and the hijacked event stream
 * (which copies the reply's headers) all carry them.
 */
export function installSecurityHeaders(app: FastifyInstance, https: boolean): void {
  app.addHook('onRequest', async (request, reply) => {
    // reply.headers copies each header in: the shared set is not changed.
    reply.headers(headerSets[https ? 1 : 0][isApiPath(request.url) ? 1 : 0]);
  });
}

/**
 * Failed attempts per key (a client address) in a sliding window. Only failures count, so an
 * office behind one address, or a test suite signing in many devices, is never slowed down by
 * successful logins; a guesser is stopped after `max` wrong passwords in `windowMs`.
 */
export class FailedAttempts {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    /** Beyond this many addresses, the oldest are forgotten: a flood cannot exhaust memory. */
    private readonly maxKeys = 10_000,
  ) {}

  /** Whole seconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string): number {
    const times = this.recent(key);
    if (times.length < this.max) return 0;
    const oldestThatBlocks = times[times.length - this.max] ?? this.now();
    return Math.max(1, Math.ceil((oldestThatBlocks + this.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    const times = [...this.recent(key), this.now()];
    // Re-inserted so the map's order is least recently failed first.
    this.failures.delete(key);
    this.failures.set(key, times.slice(-this.max));
    while (this.failures.size > this.maxKeys) {
      const oldest = this.failures.keys().next();
      if (oldest.done === true) break;
      this.failures.delete(oldest.value);
    }
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const times = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }
}

/** Every secret a log line could carry, wherever it sits: headers, bodies, our own objects. */
const secretKeys = ['password', 'newPassword', 'adminPassword', 'token', 'deviceKey', 'secret', 'authorization', 'cookie'];

export const logRedactPaths: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-device-key"]',
  'res.headers["set-cookie"]',
  // PGlite's errors carry the query's parameters: ID numbers, mobiles, hashes.
  'err.params',
  'err.parameters',
  ...secretKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
];

export const REDACTED = '[已隐藏]';

export interface LogStream {
  write(line: string): void;
}

/** Fastify's (pino's) logger options; `stream` lets tests read what would be written. */
export function loggerOptions(level: string, stream?: LogStream): { level: string; redact: { paths: string[]; censor: string }; stream?: LogStream } {
  return { level, redact: { paths: logRedactPaths, censor: REDACTED }, ...(stream ? { stream } : {}) };
}

/** The texts of this file (messages.ts holds the rest of the server's). */
export const securityMessages = {
  tooManyAttempts: (seconds: number) => `此网络地址登录失败次数过多，请 ${seconds} 秒后再试`,
} as const;
