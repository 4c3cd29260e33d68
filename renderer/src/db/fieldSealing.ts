// The sealing of one collection's personal fields (see ./encryption): their values as one JSON
// object, AES-256-GCM with the collection bound in as additional data, `v1.<iv>.<ciphertext>`.
import { fromBase64Url, toBase64Url } from './bytes';

const SEALED_PREFIX = 'v1.';
/** Recently sealed values remembered per collection: at least this many (a few pull batches), at most twice. */
const RECENT_SEALED = 4000;

/**
 * The last `size` to 2 × `size` entries set, in two generations: when the newer fills, the older
 * is dropped whole. Evicting the oldest entry of one Map at every set (its first key, found past
 * the ones deleted before) took 1.9 s of a full-tier first sync's main thread.
 */
class Recent {
  private newer = new Map<string, string>();
  private older = new Map<string, string>();
  constructor(private readonly size: number) {}
  get(key: string): string | undefined {
    return this.newer.get(key) ?? this.older.get(key);
  }
  set(key: string, value: string): void {
    if (this.newer.size >= this.size) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(key, value);
  }
  delete(key: string): void {
    this.newer.delete(key);
    this.older.delete(key);
  }
}

type Doc = Record<string, unknown>;

export interface FieldSealing {
  /** The field that holds the ciphertext; the other encrypted fields are not stored. */
  readonly carrier: string;
  /** The document without its personal fields, and those fields' values as JSON. */
  split(doc: Doc): { rest: Doc; json: string };
  /** Seals the JSON of document `id`'s personal values. */
  seal(id: string, json: string): Promise<string>;
  /**
   * The sealing of the same values of the same document made moments ago, if any: the
   * replication keeps a second copy of each pulled document (its assumed master state), whose
   * personal values are those just sealed for the document itself. Taken once.
   */
  takeSealed(id: string, json: string): string | undefined;
  /** The JSON of the sealed values; throws when they were not sealed here or were altered. */
  open(sealed: string): Promise<string>;
  /** `rest` with the values of `json` put back. */
  join(rest: Doc, json: string): Doc;
}

/** IVs drawn from the system's generator 1,024 at a time: a call per IV measured ~7 µs, half a second of a full-tier first sync. */
const IV_BYTES = 12;
let ivPool = new Uint8Array(0);
let ivNext = 0;
function nextIv(): Uint8Array<ArrayBuffer> {
  if (ivNext + IV_BYTES > ivPool.length) {
    ivPool = crypto.getRandomValues(new Uint8Array(IV_BYTES * 1024));
    ivNext = 0;
  }
  ivNext += IV_BYTES;
  return ivPool.subarray(ivNext - IV_BYTES, ivNext);
}

function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

export function createFieldSealing(key: CryptoKey, aad: Uint8Array<ArrayBuffer>, fields: readonly [string, ...string[]], name: string): FieldSealing {
  // What was just sealed is read back at once (RxDB's change events of every write, the
  // replication's view of what it wrote): a few thousand recent ciphertexts keep their plain
  // JSON, so a sync decrypts nothing it encrypted itself. Held only as long as the instance.
  const recent = new Recent(RECENT_SEALED);
  // Keyed by the document's id and its values: a ciphertext is reused only for the same document,
  // so equal values of two documents never show as equal ciphertexts on disk.
  const sealedFor = new Recent(RECENT_SEALED);
  const reuseKey = (id: string, json: string) => `${id}\u0000${json}`;
  const sealedFields = new Set<string>(fields);

  return {
    carrier: fields[0],
    split(doc) {
      // Built without deleting from a copy: an object with deleted keys turns slow for everything
      // that reads it after (the storage's copy, IndexedDB's clone); split was 1.1 s of a first sync.
      const rest: Doc = {};
      for (const key in doc) if (!sealedFields.has(key)) rest[key] = doc[key];
      const values: Doc = {};
      for (const field of fields) if (doc[field] !== undefined) values[field] = doc[field];
      return { rest, json: JSON.stringify(values) };
    },
    async seal(id, json) {
      const iv = nextIv();
      const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, new TextEncoder().encode(json));
      const sealed = `${SEALED_PREFIX}${toBase64Url(iv)}.${toBase64Url(new Uint8Array(cipher))}`;
      recent.set(sealed, json);
      sealedFor.set(reuseKey(id, json), sealed);
      return sealed;
    },
    takeSealed(id, json) {
      const key = reuseKey(id, json);
      const sealed = sealedFor.get(key);
      sealedFor.delete(key);
      return sealed;
    },
    async open(sealed) {
      if (!isSealed(sealed)) throw new Error(`${name}: a stored document is not sealed`);
      const known = recent.get(sealed);
      if (known !== undefined) return known;
      const [iv = '', cipher = ''] = sealed.slice(SEALED_PREFIX.length).split('.');
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(iv), additionalData: aad }, key, fromBase64Url(cipher));
      return new TextDecoder().decode(plain);
    },
    join(rest, json) {
      const values = JSON.parse(json) as Doc;
      const doc: Doc = { ...rest };
      for (const field of fields) if (values[field] !== undefined) doc[field] = values[field];
      return doc;
    },
  };
}
