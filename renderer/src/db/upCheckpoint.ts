// The upstream's checkpoint, written at most once a second. RxDB's upstream stores how far it has
// looked at the local changes after every batch of change events it handles — the downstream's
// writes of pulled documents too, which it only skips: in a first sync a strict write to the meta
// instance for every chunk of every page stored (10 a page; the benchmark's mid tier, 24,818
// documents: 253 transactions, more than any store of documents had), and after every batch an offline
// backlog pushes. Here RxDB is told such a write succeeded, and only the latest one is written, a
// second after the first one held and when the instance closes; reads of it answer with that one.
//
// A checkpoint that lags is safe: the upstream goes through the local changes since it again and
// skips each document whose state the server is known to hold (the replication's meta row, or a
// document still as pulled: ./impliedMeta), so a crash costs at most a second of the upstream's
// progress, never an edit. The downstream's checkpoint is written as RxDB writes it: what has been
// pulled and stored rests on it.
import { META_INSTANCE_SCHEMA_TITLE, type BulkWriteRow, type RxDocumentData, type RxStorageInstance } from 'rxdb';
import type { AppStorage } from './storage';

type Doc = Record<string, unknown>;
type Instance = RxStorageInstance<Doc, unknown, unknown>;

/** RxDB's context for its checkpoint writes (replication-protocol/checkpoint.js). */
const CHECKPOINT_CONTEXT = 'replication-set-checkpoint';

/** How long a held checkpoint waits for the ones after it before it is written. */
export const UP_CHECKPOINT_EVERY_MS = 1000;

function isUpCheckpoint(rows: readonly BulkWriteRow<Doc>[]): boolean {
  return rows.length === 1 && rows[0]!.document.isCheckpoint === '1' && rows[0]!.document.itemId === 'up';
}

function holdUpCheckpoint(meta: Instance, everyMs: number): Instance {
  /** The checkpoint RxDB was last told is written, and whether it still has to be. */
  let latest: RxDocumentData<Doc> | undefined;
  let unwritten = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing = Promise.resolve();
  const bulkWrite = meta.bulkWrite.bind(meta);
  const find = meta.findDocumentsById.bind(meta);

  /** Writes the latest checkpoint over the stored one; a failed write leaves it to the next. */
  async function writeLatest(): Promise<void> {
    const document = latest;
    if (!unwritten || !document) return;
    unwritten = false;
    try {
      // Over what is stored: RxDB's `previous` is the one it was told about, which may never have been.
      const stored = await find([document.id as string], true);
      const { error } = await bulkWrite([{ previous: stored[0], document }], CHECKPOINT_CONTEXT);
      if (error.length > 0) unwritten ||= latest === document;
    } catch {
      unwritten ||= latest === document; // the instance closed meanwhile: it lags, which is safe
    }
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    writing = writing.then(writeLatest);
    return writing;
  }

  meta.bulkWrite = (rows, context) => {
    if (context !== CHECKPOINT_CONTEXT || !isUpCheckpoint(rows)) return bulkWrite(rows, context);
    latest = rows[0]!.document;
    unwritten = true;
    timer ??= setTimeout(() => void flush(), everyMs);
    return Promise.resolve({ error: [] });
  };

  meta.findDocumentsById = async (ids, withDeleted) => {
    const found = await find(ids, withDeleted);
    const held = latest;
    if (!held || !ids.includes(held.id as string)) return found;
    return [...found.filter((row) => row.id !== held.id), held];
  };

  const close = meta.close.bind(meta);
  meta.close = async () => {
    await flush();
    return close();
  };
  const remove = meta.remove.bind(meta);
  meta.remove = () => {
    clearTimeout(timer);
    latest = undefined;
    unwritten = false;
    return remove();
  };
  return meta;
}

/** RxDB's replication meta instances, with the upstream's checkpoint held (see the top). */
export function heldUpCheckpointStorage(storage: AppStorage, everyMs = UP_CHECKPOINT_EVERY_MS): AppStorage {
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = (await storage.createStorageInstance(params)) as unknown as Instance;
      return (params.schema.title === META_INSTANCE_SCHEMA_TITLE ? holdUpCheckpoint(instance, everyMs) : instance) as never;
    },
  };
}
