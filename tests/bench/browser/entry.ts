// The benchmark page: each client under test, exposed to Playwright as `window.bench`.
import * as app from './app-client';
import * as pouch from './pouch-client';
import * as raw from './raw-client';

const bench = { app, pouch, raw };
(window as unknown as { bench: typeof bench }).bench = bench;
export type Bench = typeof bench;
