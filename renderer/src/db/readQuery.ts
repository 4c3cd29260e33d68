// How a live query reads (see hooks.ts). RxDB's `exec()` brings its last result up to date with the
// changes since (from its buffer of the last hundred: event-reduce), reading nothing — a person's
// edit shows at once. Otherwise it reads the storage, and reads again after any write that committed
// meanwhile, until one read meets none: with a sync writing pulled documents every moment, a read of
// a whole collection (50,000 needs) went on for as long as the sync did, a minute and more at the
// full tier (tests/bench/app.bench.ts, the pages open during a first sync). Here that read is made
// once; the writes that came meanwhile are the live query's next changes (PacedQuery reads again).
// The pages' queries have no limit: RxDB applies the changes it buffered to them without a read (its
// event-reduce falls back to reading mainly for queries with a limit or skip).
// What RxDB keeps of a query (`_result`, `_latestChangeEvent`, `_setResultData`) is typed but its
// own: an upgrade of RxDB's major version re-checks this against db-paced-query.test.ts.
import { queryCollection, type RxQuery } from 'rxdb';

export async function readQuery<T, R>(query: RxQuery<T, R>): Promise<R> {
  const changes = query.collection._changeEventBuffer;
  const reducible = query._result !== null && query._latestChangeEvent >= 0 && changes.getFrom(query._latestChangeEvent + 1) !== null;
  if (reducible) return query.exec();
  const before = changes.getCounter();
  const { docs } = await queryCollection(query);
  if (changes.getCounter() === before) {
    // Nothing written meanwhile: the result is RxDB's too, as its own read would keep it, so the
    // next changes can be applied to it.
    query._setResultData(docs);
    query._latestChangeEvent = before;
  }
  const documents = query.collection._docCache.getCachedRxDocuments(docs);
  return (query.op === 'findOne' ? (documents[0] ?? null) : documents) as R;
}
