// Pull: pages in server change order, checkpoints handed back unchanged, malformed queries refused.
import { beforeAll, expect, it } from 'vitest';
import type { WireDoc } from '@domain/collections';
import type { Checkpoint } from '@domain/contract';
import { forEachBackend } from './support/backends';
import { build, pullToEnd, pushNew, setUpStreet, type StreetFixture } from './support/street';

forEachBackend('pull', (backend) => {
  let street: StreetFixture;
  beforeAll(async () => {
    street = await setUpStreet(backend.url);
  });

  it('pages 25 documents by 10 in push order, each exactly once, then nothing', async () => {
    const { api } = street.admin;
    const start = (await pullToEnd(api, 'compounds')).checkpoint;
    const pushed: WireDoc<'compounds'>[] = [];
    // Five pushes of five rows: the order holds across pushes and within one.
    for (let batch = 0; batch < 5; batch++) {
      const docs = Array.from({ length: 5 }, (_, i) => build.compound(street.communityA, { name: `小区${batch * 5 + i + 1}` }));
      await pushNew(api, 'compounds', docs);
      pushed.push(...docs);
    }

    const sizes: number[] = [];
    const received: WireDoc<'compounds'>[] = [];
    let checkpoint: Checkpoint = start;
    for (let page = 0; page < 4; page++) {
      const reply = (await api.pull<WireDoc<'compounds'>>('compounds', { checkpoint, limit: 10 })).ok();
      sizes.push(reply.documents.length);
      received.push(...reply.documents);
      expect(reply.removed).toEqual([]);
      if (page === 3) expect(reply.checkpoint).toEqual(checkpoint); // nothing changed: nothing to move past
      checkpoint = reply.checkpoint;
    }
    expect(sizes).toEqual([10, 10, 5, 0]);
    expect(received).toEqual(pushed);
  });

  it('pulls from the start without a checkpoint', async () => {
    const { api } = street.admin;
    const community = (await api.pull<WireDoc<'communities'>>('communities', { limit: 2000 })).ok();
    expect(community.documents.map((doc) => doc.id)).toEqual(expect.arrayContaining([street.communityA.id, street.communityB.id]));
    const streets = (await api.pull<WireDoc<'streets'>>('streets')).ok();
    expect(streets.documents.map((doc) => doc.id)).toContain(street.streetId);
  });

  it('answers the same checkpoint with the same page', async () => {
    const { api } = street.admin;
    await pushNew(api, 'compounds', Array.from({ length: 6 }, () => build.compound(street.communityB)));
    const first = (await api.pull('compounds', { limit: 3 })).ok();
    const second = (await api.pull('compounds', { checkpoint: first.checkpoint, limit: 3 })).ok();
    const again = (await api.pull('compounds', { checkpoint: first.checkpoint, limit: 3 })).ok();
    expect(again).toEqual(second);
    expect(second.documents).toHaveLength(3);
    expect(second.documents.map((doc) => doc.id)).not.toContain(first.documents[0]?.id);
  });

  it.each([0, 2001, -1, 'abc', '1.5'])('refuses limit=%s with 400 bad_request', async (limit) => {
    const reply = await street.admin.api.pull('members', { limit });
    expect(reply.status).toBe(400);
    expect(reply.error().code).toBe('bad_request');
  });

  it.each(['not json', '42'])('refuses checkpoint=%s with 400 bad_request', async (checkpoint) => {
    const reply = await street.admin.api.pull('members', { checkpoint });
    expect(reply.status).toBe(400);
    expect(reply.error().code).toBe('bad_request');
  });

  it('answers an unknown collection with 404 unknown_collection', async () => {
    const pull = await street.admin.api.pull('residents');
    expect(pull.status).toBe(404);
    expect(pull.error().code).toBe('unknown_collection');
    const push = await street.admin.api.push('residents', []);
    expect(push.status).toBe(404);
    expect(push.error().code).toBe('unknown_collection');
  });
});
