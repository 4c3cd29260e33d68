// The server's own proof that it works: login, pull, push, conflicts, validation and scope, on
// PGlite and on PostgreSQL. The exhaustive contract suite lives in tests/integration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyDoc } from '@domain/collections';
import { isErrorBody, type ErrorBody } from '@domain/errors';
import { building, community, compound, member, validIdNumber } from './docs';
import { ADMIN, Client, startTestServer, type Backend, type TestServer } from './support';

describe.each<Backend>(['pglite', 'postgres'])('sync server on %s', (backend) => {
  let test: TestServer;
  let url: string;
  let admin: Client;
  let staffA: Client;
  let street: string;

  beforeAll(async () => {
    test = await startTestServer(backend);
    url = test.server.url;
    admin = await Client.signIn(url, ADMIN.username, ADMIN.password);
    street = admin.streetId;
    expect((await admin.push('communities', [community(street, 'A'), community(street, 'B')].map((doc) => ({ newDocumentState: doc })))).body).toEqual([]);
    const created = await admin.call('POST', '/api/admin/users', {
      username: 'staff_a',
      password: 'shequ-a-123',
      displayName: 'A社区工作人员',
      role: 'community_staff',
      communityIds: ['A'],
    });
    expect(created.status).toBe(201);
    staffA = await Client.signIn(url, 'staff_a', 'shequ-a-123');
  });
  afterAll(() => test.close());

  it('answers health without a session and refuses other calls without one', async () => {
    const anonymous = new Client(url);
    expect(await anonymous.call('GET', '/api/health')).toEqual({ status: 200, body: { ok: true, version: expect.any(String) as string } });
    const refused = await anonymous.call<ErrorBody>('GET', '/api/sync/members/pull');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthorized');
  });

  it('refuses a wrong password with invalid_credentials', async () => {
    const wrong = await new Client(url).call<ErrorBody>('POST', '/api/auth/login', { username: 'staff_a', password: 'nope-nope', deviceName: 'x' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
  });

  it('returns a pushed document exactly, and a retried push changes nothing', async () => {
    const doc = compound(street, 'A', 'ca-1', { venues: [{ id: 'v1', kind: 'newBuilt', name: '党群服务站' }] });
    expect((await staffA.push('compounds', [{ newDocumentState: doc }])).body).toEqual([]);
    const first = await staffA.pullAll('compounds');
    expect(first.documents).toEqual([doc]);

    expect((await staffA.push('compounds', [{ newDocumentState: doc }])).body).toEqual([]);
    const again = await staffA.pull('compounds', first.checkpoint);
    expect(again.body.documents).toEqual([]);
  });

  it('answers a stale push with the server state and does not write it', async () => {
    const base = compound(street, 'A', 'ca-2');
    await staffA.push('compounds', [{ newDocumentState: base }]);
    const serverEdit = { ...base, residentCount: 410 };
    expect((await admin.push('compounds', [{ assumedMasterState: base, newDocumentState: serverEdit }])).body).toEqual([]);

    const stale = await staffA.push('compounds', [{ assumedMasterState: base, newDocumentState: { ...base, name: '改名小区' } }]);
    expect(stale.status).toBe(200);
    expect(stale.body).toEqual([serverEdit]);
    const stored = (await admin.pullAll('compounds')).documents.find((d) => d.id === 'ca-2');
    expect(stored).toEqual(serverEdit);

    // A "new" document whose id exists with other content is a conflict too.
    const blind = await staffA.push('compounds', [{ newDocumentState: { ...base, name: '另一个' } }]);
    expect(blind.body).toEqual([serverEdit]);
  });

  it('rejects the whole push with 422 and Chinese details when one row is invalid', async () => {
    const good = member(street, 'A', 'm-good');
    const badId = member(street, 'A', 'm-bad-id', { idNumber: validIdNumber().slice(0, 17) + (validIdNumber().endsWith('0') ? '1' : '0') });
    const missing: AnyDoc = { ...member(street, 'A', 'm-missing') };
    delete missing.name;
    const answer = await staffA.push<ErrorBody>('members', [good, badId, missing].map((doc) => ({ newDocumentState: doc })));
    expect(answer.status).toBe(422);
    expect(isErrorBody(answer.body)).toBe(true);
    const { error } = answer.body;
    expect(error.code).toBe('invalid_document');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { row: 1, id: 'm-bad-id', field: 'idNumber', message: expect.stringMatching(/身份证号/) as string },
        { row: 2, id: 'm-missing', field: 'name', message: '缺少必填字段 name' },
      ]),
    );
    expect((await staffA.pullAll('members')).documents.map((d) => d.id)).not.toContain('m-good');
  });

  it('keeps community staff inside their community', async () => {
    await admin.push('compounds', [{ newDocumentState: compound(street, 'B', 'cb-1') }]);
    const seen = (await staffA.pullAll('compounds')).documents.map((d) => d.id);
    expect(seen).not.toContain('cb-1');

    const foreign = await staffA.push<ErrorBody>('compounds', [{ newDocumentState: compound(street, 'B', 'cb-2') }]);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('out_of_scope');

    const moveAway = await staffA.push<ErrorBody>('compounds', [
      { assumedMasterState: compound(street, 'A', 'ca-1'), newDocumentState: compound(street, 'B', 'ca-1') },
    ]);
    expect(moveAway.status).toBe(403);

    const streetLevel = await staffA.push<ErrorBody>('communities', [{ newDocumentState: community(street, 'C') }]);
    expect(streetLevel.status).toBe(403);
    expect(streetLevel.body.error.code).toBe('forbidden');

    const crossReference = await staffA.push<ErrorBody>('buildings', [{ newDocumentState: building(street, 'A', 'cb-1', 'b-x') }]);
    expect(crossReference.status).toBe(403);
    expect(crossReference.body.error.code).toBe('out_of_scope');
    expect((await admin.pullAll('buildings')).documents).toEqual([]);
  });

  it('checks references: a missing compound is 422 and writes nothing', async () => {
    const answer = await staffA.push<ErrorBody>('buildings', [
      { newDocumentState: building(street, 'A', 'ca-1', 'b-ok') },
      { newDocumentState: building(street, 'A', 'no-such-compound', 'b-bad') },
    ]);
    expect(answer.status).toBe(422);
    expect(answer.body.error.details).toEqual([expect.objectContaining({ row: 1, id: 'b-bad', field: 'compoundId' })]);
    expect((await admin.pullAll('buildings')).documents).toEqual([]);
  });

  it('tells staff about a document that left their community, and about a scope change', async () => {
    const doc = member(street, 'A', 'm-move');
    await staffA.push('members', [{ newDocumentState: doc }]);
    const before = await staffA.pullAll('members');
    expect(before.documents.map((d) => d.id)).toContain('m-move');

    await admin.push('members', [{ assumedMasterState: doc, newDocumentState: { ...doc, communityId: 'B' } }]);
    const after = await staffA.pullAll('members', before.checkpoint);
    expect(after.removed).toEqual(['m-move']);
    expect(after.documents).toEqual([]);

    // Staff A now serves B instead: the old checkpoint restarts the pull with B's documents and
    // names A's in `removed`.
    const compoundsOfA = await staffA.pullAll('compounds');
    const { body: users } = await admin.call<{ id: string; username: string }[]>('GET', '/api/admin/users');
    const staffId = users.find((u) => u.username === 'staff_a')?.id ?? '';
    expect((await admin.call('PUT', `/api/admin/users/${staffId}/scope`, { communityIds: ['B'] })).status).toBe(200);
    const compoundsOfB = await staffA.pullAll('compounds', compoundsOfA.checkpoint);
    expect(compoundsOfB.documents.map((d) => d.id)).toEqual(['cb-1']);
    expect(compoundsOfB.removed.sort()).toEqual(['ca-1', 'ca-2']);
  });

  it('lists the audit trail of a document the caller may read', async () => {
    const history = await admin.call<{ before: AnyDoc | null; after: AnyDoc; username: string }[]>('GET', '/api/history/compounds/ca-2');
    expect(history.status).toBe(200);
    expect(history.body.map((entry) => entry.username)).toEqual(['staff_a', ADMIN.username]);
    expect(history.body[0]?.before).toBeNull();
    expect(history.body[1]?.after.residentCount).toBe(410);
  });

  it('maps malformed requests to JSON errors', async () => {
    const notJson = await admin.call<ErrorBody>('POST', '/api/sync/members/push', 'not json');
    expect([notJson.status, notJson.body.error.code]).toEqual([400, 'bad_request']);
    const notArray = await admin.call<ErrorBody>('POST', '/api/sync/members/push', { rows: [] });
    expect([notArray.status, notArray.body.error.code]).toEqual([400, 'bad_request']);
    const tooMany = await admin.push('members', Array.from({ length: 2001 }, (_, i) => ({ newDocumentState: member(street, 'A', `m-${i}`) })));
    expect(tooMany.status).toBe(413);
    const unknown = await admin.call<ErrorBody>('GET', '/api/sync/nothing/pull');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown_collection']);
    const badLimit = await admin.call<ErrorBody>('GET', '/api/sync/members/pull?limit=0');
    expect(badLimit.status).toBe(400);
    const noVersion = await admin.call<ErrorBody>('GET', '/api/schema', undefined, { 'x-client-version': '' });
    expect(noVersion.status).toBe(400);
  });
});
