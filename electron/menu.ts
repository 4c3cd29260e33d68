// The application menu (文件/编辑/视图/帮助) as data; main.ts hands it to `Menu.buildFromTemplate`.
// Roles give the native behaviour (clipboard, zoom) with no code of ours.
import type { MenuItemOptions } from './electron-api';
import type { ShellMessages } from './messages';

export function menuTemplate(text: ShellMessages, options: { devTools: boolean }): MenuItemOptions[] {
  const m = text.menu;
  const view: MenuItemOptions[] = [
    { label: m.reload, role: 'reload' },
    ...(options.devTools ? [{ label: m.toggleDevTools, role: 'toggleDevTools' } as const] : []),
    { type: 'separator' },
    { label: m.resetZoom, role: 'resetZoom' },
    { label: m.zoomIn, role: 'zoomIn' },
    { label: m.zoomOut, role: 'zoomOut' },
    { type: 'separator' },
    { label: m.fullscreen, role: 'togglefullscreen' },
  ];
  return [
    { label: m.file, submenu: [{ label: m.quit, role: 'quit' }] },
    {
      label: m.edit,
      submenu: [
        { label: m.undo, role: 'undo' },
        { label: m.redo, role: 'redo' },
        { type: 'separator' },
        { label: m.cut, role: 'cut' },
        { label: m.copy, role: 'copy' },
        { label: m.paste, role: 'paste' },
        { label: m.selectAll, role: 'selectAll' },
      ],
    },
    { label: m.view, submenu: view },
    { label: m.help, submenu: [{ label: m.about, role: 'about' }] },
  ];
}
