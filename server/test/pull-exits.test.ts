// Documents that leave the caller's scope come back in `removed` with the page their exit belongs
// to: the page, the counter and the exits are read in one statement, and an exit after a full
// page's last document waits for the next page, as a document written there would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyDoc } from '@domain/collections';
import { member } from './docs';
import { adminWithCommunities, newStaff, startTestServer, type Client, type TestServer } from './support';

describe('exits in incremental pulls', () => {
  let test: TestServer;
  let admin: Client;
  let staff: Client;
  let street: string;

  beforeAll(async () => {
    test = await startTestServer('pglite');
    admin = await adminWithCommunities(test.server.url);
    street = admin.streetId;
    staff = (await newStaff(admin, 'staff_exits', 'shequ-exits-1', ['A'])).client;
  });
  afterAll(() => test.close());

  const ids = (docs: AnyDoc[]) => docs.map((doc) => doc.id);

  it('sends an exit with the page it follows, never before that page', async () => {
    const leaving = member(street, 'A', 'leaving');
    await admin.push('members', [{ newDocumentState: leaving }]);
    const start = await staff.pullAll('members');
    expect(ids(start.documents)).toEqual(['leaving']);

    // After the checkpoint: a new member of A, then the move of `leaving` to B.
    await admin.push('members', [{ newDocumentState: member(street, 'A', 'staying') }]);
    await admin.push('members', [{ assumedMasterState: leaving, newDocumentState: { ...leaving, communityId: 'B' } }]);

    const first = await staff.pull('members', start.checkpoint, 1);
    expect(ids(first.body.documents)).toEqual(['staying']);
    expect(first.body.removed).toEqual([]);
    const second = await staff.pull('members', first.body.checkpoint, 1);
    expect(second.body.documents).toEqual([]);
    expect(second.body.removed).toEqual(['leaving']);
    const third = await staff.pull('members', second.body.checkpoint, 1);
    expect(third.body).toMatchObject({ documents: [], removed: [] });
  });

  it('sends no exit for a document that came back into the scope', async () => {
    const roaming = member(street, 'A', 'roaming');
    await admin.push('members', [{ newDocumentState: roaming }]);
    const start = await staff.pullAll('members');
    const away = { ...roaming, communityId: 'B' };
    await admin.push('members', [{ assumedMasterState: roaming, newDocumentState: away }]);
    await admin.push('members', [{ assumedMasterState: away, newDocumentState: { ...roaming, name: '李四' } }]);
    const after = await staff.pullAll('members', start.checkpoint);
    expect(ids(after.documents)).toEqual(['roaming']);
    expect(after.removed).toEqual([]);
  });
});
