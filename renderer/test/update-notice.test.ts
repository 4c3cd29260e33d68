// The desktop's update notice, over a fake of the shell's `updates` bridge: it asks the server the
// person is signed in to, follows the status, and shows only what the person must know or do.
import { describe, expect, it, vi } from 'vitest';
import type { Result, UpdatesApi, UpdateStatus } from '@domain/desktop';
import { updateNoticeView, watchUpdates } from '../src/app/layout/updateWatch';

function fakeUpdates(checkAnswer: Result<void> = { ok: true, value: undefined }) {
  const listeners = new Set<(status: UpdateStatus) => void>();
  const api = {
    check: vi.fn((_serverUrl: string) => Promise.resolve(checkAnswer)),
    install: vi.fn(() => Promise.resolve<Result<void>>({ ok: true, value: undefined })),
    onStatus: vi.fn((listener: (status: UpdateStatus) => void) => {
      listeners.add(listener);
      listener({ kind: 'idle' });
      return () => void listeners.delete(listener);
    }),
  } satisfies UpdatesApi;
  return { api, push: (status: UpdateStatus) => listeners.forEach((listener) => listener(status)), listeners };
}

describe('watching updates', () => {
  it('checks the signed-in server and follows the status until unsubscribed', async () => {
    const { api, push, listeners } = fakeUpdates();
    const seen: UpdateStatus[] = [];
    const stop = watchUpdates(api, 'https://jd.example.cn', (status) => seen.push(status));
    expect(api.check).toHaveBeenCalledWith('https://jd.example.cn');
    push({ kind: 'downloading', version: '1.2.0', percent: 30 });
    push({ kind: 'ready', version: '1.2.0', releaseNotes: '新增打印功能' });
    expect(seen.map((status) => status.kind)).toEqual(['idle', 'downloading', 'ready']);
    stop();
    expect(listeners.size).toBe(0);
    push({ kind: 'idle' });
    expect(seen).toHaveLength(3);
    await Promise.resolve();
  });

  it('logs a failed check instead of throwing', async () => {
    const { api } = fakeUpdates({ ok: false, error: '服务器地址无效' });
    const logError = vi.fn();
    watchUpdates(api, 'ftp://x', () => undefined, logError);
    await vi.waitFor(() => expect(logError).toHaveBeenCalledWith('服务器地址无效'));
  });
});

describe('the update notice', () => {
  it('shows the download, the ready version with its notes, and a rejection; nothing otherwise', () => {
    expect(updateNoticeView({ kind: 'downloading', version: '1.2.0', percent: 42 })).toEqual({ kind: 'downloading', version: '1.2.0', percent: 42 });
    expect(updateNoticeView({ kind: 'ready', version: '1.2.0', releaseNotes: '新增打印功能' })).toEqual({ kind: 'ready', version: '1.2.0', releaseNotes: '新增打印功能' });
    expect(updateNoticeView({ kind: 'rejected', version: '1.2.0', reason: '签名无效' })).toEqual({ kind: 'rejected', version: '1.2.0', reason: '签名无效' });
    for (const status of [null, { kind: 'idle' }, { kind: 'checking' }, { kind: 'error', message: '网络错误' }] as const) {
      expect(updateNoticeView(status)).toEqual({ kind: 'none' });
    }
  });
});
