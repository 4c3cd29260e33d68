// The street office server's address as a person types it, and the default one.
import { isDesktop } from '../desktop';

export const DESKTOP_DEFAULT_SERVER = 'http://localhost:8787';

/** `192.168.1.10:8787/` → `http://192.168.1.10:8787`; `null` when it is no http(s) address. */
export function normalizeServerUrl(input: string): string | null {
  let text = input.trim();
  if (text === '') return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `http://${text}`;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password || url.search || url.hash) return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/** The web build talks to the server that served it; the desktop app to a local server by default. */
export function defaultServerUrl(location: Pick<Location, 'protocol' | 'origin'> | undefined = globalThis.location): string {
  const served = location && (location.protocol === 'http:' || location.protocol === 'https:');
  return served && !isDesktop() ? location.origin : DESKTOP_DEFAULT_SERVER;
}
