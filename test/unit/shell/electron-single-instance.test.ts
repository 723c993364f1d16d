/** A second launch does not get the single-instance lock: it quits at once and opens nothing. */
import { describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, type createFakeElectron } from './fake-electron';

const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof createFakeElectron> | null }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fake-electron');
  fake.current = createFakeElectron({ lock: false });
  return fake.current.module;
});

describe('single instance', () => {
  it('a second instance quits without a window, core or socket', async () => {
    const { startElectronShell } = await import('../../../src-main/electron/electron-app');
    const createApp = vi.fn();
    const shell = startElectronShell({ argv: ['electron', '.', '--demo'], env: {}, version: '0.1.0', preloadPath: '/p.cjs', renderer: { file: 'file:///r/index.html' }, trayIcon: 'data:,', createApp });
    await shell.ready;
    expect(shell.primary).toBe(false);
    expect(fake.current?.module.app.quit).toHaveBeenCalled();
    expect(fake.current?.module.app.whenReady).not.toHaveBeenCalled();
    expect(createApp).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});
