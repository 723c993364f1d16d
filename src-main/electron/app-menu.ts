/**
 * The application menu, built by a pure function (unit-tested without Electron; electron-app.ts hands it
 * to `Menu.setApplicationMenu`). Without one, Electron installs its default menu, whose View menu
 * reloads the renderer and opens DevTools: only a development run gets those.
 *
 *   (macOS) Nevent Companion: About, Services, Hide, Quit
 *   File:   Switch tenant…  Ctrl+Shift+K   (works while the window has focus, whatever the global shortcut)
 *           [Global shortcut unavailable: use this item or the tray]
 *           Close Window (macOS) | Quit
 *   Edit:   undo, redo, cut, copy, paste, select all (text fields need them on macOS)
 *   View:   [Reload, Force Reload, Toggle DevTools: development only] zoom, full screen
 *   Window: minimize, zoom, …
 */
import type { MenuItemConstructorOptions } from 'electron';
import { quickSwitchAccelerator } from './tray-template';

/** What the menu depends on. */
export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** `app.isPackaged`: an installed app has no reload or DevTools. */
  isPackaged: boolean;
  globalShortcutBound: boolean;
  onQuickSwitch: () => void;
}

/** Roles only a development run may have. */
export const developmentOnlyRoles = ['reload', 'forceReload', 'toggleDevTools'] as const;

/** The menu's line when the global shortcut is unavailable. */
export const menuShortcutUnavailableHint = 'Global shortcut unavailable: use this menu or the tray';

/** Builds the application menu. */
export function buildAppMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const file: MenuItemConstructorOptions[] = [{ label: 'Switch tenant…', accelerator: quickSwitchAccelerator, click: () => options.onQuickSwitch() }];
  if (!options.globalShortcutBound) file.push({ label: menuShortcutUnavailableHint, enabled: false });
  file.push({ type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' });

  const view: MenuItemConstructorOptions[] = options.isPackaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  view.push({ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' });

  return [...(mac ? [{ role: 'appMenu' } as const] : []), { label: 'File', submenu: file }, { role: 'editMenu' }, { label: 'View', submenu: view }, { role: 'windowMenu' }];
}
