// Debian's Chromium as every browser test and benchmark launches it (these machines cannot run
// `npx playwright install`): where it is, and the switches that keep it quiet and headless-safe.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
