import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '../src/sync/api';

function client(respond: (url: string, init: RequestInit) => Promise<Response>, extra: { sessionEnds?: ApiError[]; reach?: boolean[] } = {}) {
  return createApiClient({
    serverUrl: 'http://server',
    token: 'secret',
    clientVersion: '1.2.3',
    timeoutMs: 200,
    fetch: (input, init) => respond(input instanceof Request ? input.url : input.toString(), init ?? {}),
    onSessionEnd: (error) => extra.sessionEnds?.push(error),
    onReachability: (reachable) => extra.reach?.push(reachable),
  });
}

const json = (status: number, body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status }));

describe('API client', () => {
  it('sends the token and the client version', async () => {
    let seen: RequestInit | undefined;
    await client((_url, init) => {
      seen = init;
      return json(200, []);
    }).post('/api/sync/needs/push', []);
    expect(seen?.headers).toMatchObject({ authorization: 'Bearer secret', 'x-client-version': '1.2.3', 'content-type': 'application/json' });
  });

  it("shows the server's Chinese message and code", async () => {
    const error = await client(() => json(422, { error: { code: 'invalid_document', message: '数据校验失败', details: [{ message: '缺少必填字段 name' }] } }))
      .post('/api/sync/members/push', [])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'invalid_document', status: 422, message: '数据校验失败' });
    expect((error as ApiError).detail?.details?.[0]?.message).toBe('缺少必填字段 name');
  });

  it('reports the three answers that end a session, and only those', async () => {
    const sessionEnds: ApiError[] = [];
    for (const [status, code] of [
      [401, 'unauthorized'],
      [401, 'device_revoked'],
      [426, 'client_outdated'],
      [403, 'forbidden'],
      [401, 'invalid_credentials'],
    ] as const) {
      await client(() => json(status, { error: { code, message: 'x', minVersion: '9.0.0' } }), { sessionEnds })
        .get('/api/schema')
        .catch(() => undefined);
    }
    expect(sessionEnds.map((error) => error.kind)).toEqual(['unauthorized', 'device_revoked', 'client_outdated']);
    expect(sessionEnds[2]?.detail?.minVersion).toBe('9.0.0');
  });

  it('tells an unreachable server and a timeout apart from an error answer', async () => {
    const reach: boolean[] = [];
    const down = await client(() => Promise.reject(new TypeError('Failed to fetch')), { reach })
      .get('/api/health')
      .catch((caught: unknown) => caught);
    expect(down).toMatchObject({ kind: 'network', unreachable: true });
    const slow = await client(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
        }),
      { reach },
    )
      .get('/api/health')
      .catch((caught: unknown) => caught);
    expect(slow).toMatchObject({ kind: 'timeout', unreachable: true });
    await client(() => Promise.resolve(new Response('<html>oops</html>', { status: 502 })), { reach })
      .get('/api/health')
      .catch((caught: unknown) => expect(caught).toMatchObject({ kind: 'http', status: 502 }));
    expect(reach).toEqual([false, false, true]);
  });
});
