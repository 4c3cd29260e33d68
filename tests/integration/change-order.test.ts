// Concurrent writers never make a pull skip a change (design.md pitfalls): a reader pulling
// continuously while many connections push must end up with every written id. The same run
// against the server's deliberately naive change order must lose some, or this test proves nothing.
import { expect, it } from 'vitest';
import type { WireDoc } from '@domain/collections';
import type { Checkpoint } from '@domain/contract';
import { ADMIN, forEachBackend } from './support/backends';
import { build, signIn } from './support/street';

const WRITERS = 12;
const PUSHES_PER_WRITER = 30;
const NAIVE_ATTEMPTS = 4;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface RunResult {
  written: number;
  missed: string[];
}

/** Commits land in a random order, as they do with many offices syncing at once. */
const testHooks = (changeOrder: 'safe' | 'naive') => ({ changeOrder, beforeCommit: () => sleep(Math.random() * 15) });

/** Writers push single compounds while one reader pulls without pause; then the reader catches up. */
async function concurrentRun(url: string): Promise<RunResult> {
  const admin = await signIn(url, ADMIN.username, ADMIN.password);
  const community = build.community(admin.login.user.streetId, '并发测试社区');
  expect((await admin.api.push('communities', [{ newDocumentState: community }])).ok()).toEqual([]);

  const seen = new Set<string>();
  let checkpoint: Checkpoint | undefined;
  const pullOnce = async (): Promise<number> => {
    const page = (await admin.api.pull<WireDoc<'compounds'>>('compounds', { checkpoint, limit: 100 })).ok();
    for (const doc of page.documents) seen.add(doc.id);
    checkpoint = page.checkpoint;
    return page.documents.length;
  };

  const written: string[] = [];
  let writing = true;
  const writers = Array.from({ length: WRITERS }, async () => {
    for (let i = 0; i < PUSHES_PER_WRITER; i++) {
      const compound = build.compound(community, { name: `并发小区${i}` });
      expect((await admin.api.push('compounds', [{ newDocumentState: compound }])).ok()).toEqual([]);
      written.push(compound.id);
    }
  });
  const reader = (async () => {
    while (writing) await pullOnce();
  })();
  try {
    await Promise.all(writers);
  } finally {
    writing = false;
    await reader;
  }
  while ((await pullOnce()) > 0);

  return { written: written.length, missed: written.filter((id) => !seen.has(id)) };
}

forEachBackend(
  'change order under concurrent writers',
  (backend) => {
    it('never lets a pull skip a change', { timeout: 45_000 }, async () => {
      const result = await concurrentRun(backend.url);
      expect(result.written).toBe(WRITERS * PUSHES_PER_WRITER);
      expect(result.missed).toEqual([]);
    });

    it('catches the naive change order skipping changes', { timeout: 45_000 }, async () => {
      // The race is real but random: give it a few runs before calling the test blind.
      const naive = await backend.startServer({ testHooks: testHooks('naive') });
      let missed = 0;
      for (let attempt = 0; attempt < NAIVE_ATTEMPTS && missed === 0; attempt++) {
        missed = (await concurrentRun(naive.url)).missed.length;
      }
      expect(missed).toBeGreaterThan(0);
    });
  },
  { backends: ['postgres'], server: { testHooks: testHooks('safe') } },
);
