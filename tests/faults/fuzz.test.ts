// Fault: malformed and hostile requests to every HTTP endpoint (fast-check): wrong types, huge
// bodies, deep nesting, unknown fields, other communities' ids, expired, revoked and forged
// tokens, bad collection names, bad checkpoints. Every answer must be a 4xx JSON error with a code
// and a Chinese message — never a 5xx, never a stack trace, never a hang — and nothing may be
// written: every table is compared before and after (but for the columns a refused request is
// meant to touch: a failed login's count and lock, a device's last-seen time).
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, expect, test } from 'vitest';
import { isErrorBody } from '@domain/errors';
import { startServer, type RunningServer } from '../../server/src/server';
import { ADMIN, createDatabase, dropDatabase } from '../integration/support/backends';
import { CLIENT_VERSION } from '../integration/support/client';
import { build, CHINESE, createStaff, pushNew, setUpStreet } from '../integration/support/street';
import { report } from './report';

const SEED = Number(process.env.FAULT_SEED ?? 6_2024);
const ROUTES_DIR = new URL('../../server/src/http/routes/', import.meta.url);

interface Route {
  method: string;
  path: string;
}

/** Every route the server declares, read from its source so that a new endpoint is fuzzed too. */
function declaredRoutes(): Route[] {
  const routes: Route[] = [];
  for (const file of readdirSync(ROUTES_DIR).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(new URL(file, ROUTES_DIR), 'utf8');
    for (const match of source.matchAll(/app\.(get|post|put|patch|delete)\s*(?:<[^(]*>)?\(\s*'([^']+)'/g)) {
      routes.push({ method: match[1]!.toUpperCase(), path: match[2]! });
    }
  }
  return routes;
}

interface Probe {
  label: string;
  method: string;
  path: string;
  token?: string | null;
  /** undefined: the app's version; null: no header; else sent as is. */
  version?: string | null;
  /** A string is sent as is; anything else as JSON; undefined sends no body. */
  body?: unknown;
  contentType?: string;
  /** Health answers 200 to anyone; a GET by a valid caller may answer 2xx. Nothing else may. */
  allow2xx?: boolean;
}

let server: RunningServer | undefined;
let databaseUrl: string | undefined;

afterAll(async () => {
  await server?.close();
  if (databaseUrl) await dropDatabase(databaseUrl);
});

/** Every table, row by row, without the columns a refused request may legitimately change. */
async function snapshot(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const volatile = new Set(['failed_logins', 'locked_until', 'last_seen_at', 'app_version']);
    const result: Record<string, string[]> = {};
    for (const { table_name: table } of tables.rows) {
      const { rows } = await client.query<Record<string, unknown>>(`SELECT * FROM ${pg.escapeIdentifier(table)}`);
      result[table] = rows
        .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([column]) => !volatile.has(column)))))
        .sort();
    }
    return result;
  } finally {
    await client.end();
  }
}

