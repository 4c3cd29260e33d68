// Writes a merge: every document is checked first, so an invalid one stops the merge before
// anything is written; then the references and the kept record, and only last the deletions, so a
// failure part-way leaves the dropped record in place and nothing of it is lost.
import type { CollectionName } from '@domain/collections';
import type { MergeWrites } from '@domain/duplicates';
import { InvalidDocumentError, removeDoc, saveDocs } from '../../db/write';
import { schemaProblems } from '../../db/validate';

type SavedCollection = Exclude<keyof MergeWrites, 'removeMembers'>;

// Referrers before the kept record, the kept record before the deletions.
const order: readonly SavedCollection[] = ['buildings', 'grids', 'orgs', 'ledger', 'activities', 'members'];

/** Which collection's write failed, for the person: the merge can be run again. */
export class MergeWriteError extends Error {
  constructor(
    readonly collection: CollectionName,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'MergeWriteError';
  }
}

export async function applyMergeWrites(writes: MergeWrites): Promise<void> {
  for (const collection of order) {
    for (const doc of writes[collection]) {
      const problems = schemaProblems(collection, doc);
      if (problems.length > 0) throw new MergeWriteError(collection, new InvalidDocumentError(collection, problems));
    }
  }
  const saves: Record<SavedCollection, () => Promise<void>> = {
    buildings: () => saveDocs('buildings', writes.buildings),
    grids: () => saveDocs('grids', writes.grids),
    orgs: () => saveDocs('orgs', writes.orgs),
    ledger: () => saveDocs('ledger', writes.ledger),
    activities: () => saveDocs('activities', writes.activities),
    members: () => saveDocs('members', writes.members),
  };
  for (const collection of order) {
    try {
      await saves[collection]();
    } catch (error) {
      throw new MergeWriteError(collection, error);
    }
  }
  for (const id of writes.removeMembers) {
    try {
      await removeDoc('members', id);
    } catch (error) {
      throw new MergeWriteError('members', error);
    }
  }
}
