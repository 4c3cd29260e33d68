// The sealing of one collection's personal fields (see ./encryption): their values as one JSON
// object, AES-256-GCM with the collection bound in as additional data, `v1.<iv>.<ciphertext>`.
import { fromBase64Url, toBase64Url } from './bytes';

const SEALED_PREFIX = 'v1.';
/** Recently sealed values remembered per collection (a few pull batches). */
const RECENT_SEALED = 4000;

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

function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

export function createFieldSealing(key: CryptoKey, aad: Uint8Array<ArrayBuffer>, fields: readonly [string, ...string[]], name: string): FieldSealing {
  // What was just sealed is read back at once (RxDB's change events of every write, the
  // replication's view of what it wrote): a few thousand recent ciphertexts keep their plain
  // JSON, so a sync decrypts nothing it encrypted itself. Held only as long as the instance.
  const recent = new Map<string, string>();
  // Keyed by the document's id and its values: a ciphertext is reused only for the same document,
  // so equal values of two documents never show as equal ciphertexts on disk.
  const sealedFor = new Map<string, string>();
  const bounded = (map: Map<string, string>, key: string, value: string) => {
    if (map.size >= RECENT_SEALED) map.delete(map.keys().next().value!);
    map.set(key, value);
  };
  const reuseKey = (id: string, json: string) => `${id}\u0000${json}`;

  return {
    carrier: fields[0],
    split(doc) {
      const rest: Doc = { ...doc };
      const values: Doc = {};
      for (const field of fields) {
        if (doc[field] !== undefined) values[field] = doc[field];
        delete rest[field];
      }
      return { rest, json: JSON.stringify(values) };
    },
    async seal(id, json) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, new TextEncoder().encode(json));
      const sealed = `${SEALED_PREFIX}${toBase64Url(iv)}.${toBase64Url(new Uint8Array(cipher))}`;
      bounded(recent, sealed, json);
      bounded(sealedFor, reuseKey(id, json), sealed);
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
