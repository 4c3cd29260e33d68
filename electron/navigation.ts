// Where the app's windows may go. The renderer is served from the privileged `app://renderer`
// origin; nothing else may load inside a window, and only plain web links leave it, opened in the
// person's browser (Actual's navigation-security and Electron's security checklist, items 13–14).

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** What to do with a navigation or a window the renderer asks for. */
export type NavigationDecision = 'allow' | 'open-external' | 'deny';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether the URL belongs to the app itself. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * Whether the URL may be handed to the operating system's browser: http(s) only (no `file:`,
 * `javascript:`, custom handlers that launch programs), and no credentials in it, which only
 * serve to disguise the real host (`https://bank.cn@evil.example`).
 */
export function isExternalLink(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
}

/** A navigation of the window itself (`will-navigate`): the app stays, web links go to the browser. */
export function navigationDecision(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  return isExternalLink(url) ? 'open-external' : 'deny';
}

/** A redirect while loading: only within the app, never handed on. */
export function redirectDecision(url: string): NavigationDecision {
  return isAppUrl(url) ? 'allow' : 'deny';
}

/** A new window (`window.open`, `target=_blank`): the app never opens a second window of itself. */
export function windowOpenDecision(url: string): NavigationDecision {
  return isExternalLink(url) ? 'open-external' : 'deny';
}
