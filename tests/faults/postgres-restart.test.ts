// Fault: PostgreSQL goes away under load — stopped with `-m fast` (sessions ended, open
// transactions rolled back) or crashed with `-m immediate` — and comes back, while several clients
// push and pull through one server process. During an outage every answer is a JSON error (5xx,
// a Chinese message, no stack trace) within the client's timeout — never a 4xx that would make a
// client sign out or give up, never a hang; afterwards the same server process serves again (its
// pool reconnects), and every acknowledged write is there.
import { afterAll, expect, test } from 'vitest';
import type { AnyDoc, WireDoc } from '@domain/collections';
import { isErrorBody } from '@domain/errors';
import { ADMIN } from '../integration/support/backends';
import type { ApiClient } from '../integration/support/client';
import { build, CHINESE, createStaff, pullToEnd, setUpStreet, USER_PASSWORD } from '../integration/support/street';
import { report } from './report';
import { RestartableCluster } from './support/infra-cluster';
import { byKey, freePort, ServerProcess, WriteLog } from './support/infra-server';

/** What a client waits at most for one answer. */
const CLIENT_TIMEOUT_MS = 10_000;
const PUSHERS = 3;
const PULLERS = 2;
const OUTAGES: readonly ('fast' | 'immediate')[] = ['fast', 'immediate', 'fast'];
const OUTAGE_MS = 2_000;

let cluster: RestartableCluster | undefined;
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.kill();
  await cluster?.destroy();
});

interface Answer {
  status: number;
  text: string;
  /** Set when the request failed without an HTTP answer: timeout, refused, reset. */
  failure?: string;
}

