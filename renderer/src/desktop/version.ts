// The app's version, written into the bundle by vite (`define` in renderer/vite.config.ts) from
// package.json, and sent to the server as `X-Client-Version`.
declare const __APP_VERSION__: string | undefined;

export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
