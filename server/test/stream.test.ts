// Live events: a change the listener may see arrives at once, one outside its scope does not,
// and a revoked device's stream is closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compound } from './docs';
import { openStream } from './events';
import { adminWithCommunities, Client, newStaff, startTestServer, type TestServer } from './support';

describe('event stream', () => {
  let test: TestServer;
  let admin: Client;
  let staffA: Client;
  let street: string;

  beforeAll(async () => {
    test = await startTestServer('pglite');
    admin = await adminWithCommunities(test.server.url);
    street = admin.streetId;
    staffA = (await newStaff(admin, 'staff_a', 'shequ-a-123', ['A'])).client;
  });
  afterAll(() => test.close());

  it('announces changes in scope, and only those', async () => {
    const stream = await openStream(staffA);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    await stream.waitFor(/^: connected\n\n/);

    await admin.push('compounds', [{ newDocumentState: compound(street, 'B', 'cb-1') }]);
    await admin.push('compounds', [{ newDocumentState: compound(street, 'A', 'ca-1') }]);
    const text = await stream.waitFor(/event: change\ndata: .*\n\n/);
    const events = [...text.matchAll(/event: change\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1] ?? '{}') as { collection: string; checkpoint: { seq: number } });
    // Only the write in community A: the one in B came first and would have arrived first.
    expect(events).toHaveLength(1);
    expect(events[0]?.collection).toBe('compounds');
    stream.close();
  });

  it('closes the stream of a device the admin revokes', async () => {
    const device = await Client.signIn(test.server.url, 'staff_a', 'shequ-a-123');
    const stream = await openStream(device);
    await stream.waitFor(/: connected/);
    const revoked = await admin.call('POST', `/api/admin/devices/${device.login?.deviceId ?? ''}/revoke`);
    expect(revoked.status).toBe(200);
    await expect(Promise.race([stream.ended.then(() => 'ended'), new Promise((r) => setTimeout(() => r('open'), 5000))])).resolves.toBe('ended');
    const after = await device.call<{ error: { code: string } }>('GET', '/api/schema');
    expect(after.body.error.code).toBe('device_revoked');
    // The same account on another device is untouched.
    expect((await staffA.call('GET', '/api/schema')).status).toBe(200);
  });
});
