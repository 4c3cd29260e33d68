// The one shape of every IPC handler: check the sender, parse the unknown argument, run, and answer
// a `Result`. Nothing is thrown across the bridge, so the renderer always gets an answer it can show.
import type { Result } from '@domain/desktop';
import { isTrustedSender, type SenderFrame } from './ipc-sender';
import type { ShellMessages } from './messages';

export interface IpcCall<A, T> {
  parse: (raw: unknown, text: ShellMessages) => Result<A>;
  run: (arg: A) => Promise<Result<T>> | Result<T>;
}

export async function answerIpc<A, T>(
  sender: SenderFrame | null,
  raw: unknown,
  call: IpcCall<A, T>,
  text: ShellMessages,
  logError: (error: unknown) => void,
): Promise<Result<T>> {
  if (!isTrustedSender(sender)) return { ok: false, error: text.errors.untrustedSender };
  const parsed = call.parse(raw, text);
  if (!parsed.ok) return parsed;
  try {
    return await call.run(parsed.value);
  } catch (error) {
    logError(error);
    return { ok: false, error: text.errors.unexpected };
  }
}
