import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { electronBinary, noElectronReason } from './support/electron';

// End-to-end tests run the built web app (`npm run build:renderer`) from the real server in
// Debian's Chromium; `npx playwright install` cannot download browsers here.
// The list reporter shows a skipped test as a dash: say here, once (the runner, not each worker
// loading this file again), why the desktop tests skip.
if (electronBinary() === null && process.env.TEST_WORKER_INDEX === undefined) console.log(`${noElectronReason}.\n`);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