async function request(api: ApiClient, method: string, path: string, json?: unknown): Promise<Answer> {
  const headers = api.headers(json === undefined ? {} : { 'content-type': 'application/json' });
  try {
    const response = await fetch(api.baseUrl + path, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 0, text: '', failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const trace = (line: string) => {
  if (process.env.FAULT_DEBUG) process.stderr.write(`[${Date.now() - started} ms] ${line}\n`);
};

test('PostgreSQL restarted under load: JSON errors during the outage, the same server serves again, nothing acknowledged is lost', async () => {
  cluster = await RestartableCluster.start();
  const databaseUrl = await cluster.createDatabase('cg_faults_restart');
  server = await ServerProcess.start({ port: await freePort(), databaseUrl, admin: ADMIN });
  const pid = server.pid;
  const street = await setUpStreet(server.url);
  const staff = [street.staffA];
  for (let i = 1; i < PUSHERS; i += 1) staff.push(await createStaff(server.url, street.admin.api, [street.communityA.id]));

  const log = new WriteLog();
  let down = false;
  let stopped = false;
  let outageAnswers = 0;
  let requests = 0;
  const violations: string[] = [];
  let version = 0;

  /** Checks one answer: 2xx, or a contract error with a Chinese message; 5xx only while PostgreSQL is away. */
  const judge = (what: string, answer: Answer, downAtStart: boolean): boolean => {
    requests += 1;
    const downNow = downAtStart || down;
    if (answer.failure) {
      violations.push(`${what}: no answer (${answer.failure})`);
      return false;
    }
    if (answer.status >= 200 && answer.status < 300) return true;
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      body = undefined;
    }
    const wellFormed = isErrorBody(body) && CHINESE.test(body.error.message) && !/\bat .+:\d+:\d+|Error:/.test(answer.text);
    if (!wellFormed) violations.push(`${what}: ${answer.status} without a Chinese JSON error: ${answer.text.slice(0, 200)}`);
    else if (answer.status < 500) violations.push(`${what}: ${answer.status} ${answer.text.slice(0, 200)} (a client would give up or sign out)`);
    else if (!downNow) violations.push(`${what}: ${answer.status} while PostgreSQL was up: ${answer.text.slice(0, 200)}`);
    else outageAnswers += 1;
    return false;
  };

  const pusher = async (index: number): Promise<void> => {
    const api = staff[index]!.api;
    const mine = new Map<string, WireDoc<'members'>>();
    let pending: { batch: number; rows: { assumedMasterState?: AnyDoc; newDocumentState: AnyDoc }[] } | null = null;
    for (let drained = 0; !stopped || pending; drained += stopped ? 1 : 0) {
      if (!pending) {
        const rows: { assumedMasterState?: AnyDoc; newDocumentState: AnyDoc }[] = [];
        for (let i = 0; i < 10; i += 1) rows.push({ newDocumentState: build.member(street.communityA, { name: `负载${index}-${(version += 1)}` }) });
        for (const base of [...mine.values()].slice(-3)) {
          rows.push({ assumedMasterState: base, newDocumentState: { ...base, name: `修改${(version += 1)}`, note: `第${version}版` } });
        }
        pending = { batch: log.record('members', rows.map((row) => row.newDocumentState)), rows };
      }
      if (drained > 300) throw new Error(`a push was never acknowledged:\n${server?.log ?? ''}`);
      const downAtStart = down;
      const answer = await request(api, 'POST', '/api/sync/members/push', pending.rows);
      trace(`push ${index} batch ${pending.batch}: ${answer.status} ${answer.failure ?? answer.text.slice(0, 80)}`);
      if (judge(`push by staff ${index}`, answer, downAtStart)) {
        if (answer.text !== '[]') violations.push(`push by staff ${index}: unexpected conflicts ${answer.text.slice(0, 200)}`);
        log.acknowledge(pending.batch);
        for (const row of pending.rows) mine.set(row.newDocumentState.id, row.newDocumentState as WireDoc<'members'>);
        pending = null;
      } else {
        await sleep(100);
      }
    }
  };

  const puller = async (index: number): Promise<void> => {
    const api = index === 0 ? street.admin.api : street.staffA.api;
    while (!stopped) {
      const downAtStart = down;
      const answer = await request(api, 'GET', '/api/sync/members/pull?limit=200');
      if (!judge(`pull ${index}`, answer, downAtStart)) await sleep(100);
    }
  };

  const load = [...staff.map((_, index) => pusher(index)), ...Array.from({ length: PULLERS }, (_, index) => puller(index))];
  const details: string[] = [];
  try {
    for (const [round, mode] of OUTAGES.entries()) {
      await sleep(1_500);
      down = true;
      trace(`stopping PostgreSQL -m ${mode}`);
      await cluster.down(mode);
      trace('stopped');
      // A login during the outage is answered too, and not as wrong credentials.
      const login = await request(street.admin.api.withToken(null), 'POST', '/api/auth/login', {
        username: staff[0]!.user.username,
        password: USER_PASSWORD,
        deviceName: '故障测试',
      });
      judge('login', login, true);
      await sleep(OUTAGE_MS);
      await cluster.up();
      down = false;
      trace('PostgreSQL is up');
      // The server reconnects by itself: a pull succeeds again within a while.
      const back = Date.now();
      let recovered = false;
      while (!recovered && Date.now() - back < 30_000) {
        const answer = await request(street.admin.api, 'GET', '/api/sync/members/pull?limit=1');
        recovered = answer.status === 200;
        if (!recovered) await sleep(200);
      }
      expect(recovered, `the server did not serve again after PostgreSQL restart ${round + 1}:\n${server.log}`).toBe(true);
      details.push(`restart ${round + 1} (-m ${mode}): serving again ${Date.now() - back} ms after PostgreSQL was back`);
    }
    await sleep(1_000);
  } finally {
    stopped = true;
    await Promise.all(load);
  }

  // Quiescence: every batch was retried until acknowledged; compare the log with the server.
  expect(server.running && server.pid === pid, 'the server process stayed up').toBe(true);
  const serverDocs = byKey('members', (await pullToEnd<AnyDoc>(street.admin.api, 'members')).documents);
  const result = log.check(serverDocs);
  details.push(
    `${requests} requests, ${outageAnswers} answered with a JSON 5xx during the outages, ${log.writes.length} writes in ${new Set(log.writes.map((w) => w.batch)).size} batches`,
  );
  details.push(...violations.slice(0, 10));
  if (result.lost.length > 0) details.push(`lost: ${result.lost.slice(0, 5).join(', ')}`);
  report({
    scenario: `postgres: restarted under load (${OUTAGES.length} times)`,
    injected: OUTAGES.length,
    lost: result.lost.length,
    diverged: result.diverged.length,
    details,
  });
  expect(violations).toEqual([]);
  expect(outageAnswers).toBeGreaterThan(0);
  expect(result.lost).toEqual([]);
  expect(result.diverged).toEqual([]);
});
