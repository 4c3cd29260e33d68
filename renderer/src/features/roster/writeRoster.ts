// Writes an import's documents in chunks, one bulk write each, so a large file shows progress.
// Every document is checked against its schema before the first chunk is written.
import type { Building, Compound, Member } from '@domain/collections';
import { schemaProblems } from '../../db/validate';
import { InvalidDocumentError, saveDocs } from '../../db/write';
import type { RosterKind } from '../../lib/roster/fields';
import type { RosterDoc } from '../../lib/roster/validate';

const CHUNK = 500;

export class RosterWriteError extends Error {
  constructor(
    readonly written: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'RosterWriteError';
  }
}

function save(kind: RosterKind, docs: RosterDoc[]): Promise<void> {
  // The worker made these documents for this kind (validate.ts): the cast only restores that.
  switch (kind) {
    case 'members':
      return saveDocs('members', docs as Member[]);
    case 'compounds':
      return saveDocs('compounds', docs as Compound[]);
    case 'buildings':
      return saveDocs('buildings', docs as Building[]);
    default: {
      const unknown: never = kind;
      throw new Error(`unknown roster kind ${String(unknown)}`);
    }
  }
}

export async function writeRoster(kind: RosterKind, docs: RosterDoc[], onProgress: (done: number, total: number) => void): Promise<number> {
  for (const doc of docs) {
    const problems = schemaProblems(kind, doc);
    if (problems.length > 0) throw new RosterWriteError(0, new InvalidDocumentError(kind, problems));
  }
  let written = 0;
  for (let start = 0; start < docs.length; start += CHUNK) {
    const chunk = docs.slice(start, start + CHUNK);
    try {
      await save(kind, chunk);
    } catch (error) {
      throw new RosterWriteError(written, error);
    }
    written += chunk.length;
    onProgress(written, docs.length);
  }
  return written;
}
