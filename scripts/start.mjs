#!/usr/bin/env node
// `npm start`: builds the web app when needed, starts the street office server on embedded PGlite
// with demo data, then opens the desktop app — or, where Electron is not installed, keeps serving
// the web app until Ctrl+C. `npm start -- --rebuild` rebuilds the web app first.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ?? '8787';
const secure = Boolean(process.env.TLS_CERT && process.env.TLS_KEY);
const appUrl = `${secure ? 'https' : 'http'}://localhost:${port}/`;
// The server listens on 0.0.0.0; probe IPv4 loopback, since `localhost` may resolve to ::1 first.
const healthUrl = `${secure ? 'https' : 'http'}://127.0.0.1:${port}/api/health`;
const SERVER_START_TIMEOUT_MS = 180_000; // the first start creates the database and loads the demo data
const STOP_TIMEOUT_MS = 10_000;

const text = {
  buildingRenderer: '正在构建界面（vite build）… / Building the web app (vite build)…',
  rendererFailed: '界面构建失败，请查看上面的错误。/ Building the web app failed; see the errors above.',
  startingServer: `正在启动街道服务器（端口 ${port}）… / Starting the street office server (port ${port})…`,
  serverExited: (code) =>
    `街道服务器未能启动（退出代码 ${code}）。端口 ${port} 可能已被占用：可设置 PORT 换一个端口。\n` +
    `The street office server failed to start (exit code ${code}). Port ${port} may be in use: set PORT to use another.`,
  serverTimeout: `街道服务器在 ${SERVER_START_TIMEOUT_MS / 1000} 秒内没有响应 ${healthUrl}。/ The street office server did not answer ${healthUrl} within ${SERVER_START_TIMEOUT_MS / 1000} s.`,
  serverStopped: (code) => `街道服务器已退出（退出代码 ${code}）。/ The street office server exited (exit code ${code}).`,
  buildingElectron: '正在构建桌面程序… / Building the desktop app…',
  electronBuildFailed: '桌面程序构建失败。/ Building the desktop app failed.',
  launchingElectron: '正在打开桌面程序… / Opening the desktop app…',
  noElectron: [
    '',
    '本机没有安装 Electron，无法打开桌面程序。网页版已在运行，请用浏览器打开：',
    'Electron is not installed here, so the desktop app cannot open. The web app is running; open it in a browser:',
    '',
    `    ${appUrl}`,
    '',
    '按 Ctrl+C 停止服务器。/ Press Ctrl+C to stop the server.',
    '',
  ].join('\n'),
  stopping: '正在停止… / Stopping…',
};

/** Children still running, stopped on exit so nothing is left behind. */
const children = new Set();
let shuttingDown = false;

const windows = process.platform === 'win32';

function launch(command, args, options = {}) {
  // Each child leads its own process group, so stopping it also stops what it started (npm runs
  // scripts through a shell that does not pass signals on). Ctrl+C reaches us and we pass it on.
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env, detached: !windows, ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  // Could not start at all (no binary, no permission): there is nothing to stop later.
  child.on('error', () => children.delete(child));
  return child;
}

function exitCodeOf(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode ?? 1);
    else child.once('exit', (code) => resolve(code ?? 1));
    child.once('error', (error) => {
      console.error(error.message);
      resolve(1);
    });
  });
}

/** An npm script, through the npm that runs this one when there is one (no shell needed). */
function runScript(name) {
  const npmCli = process.env.npm_execpath;
  const child = npmCli
    ? launch(process.execPath, [npmCli, 'run', name])
    : launch(windows ? 'npm.cmd' : 'npm', ['run', name], { shell: windows });
  return exitCodeOf(child);
}

function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) {
    if (name === 'node_modules' || name === 'test') continue;
    newest = Math.max(newest, newestChange(path.join(entry, name)));
  }
  return newest;
}

function rendererIsStale() {
  const built = path.join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['renderer', 'domain/src'].map((entry) => newestChange(path.join(root, entry)));
  return Math.max(...sources) > statSync(built).mtimeMs;
}

function isHealthy() {
  return new Promise((resolve) => {
    const client = healthUrl.startsWith('https') ? https : http;
    // A liveness probe of our own server on loopback: a self-signed certificate is fine.
    const request = client.get(healthUrl, { timeout: 2_000, rejectUnauthorized: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => {
        try {
          resolve(response.statusCode === 200 && JSON.parse(body).ok === true);
        } catch {
          resolve(false);
        }
      });
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForServer(server) {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) return 'exited';
    if (await isHealthy()) return server.exitCode === null ? 'up' : 'exited';
    await sleep(300);
  }
  return 'timeout';
}

/** The Electron binary's path, when the optional `electron` package installed one. */
async function electronBinary() {
  try {
    const electron = await import('electron');
    const binary = electron.default;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null; // not installed, or installed without its binary (the download failed)
  }
}

/** Signals a child and everything it started. */
function signalTree(child, signal) {
  try {
    if (windows) spawn('taskkill', ['/pid', String(child.pid), '/t', ...(signal === 'SIGKILL' ? ['/f'] : [])], { stdio: 'ignore' });
    else process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = exitCodeOf(child);
  signalTree(child, 'SIGTERM');
  const force = setTimeout(() => signalTree(child, 'SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(force);
}

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  await Promise.all([...children].map(stopChild));
  process.exit(code);
}

function fail(message) {
  if (shuttingDown) return Promise.resolve(); // a child ended because we are stopping it
  console.error(`\n${message}`);
  return shutdown(1);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.log(`\n${text.stopping}`);
    void shutdown(0);
  });
}

async function main() {
  if (process.argv.includes('--rebuild') || rendererIsStale()) {
    console.log(text.buildingRenderer);
    if ((await runScript('build:renderer')) !== 0) return fail(text.rendererFailed);
  }

  console.log(text.startingServer);
  const server = launch(process.execPath, ['--import', 'tsx', 'server/src/main.ts', '--demo']);
  const started = await waitForServer(server);
  if (started === 'exited') return fail(text.serverExited(server.exitCode ?? server.signalCode));
  if (started === 'timeout') return fail(text.serverTimeout);
  server.once('exit', (code, signal) => {
    if (!shuttingDown) void fail(text.serverStopped(code ?? signal));
  });

  const binary = await electronBinary();
  if (binary === null) {
    console.log(text.noElectron);
    return; // the server child keeps this process alive until Ctrl+C
  }
  console.log(text.buildingElectron);
  if ((await runScript('build:electron')) !== 0) return fail(text.electronBuildFailed);
  console.log(text.launchingElectron);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // set, it would run Electron as plain Node
  const electron = launch(binary, ['.'], { env });
  const code = await exitCodeOf(electron);
  if (!shuttingDown) await shutdown(code);
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
