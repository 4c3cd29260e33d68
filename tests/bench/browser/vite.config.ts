// The benchmark page's build (tests/bench/support/browser.ts builds it once per run): entry.ts and
// the clients it exposes, with the renderer's aliases and defines, as one ES module `entry.js`.
// This file runs in Node (vite).
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const here = import.meta.dirname;
const pkg = JSON.parse(readFileSync(`${here}/../../../package.json`, 'utf8')) as { version: string };

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  // The app's version as the renderer's build writes it; `global` for PouchDB's Node-style modules.
  define: { __APP_VERSION__: JSON.stringify(pkg.version), global: 'globalThis' },
  resolve: { alias: { '@domain': `${here}/../../../domain/src` } },
  build: {
    outDir: `${here}/../../../node_modules/.cache/cg-bench-web`,
    emptyOutDir: true,
    // Readable stacks when a client fails in the page; the timings are of the same code either way.
    sourcemap: true,
    minify: false,
    chunkSizeWarningLimit: 100_000,
    reportCompressedSize: false,
    rollupOptions: {
      input: `${here}/entry.ts`,
      output: { format: 'es', entryFileNames: 'entry.js', chunkFileNames: '[name]-[hash].js', assetFileNames: '[name]-[hash][extname]' },
    },
  },
});
