import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mainBundle } from '../bundles';
import {
  createStateSaver,
  DEFAULT_SIZE,
  MIN_SIZE,
  parseWindowState,
  parseWindowStateText,
  restoreWindowState,
  stateToSave,
  writeFileAtomic,
  type Rect,
  type SavedWindowState,
} from '../window-state';
import { FakeWindow, fakeElectron, runBundle, type FakeOptions } from './fake-electron';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
/** A second monitor to the right of the laptop. */
const monitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

function saved(bounds: Rect, isMaximized = false): SavedWindowState {
  return { bounds, isMaximized };
}

describe('parsing the saved state', () => {
  it('accepts bounds and the maximized flag', () => {
    expect(parseWindowState({ bounds: { x: 10, y: 20, width: 1400, height: 900 }, isMaximized: true })).toEqual(saved({ x: 10, y: 20, width: 1400, height: 900 }, true));
    expect(parseWindowState({ bounds: { x: -1910.4, y: 5, width: 1400.6, height: 900 } })).toEqual(saved({ x: -1910, y: 5, width: 1401, height: 900 }));
  });

  it('treats anything else as no state', () => {
    for (const raw of [
      null,
      'x',
      [],
      {},
      { bounds: null },
      { bounds: { x: 0, y: 0, width: 1400 } },
      { bounds: { x: '0', y: 0, width: 1400, height: 900 } },
      { bounds: { x: 0, y: 0, width: 0, height: 900 } },
      { bounds: { x: 0, y: 0, width: 1400, height: -5 } },
      { bounds: { x: Number.NaN, y: 0, width: 1400, height: 900 } },
      { bounds: { x: 1e12, y: 0, width: 1400, height: 900 } },
    ]) {
      expect(parseWindowState(raw), JSON.stringify(raw)).toBeNull();
    }
    expect(parseWindowStateText(null)).toBeNull();
    expect(parseWindowStateText('{"bounds":{"x":0,')).toBeNull();
    expect(parseWindowStateText(JSON.stringify(saved({ x: 1, y: 2, width: 1100, height: 700 })))).toEqual(saved({ x: 1, y: 2, width: 1100, height: 700 }));
  });
});

describe('where the window opens', () => {
  it('uses the default size, placed by the OS, the first time', () => {
    expect(restoreWindowState(null, [laptop])).toEqual({ ...DEFAULT_SIZE, isMaximized: false });
    // A small screen still shows the whole window.
    expect(restoreWindowState(null, [{ x: 0, y: 0, width: 1280, height: 720 }])).toEqual({ width: 1280, height: 720, isMaximized: false });
  });

  it('reopens where it was, maximized again if it was', () => {
    expect(restoreWindowState(saved({ x: 100, y: 50, width: 1500, height: 900 }, true), [laptop, monitor])).toEqual({
      x: 100,
      y: 50,
      width: 1500,
      height: 900,
      isMaximized: true,
    });
    expect(restoreWindowState(saved({ x: 2000, y: 100, width: 2000, height: 1200 }), [laptop, monitor])).toMatchObject({ x: 2000, y: 100 });
  });

  it('opens on the primary display when the monitor it was on is gone', () => {
    const placement = restoreWindowState(saved({ x: 2200, y: 100, width: 1600, height: 1000 }), [laptop]);
    expect(placement).toEqual({ x: 160, y: 20, width: 1600, height: 1000, isMaximized: false });
  });

  it('never hangs off the edge of the display it is on', () => {
    // Half off the left edge and below the task bar.
    const placement = restoreWindowState(saved({ x: -700, y: 600, width: 1400, height: 900 }), [laptop]);
    expect(placement).toEqual({ x: 0, y: 140, width: 1400, height: 900, isMaximized: false });
    // Bigger than the display now (resolution lowered): shrunk to fit.
    const shrunk = restoreWindowState(saved({ x: 0, y: 0, width: 2500, height: 1400 }), [{ x: 0, y: 0, width: 1366, height: 728 }]);
    expect(shrunk).toEqual({ x: 0, y: 0, width: 1366, height: 728, isMaximized: false });
  });

  it('keeps the minimum size the pages need', () => {
    expect(restoreWindowState(saved({ x: 10, y: 10, width: 300, height: 200 }), [laptop])).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
  });

  it('ends up inside some display, whatever was saved', () => {
    const displays = [laptop, monitor, { x: -1280, y: 200, width: 1280, height: 984 }];
    for (const bounds of [
      { x: -99_000, y: -99_000, width: 50_000, height: 50_000 },
      { x: 4470, y: 1390, width: 1100, height: 700 },
      { x: -1300, y: 150, width: 1300, height: 1100 },
      { x: 1900, y: -30, width: 1024, height: 640 },
    ]) {
      const placement = restoreWindowState(saved(bounds), displays);
      const { x = Number.NaN, y = Number.NaN, width, height } = placement;
      const inside = displays.some((area) => x >= area.x && y >= area.y && x + width <= area.x + area.width && y + height <= area.y + area.height);
      expect(inside, JSON.stringify({ bounds, placement })).toBe(true);
    }
  });

  it('saves the normal bounds, so a maximized window restores to its former size', () => {
    expect(stateToSave({ x: 10.2, y: 20, width: 1400, height: 899.7 }, true)).toEqual(saved({ x: 10, y: 20, width: 1400, height: 900 }, true));
  });
});

