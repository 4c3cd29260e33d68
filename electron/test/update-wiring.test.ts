// The update bridge end to end inside the shell: the real preload's `desktop.updates` talking to
// the built main process's handlers (fake Electron), so that both sides agree on channels and
// nothing reaches electron-updater without a parsed server address.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '@domain/desktop';
import { mainBundle } from '../bundles';
import { messagesFor } from '../messages';
import { APP_ENTRY_URL } from '../navigation';
import { fakeElectron, loadPreload, runBundle } from './fake-electron';

const text = messagesFor('zh-CN');
let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'update-wiring-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function desktopOf(frameUrl = APP_ENTRY_URL) {
  const fake = fakeElectron({ appPath: path.join(dir, 'app'), documents: dir, singleInstance: true, saveDialog: { canceled: true } });
  await runBundle(mainBundle, fake.electron, pathToFileURL(path.join(dir, 'app', 'dist-electron', 'main.js')).href);
  const { desktop, pushListeners } = await loadPreload(fake.ipcHandlers, null, frameUrl);
  const updates = desktop.updates;
  if (!updates) throw new Error('the preload exposes no updates');
  return { updates, pushListeners };
}

describe('the update bridge', () => {
  it('answers the current status at subscription and passes pushed statuses on, without the IPC event', async () => {
    const { updates, pushListeners } = await desktopOf();
    const seen: UpdateStatus[] = [];
    const stop = updates.onStatus((status) => seen.push(status));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([{ kind: 'idle' }]);
    const ready: UpdateStatus = { kind: 'ready', version: '1.2.0', releaseNotes: '' };
    pushListeners.get('desktop:update-status')?.forEach((listener) => listener({ sender: 'secret' }, ready));
    expect(seen).toEqual([{ kind: 'idle' }, ready]);
    stop();
    expect(pushListeners.get('desktop:update-status')).toEqual([]);
  });

  it('refuses a server address that is not http(s), and installing before anything is verified', async () => {
    const { updates } = await desktopOf();
    expect(await updates.check('file:///etc/')).toEqual({ ok: false, error: text.errors.badServerUrl });
    expect(await updates.install()).toEqual({ ok: false, error: text.updates.notReady });
  });

  it('answers nothing to a page that is not the app', async () => {
    const { updates } = await desktopOf('https://evil.example/');
    expect(await updates.install()).toEqual({ ok: false, error: text.errors.untrustedSender });
    expect(await updates.check('https://jd.example.cn')).toEqual({ ok: false, error: text.errors.untrustedSender });
  });
});
