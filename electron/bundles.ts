// What `npm run build:electron` bundles, shared with the tests that run the bundles against a fake
// Electron. `electron` stays external: the running Electron provides it.
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

const common = {
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  bundle: true,
  platform: 'node',
  target: 'node22', // Electron 38's Node
  external: ['electron'],
  logLevel: 'warning',
} satisfies BuildOptions;

/** The main process, ESM (the root package.json is `"type": "module"`). */
export const mainBundle = {
  ...common,
  entryPoints: ['electron/main.ts'],
  format: 'esm',
  outfile: 'dist-electron/main.js',
} satisfies BuildOptions;

/** The preload, CommonJS: a sandboxed preload cannot be an ES module. */
export const preloadBundle = {
  ...common,
  entryPoints: ['electron/preload.cts'],
  format: 'cjs',
  outfile: 'dist-electron/preload.cjs',
} satisfies BuildOptions;