describe('saving', () => {
  function saverWith(current: () => SavedWindowState | null) {
    const timers: { run: () => void; cleared: boolean }[] = [];
    const write = vi.fn();
    const logError = vi.fn();
    const saver = createStateSaver({
      current,
      write,
      setTimer: (run) => {
        const timer = { run, cleared: false };
        timers.push(timer);
        return timer;
      },
      clearTimer: (timer) => void ((timer as { cleared: boolean }).cleared = true),
      logError,
    });
    const fire = () => timers.filter((timer) => !timer.cleared).forEach((timer) => timer.run());
    return { saver, write, logError, fire };
  }

  it('writes once when the window comes to rest, not at every move', () => {
    const state = saved({ x: 1, y: 2, width: 1100, height: 700 });
    const { saver, write, fire } = saverWith(() => state);
    saver.changed();
    saver.changed();
    saver.changed();
    expect(write).not.toHaveBeenCalled();
    fire();
    expect(write.mock.calls).toEqual([[state]]);
    // Nothing moved since: nothing written.
    saver.changed();
    fire();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('writes at once when the window closes, and nothing after', () => {
    let state = saved({ x: 1, y: 2, width: 1100, height: 700 });
    const { saver, write, fire } = saverWith(() => state);
    saver.changed();
    state = saved({ x: 5, y: 2, width: 1100, height: 700 }, true);
    saver.flush();
    expect(write.mock.calls).toEqual([[state]]);
    fire();
    saver.changed();
    fire();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('logs a failed write instead of throwing at the person', () => {
    const { saver, write, logError } = saverWith(() => saved({ x: 1, y: 2, width: 1100, height: 700 }));
    write.mockImplementation(() => {
      throw new Error('disk full');
    });
    expect(() => saver.flush()).not.toThrow();
    expect(logError).toHaveBeenCalledOnce();
  });
});

describe('the atomic write', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'window-state-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const realFs = async () => {
    const fs = await import('node:fs');
    return { writeFile: (file: string, data: string) => fs.writeFileSync(file, data), rename: fs.renameSync, rm: (file: string) => fs.rmSync(file, { force: true }) };
  };

  it('replaces the file whole and leaves no temporary file', async () => {
    const file = path.join(dir, 'window-state.json');
    await writeFile(file, 'old');
    writeFileAtomic(file, '{"new":true}', await realFs());
    expect(await readFile(file, 'utf8')).toBe('{"new":true}');
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });

  it('keeps the previous file when the write fails half way', async () => {
    const file = path.join(dir, 'window-state.json');
    await writeFile(file, 'previous');
    const fs = await realFs();
    const failing = {
      ...fs,
      writeFile: (temp: string, data: string) => {
        fs.writeFile(temp, data.slice(0, 3));
        throw new Error('ENOSPC');
      },
    };
    expect(() => writeFileAtomic(file, '{"new":true}', failing)).toThrow('ENOSPC');
    expect(await readFile(file, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });
});

describe('the main window remembers its place', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'window-state-main-'));
    await mkdir(path.join(dir, 'app', 'dist', 'renderer'), { recursive: true });
    await mkdir(path.join(dir, 'userData'), { recursive: true });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await rm(dir, { recursive: true, force: true });
  });

  async function startMain(overrides: Partial<FakeOptions> = {}) {
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
    return window;
  }
  const stateFile = () => path.join(dir, 'userData', 'window-state.json');

  it('opens at the default size the first time, and saves its place when it closes', async () => {
    const window = await startMain();
    expect(window.options).toMatchObject({ width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height });
    expect(window.options.x).toBeUndefined();
    window.normalBounds = { x: 40, y: 30, width: 1500, height: 950 };
    window.maximized = true;
    window.emit('close');
    expect(JSON.parse(await readFile(stateFile(), 'utf8'))).toEqual(saved({ x: 40, y: 30, width: 1500, height: 950 }, true));
  });

  it('reopens where it was saved, maximized, inside the displays there are now', async () => {
    await writeFile(stateFile(), JSON.stringify(saved({ x: 2200, y: 100, width: 1600, height: 1000 }, true)));
    const window = await startMain({ displays: [laptop] });
    expect(window.options).toMatchObject({ x: 160, y: 20, width: 1600, height: 1000 });
    expect(window.maximize).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
  });

  it('ignores a corrupt state file', async () => {
    await writeFile(stateFile(), '{"bounds": {"x": 1');
    const window = await startMain();
    expect(window.options).toMatchObject({ width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height });
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('saves after a move once the window is still', async () => {
    const window = await startMain();
    vi.useFakeTimers();
    window.normalBounds = { x: 300, y: 200, width: 1200, height: 800 };
    window.emit('move');
    window.emit('resize');
    expect(existsSync(stateFile())).toBe(false);
    await vi.runAllTimersAsync();
    expect(JSON.parse(await readFile(stateFile(), 'utf8'))).toEqual(saved({ x: 300, y: 200, width: 1200, height: 800 }));
  });
});
