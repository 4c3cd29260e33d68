// PostgreSQL's jsonb cannot hold NUL characters: a pushed document carrying one, at any depth, is
// refused as invalid before anything is written, and the rest pass.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../src/messages';
import { todayInChina, validateDocuments } from '../src/sync/validate';
import { member } from './docs';

const rowOf = (doc: ReturnType<typeof member>) => ({ assumedMasterState: null, newDocumentState: doc });

describe('NUL characters in pushed documents', () => {
  it('refuses one in a top-level string, naming its row', () => {
    const rows = [rowOf(member('s1', 'c1', 'm1')), rowOf(member('s1', 'c1', 'm2', { note: 'a\u0000b' }))];
    expect(() => validateDocuments('members', rows, todayInChina())).toThrow(
      expect.objectContaining({ code: 'invalid_document', details: [expect.objectContaining({ row: 1, id: 'm2', message: fieldErrors.nulChar })] }),
    );
  });

  it('refuses one inside an array', () => {
    const rows = [rowOf(member('s1', 'c1', 'm1', { teamRoles: ['gridWorker', 'x\u0000'] }))];
    expect(() => validateDocuments('members', rows, todayInChina())).toThrow(expect.objectContaining({ code: 'invalid_document' }));
  });

  it('accepts documents without one', () => {
    const rows = [rowOf(member('s1', 'c1', 'm1', { note: '回访记录 \\u0000 写作文字' }))];
    expect(() => validateDocuments('members', rows, todayInChina())).not.toThrow();
  });
});
