// The native open dialog for Excel files: the filters parsed as unknown, the chosen file checked
// and read, and the whole path from the preload's `openFile` to the dialog and back.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileFilter } from '@domain/desktop';
import { mainBundle } from '../bundles';
import { parseFileFilters } from '../ipc-args';
import { messagesFor } from '../messages';
import { APP_ENTRY_URL } from '../navigation';
import { baseName, openFile, type OpenFileEffects } from '../open-file';
import { FakeWindow, fakeElectron, loadPreload, runBundle, type FakeOptions } from './fake-electron';

const text = messagesFor('zh-CN');
const excel: FileFilter[] = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

describe('parsing the filters', () => {
  it('accepts names with plain extensions, copied', () => {
    const raw = [{ name: ' Excel 工作簿 ', extensions: ['xlsx', 'XLSM'], extra: 'dropped' }];
    expect(parseFileFilters(raw, text)).toEqual({ ok: true, value: [{ name: 'Excel 工作簿', extensions: ['xlsx', 'XLSM'] }] });
    expect(parseFileFilters([{ name: '所有文件', extensions: ['*'] }], text).ok).toBe(true);
  });

  it('refuses anything else', () => {
    for (const raw of [
      undefined,
      null,
      'xlsx',
      [],
      {},
      [{ name: 'Excel' }],
      [{ name: '', extensions: ['xlsx'] }],
      [{ name: 'Excel', extensions: [] }],
      [{ name: 'Excel', extensions: ['.xlsx'] }],
      [{ name: 'Excel', extensions: ['xlsx', 1] }],
      [{ name: 'Excel', extensions: ['../x'] }],
      [{ name: 'x'.repeat(101), extensions: ['xlsx'] }],
      Array.from({ length: 11 }, () => excel[0]),
    ]) {
      expect(parseFileFilters(raw, text), JSON.stringify(raw)).toEqual({ ok: false, error: text.errors.badArgument });
    }
  });
});

describe('opening a file', () => {
  function effects(overrides: Partial<OpenFileEffects> = {}): OpenFileEffects {
    return {
      chooseOpenPath: vi.fn(() => Promise.resolve('/home/wang/文档/北塔社区花名册.xlsx')),
      fileSize: vi.fn(() => Promise.resolve(4)),
      readFile: vi.fn(() => Promise.resolve(Buffer.from([0x50, 0x4b, 3, 4]))),
      logError: vi.fn(),
      ...overrides,
    };
  }

  it('answers the chosen file name and its bytes', async () => {
    const answer = await openFile(excel, effects(), text);
    expect(answer).toEqual({ ok: true, value: { name: '北塔社区花名册.xlsx', data: new Uint8Array([0x50, 0x4b, 3, 4]) } });
    expect(answer.ok && answer.value?.data instanceof Buffer).toBe(false);
  });

  it('answers null when the person cancels, reading nothing', async () => {
    const readFile = vi.fn(() => Promise.resolve(new Uint8Array()));
    const fx = effects({ chooseOpenPath: vi.fn(() => Promise.resolve(null)), readFile });
    await expect(openFile(excel, fx, text)).resolves.toEqual({ ok: true, value: null });
    expect(readFile).not.toHaveBeenCalled();
  });

  it('refuses a file of another type', async () => {
    const readFile = vi.fn(() => Promise.resolve(new Uint8Array()));
    const fx = effects({ chooseOpenPath: vi.fn(() => Promise.resolve('C:\\Users\\wang\\花名册.xls')), readFile });
    await expect(openFile(excel, fx, text)).resolves.toEqual({ ok: false, error: text.errors.badFileType });
    expect(readFile).not.toHaveBeenCalled();
    await expect(openFile(excel, effects({ chooseOpenPath: () => Promise.resolve('/tmp/HUAMINGCE.XLSX') }), text)).resolves.toMatchObject({ ok: true });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const readFile = vi.fn(() => Promise.resolve(new Uint8Array()));
    const fx = effects({ fileSize: vi.fn(() => Promise.resolve(11)), readFile });
    await expect(openFile(excel, fx, text, 10)).resolves.toEqual({ ok: false, error: text.errors.fileTooLargeToOpen });
    expect(readFile).not.toHaveBeenCalled();
    expect(text.errors.fileTooLargeToOpen).toMatch(/文件过大/);
  });

  it('says in Chinese when the file cannot be read', async () => {
    const logError = vi.fn();
    const fx = effects({ readFile: vi.fn(() => Promise.reject(new Error('EBUSY'))), logError });
    await expect(openFile(excel, fx, text)).resolves.toEqual({ ok: false, error: text.errors.openFailed });
    expect(logError).toHaveBeenCalledOnce();
  });

  it('keeps only the file name of a path', () => {
    expect(baseName('C:\\Users\\王\\花名册.xlsx')).toBe('花名册.xlsx');
    expect(baseName('/home/wang/花名册.xlsx')).toBe('花名册.xlsx');
  });
});

describe('the open dialog through the bridge', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'open-file-'));
    await mkdir(path.join(dir, 'app', 'dist', 'renderer'), { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function desktopFor(overrides: Partial<FakeOptions>, frameUrl = APP_ENTRY_URL) {
    const fake = fakeElectron({
      appPath: path.join(dir, 'app'),
      documents: path.join(dir, 'documents'),
      userData: path.join(dir, 'userData'),
      singleInstance: true,
      saveDialog: { canceled: true, filePath: '' },
      ...overrides,
    });
    await runBundle(mainBundle, fake.electron, pathToFileURL(path.join(dir, 'app', 'dist-electron', 'main.js')).href);
    const [window] = FakeWindow.all;
    if (!window) throw new Error('no window');
    const { desktop } = await loadPreload(fake.ipcHandlers, window.webContents, frameUrl);
    return { fake, window, desktop };
  }

  it('shows the native dialog with the filters, in the documents folder, and answers the file', async () => {
    const file = path.join(dir, '北塔社区花名册.xlsx');
    await writeFile(file, new Uint8Array([0x50, 0x4b, 3, 4, 5]));
    const { fake, window, desktop } = await desktopFor({ openDialog: { canceled: false, filePaths: [file] } });
    if (!desktop.openFile) throw new Error('openFile not exposed');
    await expect(desktop.openFile(excel)).resolves.toEqual({ ok: true, value: { name: '北塔社区花名册.xlsx', data: new Uint8Array([0x50, 0x4b, 3, 4, 5]) } });
    expect(fake.electron.dialog.showOpenDialog).toHaveBeenCalledWith(window, {
      title: text.openDialogTitle,
      defaultPath: path.join(dir, 'documents'),
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      properties: ['openFile'],
    });
  });

  it('answers null when canceled, and refuses malformed filters without a dialog', async () => {
    const { fake, desktop } = await desktopFor({ openDialog: { canceled: true, filePaths: [] } });
    await expect(desktop.openFile?.(excel)).resolves.toEqual({ ok: true, value: null });
    await expect(desktop.openFile?.([{ name: 'x', extensions: ['../../etc'] }])).resolves.toEqual({ ok: false, error: text.errors.badArgument });
    expect(fake.electron.dialog.showOpenDialog).toHaveBeenCalledTimes(1);
  });

  it('opens nothing for a page that is not the app', async () => {
    const { fake, desktop } = await desktopFor({ openDialog: { canceled: false, filePaths: ['/etc/passwd'] } }, 'https://evil.example/');
    await expect(desktop.openFile?.(excel)).resolves.toEqual({ ok: false, error: text.errors.untrustedSender });
    expect(fake.electron.dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});
