// The `app://renderer/…` protocol: serves the built renderer from one folder and nothing outside
// it. A custom standard, secure scheme rather than `file://` gives the page a real origin (its own
// IndexedDB, a CSP header, no access to the file system through relative URLs).
import type { PlatformPath } from 'node:path';
import { APP_HOST, APP_SCHEME } from './navigation';
import { securityHeaders } from './csp';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string, path: PlatformPath): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file inside `root` that an app URL names, or null for anything else: another scheme or
 * host, a malformed escape, a NUL byte, or a path that climbs out of `root` (`..`, encoded
 * `%2e%2e`, backslashes on Windows, a drive letter). `/` is the entry page.
 */
export function resolveAppPath(root: string, requestUrl: string, path: PlatformPath): string | null {
  let url: URL;
  let relative: string;
  try {
    url = new URL(requestUrl);
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || relative.includes('\0')) return null;
  if (relative === '/' || relative === '') relative = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.sep}${relative}`);
  const inside = path.relative(base, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

export interface AppProtocolEffects {
  readFile(file: string): Promise<Uint8Array>;
  logError(error: unknown): void;
}

function isMissing(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/** Answers one request of the app protocol. */
export async function serveAppRequest(
  root: string,
  requestUrl: string,
  path: PlatformPath,
  effects: AppProtocolEffects,
): Promise<AppResponse> {
  const headers = { ...securityHeaders };
  const file = resolveAppPath(root, requestUrl, path);
  if (file === null) return { status: 404, headers, body: null };
  try {
    const body = await effects.readFile(file);
    return { status: 200, headers: { ...headers, 'content-type': contentTypeFor(file, path) }, body };
  } catch (error) {
    if (isMissing(error)) return { status: 404, headers, body: null };
    effects.logError(error);
    return { status: 500, headers, body: null };
  }
}
