import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing outside the process; `server` runs the server's tests and the
// contract tests against real servers, on PGlite and on a PostgreSQL cluster its global setup
// starts (unless DATABASE_URL is given). `npx vitest run --project unit` skips the cluster.
export default defineConfig({
  resolve: { alias: { '@domain': fileURLToPath(new URL('./domain/src', import.meta.url)) } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['domain/test/**/*.test.ts', 'renderer/test/**/*.test.{ts,tsx}', 'electron/test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['server/test/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
        },
      },
    ],
  },
});
