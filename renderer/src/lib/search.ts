// Search over a list as staff type it: Chinese names by characters, full pinyin or pinyin initials
// (`zs` finds 张三, `xfhy` finds 幸福花园), a mobile by its last digits, and any plain text
// (address, building name). Initials may also skip characters (`xh` finds 幸福花园: 幸…花), which
// is how people abbreviate names; such looser matches come after the exact ones. The index is
// built once per list, in idle time before the first search where the list is shown (useSearch).
import { pinyin } from 'pinyin-pro';

/** What one item can be found by. */
export interface SearchSource {
  /** Chinese texts also found by pinyin: names of people, compounds, communities. */
  names?: readonly (string | undefined)[];
  /** Person names: the surname reading is preferred (单 reads shan, not dan). */
  personNames?: readonly (string | undefined)[];
  /** Texts found by their characters only: addresses, building names, work units. */
  texts?: readonly (string | undefined)[];
  /** Numbers found by how they end: a mobile by its last four digits. */
  endings?: readonly (string | undefined)[];
}

/** What an item is found by, shared by every list showing the same texts. */
interface Keys {
  /** The texts themselves, normalised. */
  plain: string;
  endings: string[];
  /** The Chinese texts to read in pinyin, and (once a search or idle time needed it) their readings. */
  names: string[];
  personNames: string[];
  pinyin?: { haystack: string; initials: string[] };
}

interface Entry<T> {
  item: T;
  keys: Keys;
}

export interface SearchIndex<T> {
  readonly entries: readonly Entry<T>[];
}

// Pinyin is the costly part, and a live list is re-indexed on every change where nearly every
// item is the same as before: keep each text's pinyin and each item's whole entry.
const CACHE_LIMIT = 100_000;
const pinyinCache = new Map<string, PinyinKeys>();
const entryCache = new Map<string, Keys>();

interface PinyinKeys {
  full: string;
  initials: string;
}

function pinyinKeys(text: string, person: boolean): PinyinKeys {
  const cacheKey = `${person ? 'p' : 'n'}${text}`;
  const cached = pinyinCache.get(cacheKey);
  if (cached !== undefined) return cached;
  // One conversion gives both: the initials are each syllable's first letter.
  const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true, surname: person ? 'head' : 'off' });
  const keys = {
    full: normalise(syllables.join('')),
    initials: normalise(syllables.map((syllable) => syllable.charAt(0)).join('')),
  };
  remember(pinyinCache, cacheKey, keys);
  return keys;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

/** Lower case without spaces, so `Z S`, `zs` and `ZS` all match the same way. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

const present = (values: readonly (string | undefined)[] | undefined): string[] =>
  (values ?? []).filter((value): value is string => value !== undefined && value !== '');

function entryOf<T>(item: T, sourceOf: (item: T) => SearchSource): Entry<T> {
  const source = sourceOf(item);
  const cacheKey = [source.names, source.personNames, source.texts, source.endings].map((list) => (list ?? []).join('\u0001')).join('\u0002');
  const cached = entryCache.get(cacheKey);
  if (cached) return { item, keys: cached };
  const names = present(source.names);
  const personNames = present(source.personNames);
  // The NUL separator keeps a match from spanning two fields.
  const plain = [...names, ...personNames, ...present(source.texts)].map(normalise).join('\u0000');
  const keys: Keys = { plain, endings: present(source.endings), names, personNames };
  remember(entryCache, cacheKey, keys);
  return { item, keys };
}

/**
 * The pinyin readings of an entry, read when first needed: a search in Chinese characters or digits
 * (a name copied from a list, a mobile's last digits) needs none, so the first search after opening
 * a list of tens of thousands need not wait for all their pinyin.
 */
function pinyinOf(keys: Keys): NonNullable<Keys['pinyin']> {
  if (keys.pinyin === undefined) {
    const readings = [...keys.names.map((name) => pinyinKeys(name, false)), ...keys.personNames.map((name) => pinyinKeys(name, true))];
    keys.pinyin = { haystack: readings.flatMap((key) => [key.full, key.initials]).join('\u0000'), initials: readings.map((key) => key.initials) };
  }
  return keys.pinyin;
}

