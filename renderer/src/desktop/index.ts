// The renderer's one way to the shell: `window.desktop` when the Electron preload exposed it,
// else the browser implementation.
import type { DesktopApi } from '@domain/desktop';
import { webDesktopApi } from './web';

declare global {
  interface Window {
    desktop?: DesktopApi;
  }
}

export function getDesktopApi(): DesktopApi {
  return (typeof window !== 'undefined' ? window.desktop : undefined) ?? webDesktopApi;
}

export function isDesktop(): boolean {
  return getDesktopApi().kind === 'electron';
}
