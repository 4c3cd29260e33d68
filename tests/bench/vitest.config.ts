// Benchmarks run through vitest for the renderer's Vite-only module features (`import.meta.glob`),
// one at a time, never with the test suite: `npm run bench`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { tier } from './support/tier';

export default defineConfig({
  resolve: { alias: { '@domain': fileURLToPath(new URL('../../domain/src', import.meta.url)) } },
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/bench/**/*.bench.ts'],
    // One PostgreSQL cluster for the run, its seeded data set copied for each bench server.
    globalSetup: ['tests/bench/support/global-setup.ts'],
    testTimeout: tier.timeoutMs,
    hookTimeout: tier.timeoutMs,
    pool: 'forks',
    fileParallelism: false,
  },
});
