import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../csp';
import { menuTemplate } from '../menu';
import { messagesFor } from '../messages';
import { permissionGranted } from '../permissions';
import { mainWindowOptions } from '../window-options';

describe('window options', () => {
  it('isolates and sandboxes the renderer, with no Node in any frame', () => {
    const { webPreferences, show } = mainWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs', title: '社区治理', devTools: false });
    expect(webPreferences).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(show).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows scripts only from the app, with no inline script or eval', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self' http: https:; worker-src 'self'",
    );
  });
});

describe('permissions', () => {
  it('grants none', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      expect(permissionGranted(permission)).toBe(false);
    }
  });
});

describe('menu and messages', () => {
  it('is Chinese unless the system is English', () => {
    const labels = (locale: string) => menuTemplate(messagesFor(locale), { devTools: false }).map((item) => ('label' in item ? item.label : ''));
    expect(labels('zh-CN')).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels('zh-TW')).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels('en-US')).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('offers developer tools only in development builds', () => {
    const roles = (devTools: boolean) =>
      JSON.stringify(menuTemplate(messagesFor('zh-CN'), { devTools })).includes('"toggleDevTools"');
    expect(roles(true)).toBe(true);
    expect(roles(false)).toBe(false);
  });
});
