/** Electron main entry: placeholder until the desktop-shell issue lands. */
import { app, BrowserWindow } from 'electron';

void app.whenReady().then(() => {
  const window = new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } });
  void window.loadURL('about:blank');
});
