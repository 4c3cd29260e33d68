// `npm run build:electron`: bundles the main process and the preload into dist-electron/.
import { build } from 'esbuild';
import { mainBundle, preloadBundle } from './bundles';

await Promise.all([build(mainBundle), build(preloadBundle)]);
