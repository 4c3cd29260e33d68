import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { messagesFor } from '../messages';
import { saveFile, type SaveFileEffects } from '../save-file';

const text = messagesFor('zh-CN');
let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'save-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function effects(chosen: string | null) {
  return {
    chooseSavePath: () => Promise.resolve(chosen),
    writeFile: (file: string, data: Uint8Array) => writeFile(file, data),
    logError: vi.fn<(error: unknown) => void>(),
  } satisfies SaveFileEffects;
}

describe('saveFile', () => {
  it('writes the bytes where the person chose', async () => {
    const target = path.join(dir, '花名册.xlsx');
    const data = new Uint8Array([0x50, 0x4b, 3, 4]);
    await expect(saveFile({ suggestedName: '花名册.xlsx', data }, effects(target), text)).resolves.toEqual({ ok: true, value: { saved: true } });
    expect(new Uint8Array(await readFile(target))).toEqual(data);
  });

  it('reports a canceled dialog as not saved, not as an error', async () => {
    const fx = effects(null);
    const write = vi.spyOn(fx, 'writeFile');
    await expect(saveFile({ suggestedName: 'a.pdf', data: new Uint8Array([1]) }, fx, text)).resolves.toEqual({ ok: true, value: { saved: false } });
    expect(write).not.toHaveBeenCalled();
  });

  it('answers a failed write with a message the person can act on', async () => {
    const fx = effects(path.join(dir, 'missing-folder', 'a.pdf'));
    await expect(saveFile({ suggestedName: 'a.pdf', data: new Uint8Array([1]) }, fx, text)).resolves.toEqual({ ok: false, error: text.errors.saveFailed });
    expect(fx.logError).toHaveBeenCalledOnce();
  });
});
