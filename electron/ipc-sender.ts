// Which IPC messages the main process answers: only those sent by the app's own page, from its
// top frame. A frame that navigated away (or an iframe of any origin) gets nothing (VS Code's
// `validateIPC`, Signal's sender checks).
import { isAppUrl } from './navigation';

export interface SenderFrame {
  readonly url: string;
  readonly isTopFrame: boolean;
}

export function isTrustedSender(frame: SenderFrame | null): boolean {
  return frame !== null && frame.isTopFrame && isAppUrl(frame.url);
}
