// The renderer's build: React, the `@domain` alias, the app version, and a service worker that lets
// the web build open with no network. Run from the repo root:
// `npx vite build --config renderer/vite.config.ts` → dist/renderer.
// This file runs in Node (vite), not in the browser: the renderer's ban on `node:*` does not apply.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = import.meta.dirname;
// Read rather than imported: package.json lies outside the renderer's TypeScript project.
const pkg = JSON.parse(readFileSync(`${here}/../package.json`, 'utf8')) as { version: string };

export default defineConfig({
  root: here,
  // Relative asset URLs: the same build loads from the server's `/` and from Electron's own protocol.
  base: './',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  resolve: { alias: { '@domain': `${here}/../domain/src` } },
  plugins: [
    react(),
    {
      // `vite dev` injects an inline script (React refresh) and talks HMR over a WebSocket: the
      // development server relaxes the CSP for that; builds keep the strict one from index.html.
      name: 'dev-csp',
      apply: 'serve',
      transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:"),
    },
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // Registered by the app itself, only in the web build (renderer/src/app/serviceWorker.ts).
      injectRegister: false,
      filename: 'sw.js',
      manifest: {
        name: '社区治理',
        short_name: '社区治理',
        lang: 'zh-CN',
        start_url: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#b71c1c',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff,woff2,webmanifest}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        // The API is never cached: sync status must reflect the server, not a stored answer.
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    proxy: { '/api': { target: 'http://localhost:8787' } },
  },
});
