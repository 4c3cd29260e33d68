// The live event stream: changes in the listener's scope arrive within seconds, others never,
// and they cross between server processes sharing one PostgreSQL.
import { afterEach, beforeAll, expect, it } from 'vitest';
import { ADMIN, forEachBackend } from './support/backends';
import type { EventStream } from './support/stream';
import { changeOf } from './support/stream';
import { build, createStaff, pushNew, setUpStreet, signIn, type StreetFixture } from './support/street';

const ARRIVES_WITHIN = 5_000;
const open: EventStream[] = [];
afterEach(() => {
  for (const stream of open.splice(0)) stream.close();
});

forEachBackend('event stream', (backend) => {
  let street: StreetFixture;
  beforeAll(async () => {
    street = await setUpStreet(backend.url);
  });

  it('refuses a stream without a token', async () => {
    await expect(backend.anonymous.openStream()).rejects.toThrow(/401/);
  });

  it('tells a listener of a change pushed by another user in scope', async () => {
    const stream = await street.staffA.api.openStream();
    open.push(stream);
    const colleague = await createStaff(backend.url, street.admin.api, [street.communityA.id]);
    await pushNew(colleague.api, 'compounds', [build.compound(street.communityA)]);
    const event = await stream.waitFor(changeOf('compounds'), ARRIVES_WITHIN);
    expect(event, 'an event: change for compounds').not.toBeNull();
    expect(JSON.parse(event?.data ?? '{}')).toEqual({ collection: 'compounds', checkpoint: expect.any(Object) as object });
  });

  it('does not tell a listener of a change outside its scope', async () => {
    const stream = await street.staffA.api.openStream();
    open.push(stream);
    await pushNew(street.admin.api, 'members', [build.member(street.communityB)]);
    // A change in scope pushed afterwards: once its event is here, an event for the first would be too.
    await pushNew(street.admin.api, 'buildings', [build.building(await newCompoundOfA())]);
    expect(await stream.waitFor(changeOf('buildings'), ARRIVES_WITHIN)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.events.filter(changeOf('members'))).toEqual([]);
  });

  // Only PostgreSQL is shared between server processes; PGlite is embedded in one.
  if (backend.name === 'postgres') {
    it('raises an event on server 2 for a change pushed through server 1 (LISTEN/NOTIFY)', async () => {
      const second = await backend.startServer({ storage: 'shared' });
      const admin2 = await signIn(second.url, ADMIN.username, ADMIN.password);
      expect(admin2.login.user.streetId).toBe(street.streetId);
      const stream = await admin2.api.openStream();
      open.push(stream);
      await pushNew(street.admin.api, 'communities', [build.community(street.streetId, '跨服务器社区')]);
      expect(await stream.waitFor(changeOf('communities'), ARRIVES_WITHIN)).not.toBeNull();
    });
  }

  async function newCompoundOfA() {
    const compound = build.compound(street.communityA);
    await pushNew(street.admin.api, 'compounds', [compound]);
    return compound;
  }
});
