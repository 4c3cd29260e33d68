import { describe, expect, it, vi } from 'vitest';
import { answerIpc, type IpcCall } from '../ipc-answer';
import { parseNothing, parseSaveFile, safeFileName } from '../ipc-args';
import { isTrustedSender } from '../ipc-sender';
import { messagesFor } from '../messages';

const text = messagesFor('zh-CN');
const app = { url: 'app://renderer/index.html#/needs', isTopFrame: true };

function echoCall(run = vi.fn((value: string) => ({ ok: true as const, value }))): IpcCall<string, string> & { run: typeof run } {
  return {
    parse: (raw) => (typeof raw === 'string' ? { ok: true, value: raw } : { ok: false, error: text.errors.badArgument }),
    run,
  };
}

describe('IPC senders', () => {
  it('trusts only the top frame of the app origin', () => {
    expect(isTrustedSender(app)).toBe(true);
    expect(isTrustedSender({ ...app, isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/index.html', isTopFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('answerIpc', () => {
  it('answers a trusted sender with the result of the call', async () => {
    await expect(answerIpc(app, 'hello', echoCall(), text, vi.fn())).resolves.toEqual({ ok: true, value: 'hello' });
  });

  it('does not run anything for an untrusted sender', async () => {
    const call = echoCall();
    const answer = await answerIpc({ url: 'https://evil.example/', isTopFrame: true }, 'x', call, text, vi.fn());
    expect(answer).toEqual({ ok: false, error: text.errors.untrustedSender });
    expect(call.run).not.toHaveBeenCalled();
  });

  it('does not run anything with a malformed argument', async () => {
    const call = echoCall();
    await expect(answerIpc(app, { not: 'a string' }, call, text, vi.fn())).resolves.toEqual({ ok: false, error: text.errors.badArgument });
    expect(call.run).not.toHaveBeenCalled();
  });

  it('turns a thrown error into an answer instead of a rejected promise', async () => {
    const logError = vi.fn();
    const call = echoCall(vi.fn(() => {
      throw new Error('disk on fire');
    }));
    await expect(answerIpc(app, 'x', call, text, logError)).resolves.toEqual({ ok: false, error: text.errors.unexpected });
    expect(logError).toHaveBeenCalledOnce();
  });
});

describe('IPC argument parsers', () => {
  it('accepts a file name and its bytes', () => {
    const data = new Uint8Array([1, 2, 3]);
    expect(parseSaveFile({ suggestedName: '花名册.xlsx', data }, text)).toEqual({ ok: true, value: { suggestedName: '花名册.xlsx', data } });
    const buffer = new Uint8Array([4, 5]).buffer;
    expect(parseSaveFile({ suggestedName: 'a.pdf', data: buffer }, text)).toEqual({
      ok: true,
      value: { suggestedName: 'a.pdf', data: new Uint8Array([4, 5]) },
    });
  });

  it('keeps only the last segment of a name, so the dialog cannot be pointed at another folder', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Windows\\System32\\花名册.xlsx')).toBe('花名册.xlsx');
    expect(safeFileName('名单<1>:"?*|.xlsx')).toBe('名单_1______.xlsx');
    expect(safeFileName('..')).toBe('');
    expect(safeFileName(' report.pdf. ')).toBe('report.pdf');
  });

  it('refuses what is not a name and bytes', () => {
    for (const raw of [undefined, null, 'x', [], { suggestedName: 'a.xlsx' }, { suggestedName: 1, data: new Uint8Array() }, { suggestedName: 'a', data: [1, 2] }]) {
      expect(parseSaveFile(raw, text).ok, JSON.stringify(raw)).toBe(false);
    }
    expect(parseSaveFile({ suggestedName: '../', data: new Uint8Array() }, text)).toEqual({ ok: false, error: text.errors.badFileName });
  });

  it('refuses a file over the size limit', () => {
    expect(parseSaveFile({ suggestedName: 'a.xlsx', data: new Uint8Array(11) }, text, 10)).toEqual({ ok: false, error: text.errors.fileTooLarge });
    expect(parseSaveFile({ suggestedName: 'a.xlsx', data: new Uint8Array(10) }, text, 10).ok).toBe(true);
  });

  it('refuses an argument where none is expected', () => {
    expect(parseNothing(undefined, text).ok).toBe(true);
    expect(parseNothing('x', text).ok).toBe(false);
  });
});
