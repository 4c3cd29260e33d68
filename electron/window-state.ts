// The main window remembers its size, place and maximized state between runs
// (`<userData>/window-state.json`). Everything here is pure or takes its effects as arguments:
// reading the file gives `unknown`, which is parsed; the saved place is fitted into the displays
// there are now, so a window never opens off-screen after a monitor was removed or the resolution
// lowered; saving is debounced while the window is dragged and written atomically.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  bounds: Rect;
  isMaximized: boolean;
}

/** Where the window opens: a place on a display (or the OS's choice when x/y are absent). */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1360, height: 860 } as const;
/** The same minimum as the window's options (window-options.ts): the pages need this much room. */
export const MIN_SIZE = { width: 1024, height: 640 } as const;
/** Coordinates beyond any real desktop mean a corrupt file. */
const MAX_COORDINATE = 100_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE;
}

/** The saved state, or null when the file held anything else (absent, edited by hand, truncated). */
export function parseWindowState(raw: unknown): SavedWindowState | null {
  if (!isRecord(raw) || !isRecord(raw.bounds)) return null;
  const { x, y, width, height } = raw.bounds;
  if (!isCoordinate(x) || !isCoordinate(y) || !isCoordinate(width) || !isCoordinate(height)) return null;
  if (width <= 0 || height <= 0) return null;
  const isMaximized = raw.isMaximized === true;
  return { bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }, isMaximized };
}

/** Parses the file's text; a file that is not JSON counts as no state. */
export function parseWindowStateText(text: string | null): SavedWindowState | null {
  if (text === null) return null;
  try {
    return parseWindowState(JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

/**
 * Where the window opens. `workAreas` are the displays' work areas now (without task bars), the
 * primary display's first. With no saved state: the default size, placed by the OS. Otherwise the
 * saved bounds on the display they overlap most (or centred on the primary display when they
 * overlap none: the monitor is gone), shrunk to fit that display and moved fully inside it.
 */
export function restoreWindowState(saved: SavedWindowState | null, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0];
  if (saved === null || primary === undefined) {
    // The OS places it; on a small screen it still fits.
    const width = Math.min(DEFAULT_SIZE.width, primary?.width ?? DEFAULT_SIZE.width);
    const height = Math.min(DEFAULT_SIZE.height, primary?.height ?? DEFAULT_SIZE.height);
    return { width, height, isMaximized: saved?.isMaximized ?? false };
  }
  let area = primary;
  let best = 0;
  for (const candidate of workAreas) {
    const overlap = overlapArea(saved.bounds, candidate);
    if (overlap > best) {
      best = overlap;
      area = candidate;
    }
  }
  // The minimum size wins over the saved one, the display's size over both.
  const width = Math.min(Math.max(saved.bounds.width, MIN_SIZE.width), area.width);
  const height = Math.min(Math.max(saved.bounds.height, MIN_SIZE.height), area.height);
  const offScreen = best === 0;
  const x = offScreen ? area.x + Math.round((area.width - width) / 2) : clamp(saved.bounds.x, area.x, area.x + area.width - width);
  const y = offScreen ? area.y + Math.round((area.height - height) / 2) : clamp(saved.bounds.y, area.y, area.y + area.height - height);
  return { x, y, width, height, isMaximized: saved.isMaximized };
}

/**
 * What is written when the window moves, resizes or closes. `normalBounds` are the bounds the
 * window has when not maximized (Electron's `getNormalBounds()`), so a maximized window restores
 * to its former size next time and is maximized again.
 */
export function stateToSave(normalBounds: Rect, isMaximized: boolean): SavedWindowState {
  const { x, y, width, height } = normalBounds;
  return { bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }, isMaximized };
}

export interface AtomicWriteFs {
  writeFile(path: string, data: string): void;
  rename(from: string, to: string): void;
  rm(path: string): void;
}

/**
 * Writes the whole file or nothing: a temporary file beside it, then a rename over it, so a crash
 * or power cut mid-write leaves the previous state rather than half a JSON document. Synchronous,
 * as the last save happens while the app is closing.
 */
export function writeFileAtomic(file: string, data: string, fs: AtomicWriteFs): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFile(temp, data);
    fs.rename(temp, file);
  } catch (error) {
    try {
      fs.rm(temp);
    } catch {
      // Nothing was written: nothing to remove.
    }
    throw error;
  }
}

export interface StateSaverEffects {
  /** The window's state now, or null when it is already destroyed. */
  current(): SavedWindowState | null;
  write(state: SavedWindowState): void;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  logError(error: unknown): void;
}

export interface StateSaver {
  /** A move or resize: saves once the window has been still for `delayMs`. */
  changed(): void;
  /** The window closes: saves now, and nothing after. */
  flush(): void;
}

export const SAVE_DELAY_MS = 500;

export function createStateSaver(effects: StateSaverEffects, delayMs = SAVE_DELAY_MS): StateSaver {
  let timer: unknown = null;
  let closed = false;
  let last = '';
  const save = (): void => {
    const state = effects.current();
    if (state === null) return;
    const text = JSON.stringify(state);
    // Dragging back to where it was writes nothing.
    if (text === last) return;
    try {
      effects.write(state);
      last = text;
    } catch (error) {
      // Losing the window's place is not worth an error dialog.
      effects.logError(error);
    }
  };
  return {
    changed() {
      if (closed) return;
      if (timer !== null) effects.clearTimer(timer);
      timer = effects.setTimer(() => {
        timer = null;
        save();
      }, delayMs);
    },
    flush() {
      if (closed) return;
      if (timer !== null) effects.clearTimer(timer);
      timer = null;
      save();
      closed = true;
    },
  };
}
