// The few browser globals the sync engine touches, for tests that run it in Node.
import { vi } from 'vitest';

export class MemoryStorage implements Storage {
  private readonly data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    this.data.set(key, String(value));
  }
}

export function stubBrowser(): { window: EventTarget; navigator: { onLine: boolean }; localStorage: MemoryStorage } {
  const globals = { window: new EventTarget(), navigator: { onLine: true }, localStorage: new MemoryStorage() };
  vi.stubGlobal('window', globals.window);
  vi.stubGlobal('navigator', globals.navigator);
  vi.stubGlobal('localStorage', globals.localStorage);
  return globals;
}

/** Polls until the check passes (or throws its last failure after the timeout). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
