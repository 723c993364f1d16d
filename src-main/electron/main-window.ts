/**
 * The one app window: created hidden, shown when ready; closing it does what tray-host.ts decides. A close
 * that would end the window while it holds unsaved edits is held, and handed to `onUnsavedClose` to ask.
 */
import { BrowserWindow } from 'electron';
import type { WindowCloseAction } from './tray-host';
import { hardenWebContents } from './web-security';

/** Where the renderer comes from. */
export type RendererTarget = { file: string } | { devServerUrl: string };

/** Creates the window and loads the renderer. */
export function createMainWindow(options: {
  preloadPath: string;
  target: RendererTarget;
  isOurRendererUrl: (url: string) => boolean;
  closeAction: () => WindowCloseAction;
  /** True when closing now would drop edits the person has not chosen to discard. */
  holdsUnsavedEdits: () => boolean;
  /** A close held for unsaved edits: ask the person, and close again if they discard them. */
  onUnsavedClose: (window: BrowserWindow) => void;
}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'Nevent Companion',
    backgroundColor: '#0f172a',
    autoHideMenuBar: true,
    // Spelled out here, not built by a helper, so the security scan (electronegativity) can read them.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would otherwise open links in a new window (the open handler denies it too).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenWebContents(window.webContents, options.isOurRendererUrl);
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    // With a tray the app keeps running (the MCP bridge serves AI clients); Quit is in the tray. Where
    // the tray may not show, the window stays in the taskbar instead of vanishing.
    const action = options.closeAction();
    if (action === 'close') {
      if (!options.holdsUnsavedEdits()) return;
      event.preventDefault();
      options.onUnsavedClose(window);
      return;
    }
    event.preventDefault();
    if (action === 'hide') window.hide();
    else window.minimize();
  });
  if ('devServerUrl' in options.target) void window.loadURL(options.target.devServerUrl);
  else void window.loadURL(options.target.file);
  return window;
}