// The index of a list, kept as long as the list itself (a live query's result array is new at every
// change, and never changed in place): prepared in idle time, it is what the first search uses.
const indexes = new WeakMap<readonly unknown[], { sourceOf: unknown; index: SearchIndex<unknown> }>();

function builtIndexOf<T>(items: readonly T[], sourceOf: (item: T) => SearchSource): SearchIndex<T> | undefined {
  const built = indexes.get(items);
  return built !== undefined && built.sourceOf === sourceOf && built.index.entries.length === items.length ? (built.index as SearchIndex<T>) : undefined;
}

export function buildSearchIndex<T>(items: readonly T[], sourceOf: (item: T) => SearchSource): SearchIndex<T> {
  const built = builtIndexOf(items, sourceOf);
  if (built) return built;
  const index: SearchIndex<T> = { entries: items.map((item) => entryOf(item, sourceOf)) };
  indexes.set(items, { sourceOf, index });
  return index;
}

/** Main-thread time spent per slice while preparing an index, before giving the thread back. */
const SLICE_MS = 8;

function nextIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 100 });
    else setTimeout(resolve, 0);
  });
}

/**
 * Builds the index of `items` in slices of idle time (pinyin for tens of thousands of names takes
 * seconds), so that the first keystroke finds it ready instead of building it then. A search that
 * comes first builds the rest at once (what the slices did is cached). Stops when `signal` aborts.
 */
export async function prepareSearchIndex<T>(items: readonly T[], sourceOf: (item: T) => SearchSource, signal: AbortSignal): Promise<void> {
  const entries: Entry<T>[] = [];
  while (entries.length < items.length) {
    await nextIdle();
    if (signal.aborted || builtIndexOf(items, sourceOf)) return;
    const until = performance.now() + SLICE_MS;
    do {
      for (const end = Math.min(items.length, entries.length + 32); entries.length < end; ) {
        const entry = entryOf(items[entries.length] as T, sourceOf);
        pinyinOf(entry.keys);
        entries.push(entry);
      }
    } while (entries.length < items.length && performance.now() < until);
  }
  if (!builtIndexOf(items, sourceOf)) indexes.set(items, { sourceOf, index: { entries } });
}

/** Whether the letters of `term` appear in `text` in order, e.g. `xh` in `xfhy`. */
function isSubsequence(term: string, text: string): boolean {
  let at = 0;
  for (const letter of text) if (letter === term[at]) at++;
  return at === term.length;
}

const EXACT = 0;
const LOOSE = 1;
const NONE = 2;

/** Whether `term` has letters a pinyin reading could match; other terms match the texts themselves. */
const readsPinyin = (term: string) => /[a-z]/.test(term);

function matchTerm(entry: Entry<unknown>, term: string): number {
  const { keys } = entry;
  if (keys.plain.includes(term)) return EXACT;
  if (readsPinyin(term) && pinyinOf(keys).haystack.includes(term)) return EXACT;
  if (/^\d+$/.test(term)) return keys.endings.some((ending) => ending.endsWith(term)) ? EXACT : NONE;
  if (/^[a-z]{2,}$/.test(term) && pinyinOf(keys).initials.some((initials) => isSubsequence(term, initials))) return LOOSE;
  return NONE;
}

/**
 * The items matching every space-separated term of the query: exact matches first, then loose
 * ones (initials with characters skipped), each in index order; all items when it is blank.
 */
export function searchIndex<T>(index: SearchIndex<T>, query: string): T[] {
  const terms = query.toLowerCase().split(/\s+/).filter((term) => term !== '');
  if (terms.length === 0) return index.entries.map((entry) => entry.item);
  const exact: T[] = [];
  const loose: T[] = [];
  for (const entry of index.entries) {
    const match = Math.max(...terms.map((term) => matchTerm(entry, term)));
    if (match === EXACT) exact.push(entry.item);
    else if (match === LOOSE) loose.push(entry.item);
  }
  return [...exact, ...loose];
}
