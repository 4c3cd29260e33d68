// Parsers of IPC arguments. Everything arriving from the renderer is `unknown` until one of these
// has checked it (style.md: main trusts nothing).
import type { FileFilter, Result } from '@domain/desktop';
import type { ShellMessages } from './messages';

export interface SaveFileRequest {
  suggestedName: string;
  data: Uint8Array;
}

/** Exports of a whole street's rosters stay well below this; more means something is wrong. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;
const MAX_NAME_LENGTH = 200;

/**
 * The suggested name only pre-fills the save dialog, but a name with folders in it would pre-select
 * another folder: keep the last path segment and replace characters Windows forbids in names.
 */
export function safeFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = last.replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned.slice(0, MAX_NAME_LENGTH);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseSaveFile(raw: unknown, text: ShellMessages, maxBytes = MAX_SAVE_BYTES): Result<SaveFileRequest> {
  if (!isRecord(raw)) return { ok: false, error: text.errors.badArgument };
  const { suggestedName, data } = raw;
  if (typeof suggestedName !== 'string') return { ok: false, error: text.errors.badArgument };
  const name = safeFileName(suggestedName);
  if (name === '') return { ok: false, error: text.errors.badFileName };
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
  if (bytes === null) return { ok: false, error: text.errors.badArgument };
  if (bytes.byteLength > maxBytes) return { ok: false, error: text.errors.fileTooLarge };
  return { ok: true, value: { suggestedName: name, data: bytes } };
}

export interface PrintToPdfRequest {
  suggestedName: string;
}

/** The PDF's suggested name, made safe as a save's, and ending in `.pdf`. */
export function parsePrintToPdf(raw: unknown, text: ShellMessages): Result<PrintToPdfRequest> {
  if (!isRecord(raw) || typeof raw.suggestedName !== 'string') return { ok: false, error: text.errors.badArgument };
  const name = safeFileName(raw.suggestedName);
  if (name === '') return { ok: false, error: text.errors.badFileName };
  return { ok: true, value: { suggestedName: /\.pdf$/i.test(name) ? name : `${name.slice(0, MAX_NAME_LENGTH - 4)}.pdf` } };
}

/** For calls that take no argument: anything sent along is a malformed request. */
export function parseNothing(raw: unknown, text: ShellMessages): Result<undefined> {
  // IPC may carry an omitted argument as `undefined` or `null`.
  return raw === undefined || raw === null ? { ok: true, value: undefined } : { ok: false, error: text.errors.badArgument };
}

const MAX_FILTERS = 10;
const MAX_EXTENSIONS = 20;
const MAX_FILTER_NAME = 100;
const EXTENSION = /^(?:\*|[A-Za-z0-9]{1,16})$/;

/**
 * The open dialog's filters (`[{ name: 'Excel 工作簿', extensions: ['xlsx'] }]`): at least one,
 * each with a short name and plain extensions without dots, copied so nothing else rides along.
 */
export function parseFileFilters(raw: unknown, text: ShellMessages): Result<FileFilter[]> {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_FILTERS) return { ok: false, error: text.errors.badArgument };
  const filters: FileFilter[] = [];
  for (const item of raw as unknown[]) {
    if (!isRecord(item)) return { ok: false, error: text.errors.badArgument };
    const { name, extensions } = item;
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_FILTER_NAME) return { ok: false, error: text.errors.badArgument };
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > MAX_EXTENSIONS) return { ok: false, error: text.errors.badArgument };
    const list = extensions as unknown[];
    if (!list.every((extension): extension is string => typeof extension === 'string' && EXTENSION.test(extension))) {
      return { ok: false, error: text.errors.badArgument };
    }
    filters.push({ name: name.trim(), extensions: [...list] });
  }
  return { ok: true, value: filters };
}

const MAX_URL_LENGTH = 2048;

/**
 * The street office server's address, as the renderer knows it: an http(s) URL without user
 * info, query or fragment; answered without a trailing slash (`https://host[:port][/path]`).
 */
export function parseServerUrl(raw: unknown, text: ShellMessages): Result<string> {
  if (typeof raw !== 'string' || raw === '' || raw.length > MAX_URL_LENGTH) return { ok: false, error: text.errors.badServerUrl };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: text.errors.badServerUrl };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '' || url.hostname === '') {
    return { ok: false, error: text.errors.badServerUrl };
  }
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
