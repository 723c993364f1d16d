/**
 * The application menu, built by a pure function (unit-tested without Electron; electron-app.ts hands it
 * to `Menu.setApplicationMenu`). Without one, Electron installs its default menu, whose View menu
 * reloads the renderer and opens DevTools: only a development run gets those. Every label comes from
 * the catalogs (Electron's own role labels are English), so the menu speaks the app's language.
 *
 *   (macOS) Nevent Companion: About, Services, Hide, Hide Others, Show All, Quit
 *   File:   Switch tenant…  Ctrl+Shift+K   (works while the window has focus, whatever the global shortcut)
 *           [Global shortcut unavailable: use this item or the tray]
 *           Close Window (macOS) | Quit
 *   Edit:   undo, redo, cut, copy, paste, select all (text fields need them on macOS)
 *   View:   [Reload, Force Reload, Toggle DevTools: development only] zoom, full screen
 *   Window: minimize, zoom, …
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MessageId } from '../../src-shared/i18n/catalog';
import type { Translator } from '../../src-shared/i18n/translator';
import { quickSwitchAccelerator } from './tray-template';

/** What the menu depends on. */
export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** `app.isPackaged`: an installed app has no reload or DevTools. */
  isPackaged: boolean;
  globalShortcutBound: boolean;
  onQuickSwitch: () => void;
  /** The words of the language the menu speaks. */
  t: Translator;
}

/** Roles only a development run may have. */
export const developmentOnlyRoles = ['reload', 'forceReload', 'toggleDevTools'] as const;

/** The menu's line when the global shortcut is unavailable. */
export function menuShortcutUnavailableHint(t: Translator): string {
  return t.formatMessage({ id: 'menu.shortcutUnavailable' });
}

const appName = 'Nevent Companion';

/** Builds the application menu. */
export function buildAppMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const { t } = options;
  const mac = options.platform === 'darwin';
  const words = (id: MessageId): string => t.formatMessage({ id }, { app: appName });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const file: MenuItemConstructorOptions[] = [{ label: words('menu.switchTenant'), accelerator: quickSwitchAccelerator, click: () => options.onQuickSwitch() }];
  if (!options.globalShortcutBound) file.push({ label: menuShortcutUnavailableHint(t), enabled: false });
  file.push(separator, mac ? { role: 'close', label: words('menu.closeWindow') } : { role: 'quit', label: words('menu.quit') });

  const edit: MenuItemConstructorOptions[] = [
    { role: 'undo', label: words('menu.undo') },
    { role: 'redo', label: words('menu.redo') },
    separator,
    { role: 'cut', label: words('menu.cut') },
    { role: 'copy', label: words('menu.copy') },
    { role: 'paste', label: words('menu.paste') },
    ...(mac ? [{ role: 'pasteAndMatchStyle', label: words('menu.pasteAndMatchStyle') } as const] : []),
    { role: 'delete', label: words('menu.delete') },
    separator,
    { role: 'selectAll', label: words('menu.selectAll') },
  ];

  const view: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ role: 'reload', label: words('menu.reload') }, { role: 'forceReload', label: words('menu.forceReload') }, { role: 'toggleDevTools', label: words('menu.toggleDevTools') }, separator];
  view.push(
    { role: 'resetZoom', label: words('menu.resetZoom') },
    { role: 'zoomIn', label: words('menu.zoomIn') },
    { role: 'zoomOut', label: words('menu.zoomOut') },
    separator,
    { role: 'togglefullscreen', label: words('menu.toggleFullScreen') },
  );

  // Electron's own Window menus: minimize and zoom then "bring all to front" on macOS, minimize and close elsewhere.
  const window: MenuItemConstructorOptions[] = mac
    ? [{ role: 'minimize', label: words('menu.minimize') }, { role: 'zoom', label: words('menu.zoom') }, separator, { role: 'front', label: words('menu.front') }]
    : [{ role: 'minimize', label: words('menu.minimize') }, { role: 'close', label: words('menu.closeWindow') }];

  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    label: appName,
    submenu: [
      { role: 'about', label: words('menu.about') },
      separator,
      { role: 'services', label: words('menu.services') },
      separator,
      { role: 'hide', label: words('menu.hide') },
      { role: 'hideOthers', label: words('menu.hideOthers') },
      { role: 'unhide', label: words('menu.showAll') },
      separator,
      { role: 'quit', label: words('menu.quitApp') },
    ],
  };

  // The roles stay on the menus (macOS files its Window menu by role); the submenus given replace Electron's English ones.
  return [
    ...(mac ? [appMenu] : []),
    { label: words('menu.file'), submenu: file },
    { role: 'editMenu', label: words('menu.edit'), submenu: edit },
    { label: words('menu.view'), submenu: view },
    { role: 'windowMenu', label: words('menu.window'), submenu: window },
  ];
}
