import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@domain': fileURLToPath(new URL('./domain/src', import.meta.url)) } },
  test: {
    include: [
      'domain/test/**/*.test.ts',
      'server/test/**/*.test.ts',
      'renderer/test/**/*.test.{ts,tsx}',
      'electron/test/**/*.test.ts',
      'tests/integration/**/*.test.ts',
    ],
    globalSetup: ['tests/integration/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
