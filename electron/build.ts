// `npm run build:electron`: bundles the main process and the preload into dist-electron/.
import { build } from 'esbuild';
import { mainBundle, preloadBundle } from './bundles';

// The main bundle is an ES module, but the CommonJS packages bundled into it (electron-updater)
// call `require`, which an ES module lacks: give the module one.
const requireBanner = { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" };

await Promise.all([build({ ...mainBundle, banner: requireBanner }), build(preloadBundle)]);