test('hostile requests to every endpoint are answered with a 4xx JSON error and write nothing', async () => {
  databaseUrl = await createDatabase();
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    webRoot: null,
    quiet: true,
    adminUsername: ADMIN.username,
    adminPassword: ADMIN.password,
    databaseUrl,
  });
  const url = server.url;
  const street = await setUpStreet(url);
  const admin = street.admin.api;
  const staff = street.staffA;
  const compoundA = build.compound(street.communityA);
  const compoundB = build.compound(street.communityB, { name: '西门小区' });
  const memberB = build.member(street.communityB, { name: '王五' });
  await pushNew(admin, 'compounds', [compoundA, compoundB]);
  await pushNew(admin, 'members', [memberB]);
  const memberA = build.member(street.communityA, { name: '赵六' });
  await pushNew(staff.api, 'members', [memberA]);

  // Tokens that must not work: expired, of a revoked device, of a disabled account.
  const expired = await createStaff(url, admin, [street.communityA.id]);
  const revoked = await createStaff(url, admin, [street.communityA.id]);
  const disabled = await createStaff(url, admin, [street.communityA.id]);
  expect((await admin.send('POST', `/api/admin/devices/${revoked.login.deviceId}/revoke`)).status).toBe(200);
  expect((await admin.send('POST', `/api/admin/users/${disabled.user.id}/disable`)).status).toBe(200);
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    await sql.query(`UPDATE sessions SET expires_at = now() - interval '1 day' WHERE user_id = $1`, [expired.user.id]);
  } finally {
    await sql.end();
  }
  // A throwaway account for wrong passwords (it may lock) and broken password and scope changes.
  const victim = await createStaff(url, admin, [street.communityA.id]);
  const validTokens = { staff: staff.api.token!, admin: admin.token! };
  const deadTokens = [expired.api.token!, revoked.api.token!, disabled.api.token!];

  const routes = declaredRoutes();
  const known = ['/api/health', '/api/auth/login', '/api/schema', '/api/sync/:collection/pull', '/api/sync/:collection/push', '/api/sync/stream'];
  for (const path of known) expect(routes.map((route) => route.path)).toContain(path);

  const before = await snapshot(databaseUrl);
  const violations: string[] = [];
  let requests = 0;

  const send = async (probe: Probe): Promise<void> => {
    requests += 1;
    const headers: Record<string, string> = {};
    if (probe.token) headers.authorization = `Bearer ${probe.token}`;
    if (probe.version !== null) headers['x-client-version'] = probe.version ?? CLIENT_VERSION;
    let body: string | undefined;
    if (probe.body !== undefined) {
      body = typeof probe.body === 'string' ? probe.body : JSON.stringify(probe.body);
      headers['content-type'] = probe.contentType ?? 'application/json';
    }
    const what = `${probe.label}: ${probe.method} ${probe.path.slice(0, 120)} ${body === undefined ? '' : body.slice(0, 120)}`;
    let status: number;
    let text: string;
    try {
      const response = await fetch(url + probe.path, { method: probe.method, headers, body, signal: AbortSignal.timeout(15_000) });
      status = response.status;
      text = await response.text();
    } catch (error) {
      violations.push(`${what} → no answer (${String(error)})`);
      return;
    }
    if (status >= 200 && status < 300 && probe.allow2xx) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (status < 400 || status >= 500) violations.push(`${what} → ${status} ${text.slice(0, 200)}`);
    else if (!isErrorBody(parsed)) violations.push(`${what} → ${status} without a JSON error: ${text.slice(0, 200)}`);
    else if (!CHINESE.test(parsed.error.message)) violations.push(`${what} → ${status} message not in Chinese: ${parsed.error.message}`);
    else if (/\n\s+at |node_modules|\.ts:\d+|stack/i.test(text)) violations.push(`${what} → ${status} leaks a stack trace: ${text.slice(0, 300)}`);
  };

  const timings: string[] = [];
  const run = async <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, toProbe: (value: T) => Probe): Promise<void> => {
    const began = Date.now();
    const requestsBefore = requests;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (value) => {
        await send(toProbe(value));
      }),
      { numRuns, seed: SEED, endOnFailure: true },
    );
    if (process.env.FAULT_DEBUG) timings.push(`${requests - requestsBefore} in ${Date.now() - began} ms`);
  };

  // Building blocks.
  const printable = fc.stringMatching(/^[\x21-\x7e]{0,300}$/);
  const forgedToken = fc.oneof(
    printable,
    fc.constant(''),
    fc.constant(randomUUID()),
    fc.nat({ max: validTokens.staff.length - 1 }).map((at) => {
      const token = validTokens.staff;
      const swapped = token[at] === 'A' ? 'B' : 'A';
      return token.slice(0, at) + swapped + token.slice(at + 1);
    }),
    fc.constant('eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJzdHJlZXRfYWRtaW4ifQ.'),
    fc.constantFrom(...deadTokens),
  );
  const idLike = fc.oneof(
    fc.constant(randomUUID()),
    fc.constantFrom(street.communityB.id, memberB.id, compoundB.id, street.streetId, staff.user.id, 'system'),
    fc.string({ maxLength: 80 }),
    fc.constantFrom('..', '%00', '../../etc/passwd', ' ', 'members', "' OR 1=1 --", 'a'.repeat(1500)),
  );
  const fillPath = (path: string, value: string) => path.replace(/:([A-Za-z]+)/g, () => encodeURIComponent(value));
  const junkJson = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constant(undefined));
  const badCollection = fc.oneof(
    fc.constantFrom('Members', 'users', 'audit', 'docs', '__proto__', 'constructor', 'members;DROP TABLE docs', 'toString', ''),
    fc.stringMatching(/^[a-z_]{1,40}$/).filter((name) => !['members', 'compounds'].includes(name)),
  );

  // 1. Every route with a forged, expired, revoked or disabled token (or none).
  await run(
    fc.record({ route: fc.constantFrom(...routes), token: fc.option(forgedToken, { nil: null }), param: idLike, body: junkJson }),
    200,
    ({ route, token, param, body }) => ({
      label: 'bad token',
      method: route.method,
      path: fillPath(route.path, param),
      token,
      body: route.method === 'GET' ? undefined : body,
      // Health needs no token; login needs none and reads only its body (which is junk here).
      allow2xx: route.path === '/api/health',
    }),
  );

  // 2. Every route that needs a token, with a valid one but a missing, garbled or outdated version.
  const authed = routes.filter((route) => route.path !== '/api/health' && route.path !== '/api/auth/login');
  await run(
    fc.record({
      route: fc.constantFrom(...authed),
      version: fc.oneof(
        fc.constant(null),
        fc.constantFrom('0.0.1', '0.0.0', '', 'v1', '1', '1.2', 'latest', '1.0', '0.1.0-', '1.0.0.0'),
        printable.filter((text) => !/^\d+\.\d+\.\d+/.test(text)),
      ),
      who: fc.constantFrom<keyof typeof validTokens>('staff', 'admin'),
      param: idLike,
    }),
    80,
    ({ route, version, who, param }) => ({
      label: 'bad version',
      method: route.method,
      path: fillPath(route.path, param),
      token: validTokens[who],
      version,
      body: route.method === 'GET' ? undefined : [],
    }),
  );

  // 3. Collections that do not exist, on every collection route.
  const collectionRoutes = routes.filter((route) => route.path.includes(':collection'));
  await run(fc.record({ route: fc.constantFrom(...collectionRoutes), name: badCollection, param: idLike }), 80, ({ route, name, param }) => ({
    label: 'bad collection',
    method: route.method,
    path: route.path.replace(':collection', encodeURIComponent(name)).replace(/:([A-Za-z]+)/g, () => encodeURIComponent(param)),
    token: validTokens.admin,
    body: route.method === 'GET' ? undefined : [],
  }));

  // 4. Pushes of hostile rows; every batch also carries a valid row, which must not be written.
  const wrongValue = fc.oneof(
    fc.constantFrom<unknown>(null, 42, -1, true, [], {}, '', 'x'.repeat(600), { $gt: '' }, [null], 1e308),
    fc.jsonValue({ maxDepth: 3 }),
  );
  const notAString = [null, 42, [], {}, true, 'x'.repeat(80), { $ne: null }];
  const wrongTypes: Record<string, unknown[]> = {
    id: notAString,
    streetId: notAString,
    communityId: notAString,
    name: notAString,
    isPartyMember: [null, 'true', 1, [], {}],
    _deleted: ['false', 0, null, []],
    teamRoles: [['admin'], [['gridWorker']], {}, 'gridWorker', ['gridWorker', 'gridWorker']],
    report: [{}, 'x', { date: '2024-01-01', extra: 1 }, { date: 20240101 }],
    birthDate: ['not-a-date', 42, '2024/01/01'],
    gender: ['x', 42, null, 'MALE'],
    note: [42, 'x'.repeat(501), ['note']],
  };
  const memberFields = ['id', 'streetId', 'communityId', 'name', 'isPartyMember', 'idNumber', 'mobile', 'gender', 'birthDate', 'compoundId', 'teamRoles', 'report', '_deleted'];
  const invalidMember = fc.oneof(
    // An unknown field.
    fc.record({ key: fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !memberFields.includes(k) && !['note', 'category', 'workUnit', 'unitId', 'buildingId', 'unitNo', 'room', 'gridId'].includes(k)), value: wrongValue }).map(
      ({ key, value }) => ({ ...build.member(street.communityA), [key]: value }),
    ),
    // A field of the wrong type or shape.
    fc
      .constantFrom(...Object.entries(wrongTypes).flatMap(([key, values]) => values.map((value) => ({ key, value }))))
      .map(({ key, value }) => ({ ...build.member(street.communityA), [key]: value })),
    // A required field missing.
    fc.constantFrom('id', 'streetId', 'communityId', 'name', 'isPartyMember').map((key) => {
      const doc: Record<string, unknown> = { ...build.member(street.communityA) };
      delete doc[key];
      return doc;
    }),
    // Invalid ID numbers and mobiles.
    fc.record({ idNumber: fc.stringMatching(/^[0-9X]{1,17}$/), mobile: fc.stringMatching(/^[02-9][0-9]{10}$/) }).map((fields) => ({ ...build.member(street.communityA), ...fields })),
  );
  await run(
    fc.record({
      kind: fc.constantFrom('row', 'edit', 'shape'),
      bad: invalidMember,
      junk: fc.jsonValue({ maxDepth: 3 }),
      position: fc.boolean(),
      who: fc.constantFrom<keyof typeof validTokens>('staff', 'admin'),
    }),
    160,
    ({ kind, bad, junk, position, who }) => {
      const valid = { newDocumentState: build.member(street.communityA, { name: '不应写入' }) };
      const hostile =
        kind === 'row'
          ? { newDocumentState: bad }
          : kind === 'edit'
            ? { assumedMasterState: memberA, newDocumentState: typeof bad.id === 'string' ? { ...bad, id: memberA.id } : bad }
            : Array.isArray(junk) || typeof junk !== 'object' || junk === null
              ? junk
              : { ...junk, newDocumentState: junk };
      return { label: 'hostile push', method: 'POST', path: '/api/sync/members/push', token: validTokens[who], body: position ? [valid, hostile] : [hostile, valid] };
    },
  );

  // 5. Other communities' documents, as a community worker of A: new ones, edits, deletions, moves.
  await run(
    fc.record({ kind: fc.constantFrom('new', 'edit', 'delete', 'move', 'compound'), name: fc.string({ maxLength: 20 }) }),
    60,
    ({ kind, name }) => {
      const rows: Record<string, unknown>[] =
        kind === 'new'
          ? [{ newDocumentState: build.member(street.communityB, { name: name || '外人' }) }]
          : kind === 'edit'
            ? [{ assumedMasterState: memberB, newDocumentState: { ...memberB, name: name || '外人' } }]
            : kind === 'delete'
              ? [{ assumedMasterState: memberB, newDocumentState: { ...memberB, _deleted: true } }]
              : kind === 'move'
                ? [{ assumedMasterState: memberA, newDocumentState: { ...memberA, communityId: street.communityB.id } }]
                : [{ newDocumentState: build.building(compoundB) }];
      const collection = kind === 'compound' ? 'buildings' : 'members';
      return { label: 'other community', method: 'POST', path: `/api/sync/${collection}/push`, token: validTokens.staff, body: rows };
    },
  );

  // 6. Pulls with bad checkpoints and limits.
  await run(
    fc.record({
      checkpoint: fc.oneof(printable, fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)), fc.constantFrom('{"v":1,"seq":-1}', '{"seq":"1; DROP TABLE docs"}', '{"__proto__":{"admin":true}}')),
      limit: fc.oneof(fc.constantFrom('0', '-1', '2001', '1e3', 'NaN', '', ' 5', '99999999999', '1.5'), printable),
      who: fc.constantFrom<keyof typeof validTokens>('staff', 'admin'),
    }),
    80,
    ({ checkpoint, limit, who }) => ({
      label: 'bad pull',
      method: 'GET',
      path: `/api/sync/members/pull?checkpoint=${encodeURIComponent(checkpoint)}&limit=${encodeURIComponent(limit)}`,
      token: validTokens[who],
      // A junk checkpoint with an acceptable limit may be read as "from the start"; that writes nothing.
      allow2xx: true,
    }),
  );

  // 7. Logins with malformed bodies or wrong passwords (of a throwaway account, which may lock).
  const loginSnapshotUser = victim.user.username;
  await run(
    fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ username: fc.oneof(fc.constant(loginSnapshotUser), printable, wrongValue), password: fc.oneof(printable, wrongValue), deviceName: fc.oneof(fc.string({ maxLength: 120 }), wrongValue), deviceId: fc.option(idLike) }, { requiredKeys: [] }),
    ),
    40,
    (body) => ({ label: 'hostile login', method: 'POST', path: '/api/auth/login', token: null, version: null, body }),
  );

  // 8. Admin calls: by a community worker, and by the admin with broken bodies or unknown ids.
  const adminRoutes = routes.filter((route) => route.path.startsWith('/api/admin') || route.path.startsWith('/api/disclosures'));
  await run(fc.record({ route: fc.constantFrom(...adminRoutes), param: idLike, body: junkJson }), 60, ({ route, param, body }) => ({
    label: 'admin call by staff',
    method: route.method,
    path: fillPath(route.path, param),
    token: validTokens.staff,
    body: route.method === 'GET' ? undefined : body,
  }));
  const goodUser = () => ({ username: `fuzz_${randomUUID().slice(0, 8)}`, password: 'Fuzz#2024-long', displayName: '模糊测试', role: 'community_staff', communityIds: [street.communityA.id] });
  const badAccountFields: Record<string, unknown[]> = {
    username: [null, 42, [], {}, '', 'a b', 'x'.repeat(2000), 'ab', '用户名', 'a/b'],
    password: [null, 42, [], '', 'short', 'x'.repeat(2000)],
    displayName: [null, 42, [], {}, '', 'x'.repeat(2000)],
    role: [null, 42, 'god', 'street_admin ', 'STREET_ADMIN', '', ['street_admin']],
    communityIds: [42, 'x', [42], ['no-such-community'], [street.streetId], [memberB.id], {}],
  };
  await run(
    fc.constantFrom(...Object.entries(badAccountFields).flatMap(([key, values]) => values.map((value) => ({ key, value })))),
    80,
    ({ key, value }) => ({ label: 'create user', method: 'POST', path: '/api/admin/users', token: validTokens.admin, body: { ...goodUser(), [key]: value } }),
  );
  await run(
    fc.record({
      what: fc.constantFrom('password', 'scope'),
      target: fc.oneof(fc.constant(victim.user.id), fc.constant(randomUUID())),
      value: fc.constantFrom<unknown>(null, 42, [], {}, '', 'short', ['no-such-community'], [42], 'x'.repeat(2000)),
    }),
    60,
    ({ what, target, value }) => ({
      label: `admin ${what}`,
      method: what === 'password' ? 'POST' : 'PUT',
      path: `/api/admin/users/${encodeURIComponent(target)}/${what}`,
      token: validTokens.admin,
      body: what === 'password' ? { password: value } : { role: 'community_staff', communityIds: value },
    }),
  );
  await run(
    fc.record({ path: fc.constantFrom('disable', 'enable', 'password', 'scope'), id: idLike.filter((id) => ![staff.user.id].includes(id)) }),
    40,
    ({ path, id }) => ({
      label: 'unknown account',
      method: path === 'scope' ? 'PUT' : 'POST',
      path: `/api/admin/users/${encodeURIComponent(id)}/${path}`,
      token: validTokens.admin,
      body: path === 'password' ? { password: 'Another#2024-pass' } : path === 'scope' ? { role: 'community_staff', communityIds: [street.communityA.id] } : undefined,
    }),
  );
  await run(idLike, 30, (id) => ({ label: 'unknown device', method: 'POST', path: `/api/admin/devices/${encodeURIComponent(id)}/revoke`, token: validTokens.admin }));
  await run(
    fc.record({ listName: wrongValue, reason: fc.oneof(wrongValue, fc.constantFrom('短', ' '.repeat(30))), rowCount: fc.oneof(wrongValue, fc.constantFrom(-1, 1.5, 1e12)) }),
    40,
    (body) => ({ label: 'disclosure', method: 'POST', path: '/api/disclosures', token: validTokens.admin, body }),
  );

  // 9. History of documents that do not exist or belong to another community.
  await run(fc.record({ id: idLike, collection: fc.constantFrom('members', 'compounds', 'buildings') }), 40, ({ id, collection }) => ({
    label: 'history',
    method: 'GET',
    path: `/api/history/${collection}/${encodeURIComponent(id)}`,
    token: validTokens.staff,
    // Staff of A may read A's own documents' history.
    allow2xx: id === memberA.id || id === compoundA.id,
  }));

  // 10. Fixed hostile bodies: huge, deeply nested, prototype pollution, not JSON, wrong media type.
  const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const huge = `[${Array.from({ length: 1 }, () => JSON.stringify({ newDocumentState: { ...build.member(street.communityA), note: 'x'.repeat(34 * 1024 * 1024) } })).join(',')}]`;
  const manyRows = JSON.stringify(Array.from({ length: 5000 }, () => ({ newDocumentState: { ...build.member(street.communityA), bogus: 1 } })));
  const fixed: [string, string, string][] = [
    ['huge body', '/api/sync/members/push', huge],
    ['5,000 invalid rows', '/api/sync/members/push', manyRows],
    ['deep arrays', '/api/sync/members/push', deepArray(100_000)],
    ['deep objects', '/api/sync/members/push', deepObject(100_000)],
    ['deep note', '/api/sync/members/push', `[{"newDocumentState":${JSON.stringify({ ...build.member(street.communityA) }).replace('}', `,"note":${deepObject(5_000)}}`)}}]`],
    ['prototype pollution', '/api/sync/members/push', `[{"newDocumentState":{"__proto__":{"isAdmin":true}}}]`],
    ['constructor pollution', '/api/admin/users', `{"constructor":{"prototype":{"role":"street_admin"}}}`],
    ['not JSON', '/api/sync/members/push', '[{"newDocumentState":'],
    ['huge login', '/api/auth/login', JSON.stringify({ username: 'a'.repeat(5_000_000), password: 'b', deviceName: 'c' })],
    ['deep login', '/api/auth/login', deepObject(100_000)],
  ];
  for (const [label, path, body] of fixed) {
    await send({ label, method: 'POST', path, token: path === '/api/auth/login' ? null : validTokens.admin, version: path === '/api/auth/login' ? null : undefined, body });
  }
  await send({ label: 'text/plain', method: 'POST', path: '/api/sync/members/push', token: validTokens.admin, body: '[]', contentType: 'text/plain' });
  await send({ label: 'form', method: 'POST', path: '/api/auth/login', token: null, body: 'username=a&password=b', contentType: 'application/x-www-form-urlencoded' });
  await send({ label: 'undecodable URL', method: 'GET', path: '/api/history/members/%E0%A4%A', token: validTokens.admin });
  await send({ label: 'undecodable collection', method: 'GET', path: '/api/sync/%C0%AF/pull', token: validTokens.admin });
  await send({ label: 'unknown route', method: 'GET', path: '/api/no-such-thing', token: validTokens.admin });
  await send({ label: 'unknown method', method: 'DELETE', path: '/api/sync/members/push', token: validTokens.admin });

  const after = await snapshot(databaseUrl);
  const written: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[table] ?? []);
    const now = new Set(after[table] ?? []);
    for (const row of now) if (!was.has(row)) written.push(`${table} +${row.slice(0, 200)}`);
    for (const row of was) if (!now.has(row)) written.push(`${table} -${row.slice(0, 200)}`);
  }
  report({
    scenario: `fuzz: hostile requests to ${routes.length} endpoints`,
    injected: requests,
    lost: 0,
    diverged: written.length,
    details: [`seed ${SEED}, ${requests} requests, ${violations.length} wrong answers, ${written.length} rows written`, ...timings, ...violations.slice(0, 15), ...written.slice(0, 10)],
  });
  expect(violations).toEqual([]);
  expect(written).toEqual([]);
});
