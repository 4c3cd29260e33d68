// The fault-injection suite (issue 6): `npm run test:faults`, also run by `.ci/run`. Each scenario
// file injects faults and reports what it injected and what the checker found (`report.ts`); the
// global teardown prints every report and the summary line
// `faults: <N> injected, <L> documents lost, <D> diverged`, and fails the run when anything was lost
// or diverged in a scenario that expects nothing to be.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@domain': fileURLToPath(new URL('../../domain/src', import.meta.url)) } },
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/faults/**/*.test.ts'],
    globalSetup: ['tests/faults/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Scenarios kill servers, restart PostgreSQL and time out connections: one at a time.
    fileParallelism: false,
  },
});
