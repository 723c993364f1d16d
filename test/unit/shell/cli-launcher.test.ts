/** How the desktop app tells AI clients to start the CLI, per install kind. */
import { describe, expect, it } from 'vitest';
import { appImageBootstrap, desktopCliLauncher, type CliLauncherContext } from '../../../src-main/electron/cli-launcher';
import { argsField, buildServerEntry, clientKinds, envKey } from '../../../src-main/mcp/client-config/entry';

const installed: CliLauncherContext = {
  isPackaged: true,
  appPath: '/opt/Nevent Companion/resources/app.asar',
  execPath: '/opt/Nevent Companion/nevent-companion',
  platform: 'linux',
  appImage: undefined,
  // Electron's fs says files inside app.asar exist; that must not matter.
  exists: () => true,
};

describe('the desktop app’s CLI launcher', () => {
  it('installed: the app’s own executable in Node mode, on the CLI unpacked next to app.asar', () => {
    expect(desktopCliLauncher(installed)).toEqual({
      command: '/opt/Nevent Companion/nevent-companion',
      args: ['/opt/Nevent Companion/resources/app.asar.unpacked/out/app-cli/nevent-companion.mjs'],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    const mac = desktopCliLauncher({ ...installed, platform: 'darwin', appPath: '/Applications/Nevent Companion.app/Contents/Resources/app.asar', execPath: '/Applications/Nevent Companion.app/Contents/MacOS/Nevent Companion' });
    expect(mac.command).toBe('/Applications/Nevent Companion.app/Contents/MacOS/Nevent Companion');
    expect(mac.args).toEqual(['/Applications/Nevent Companion.app/Contents/Resources/app.asar.unpacked/out/app-cli/nevent-companion.mjs']);
  });

  it('installed without an asar archive: the CLI inside the app folder', () => {
    expect(desktopCliLauncher({ ...installed, appPath: '/opt/nc/resources/app' }).args).toEqual(['/opt/nc/resources/app/out/app-cli/nevent-companion.mjs']);
  });

  it('AppImage: the AppImage file, never its per-launch mount, with a bootstrap that finds the CLI beside the executable', () => {
    const launcher = desktopCliLauncher({ ...installed, appPath: '/tmp/.mount_NeventXyz/resources/app.asar', execPath: '/tmp/.mount_NeventXyz/nevent-companion', appImage: '/home/u/Apps/Nevent.AppImage' });
    expect(launcher).toEqual({ command: '/home/u/Apps/Nevent.AppImage', args: ['-e', appImageBootstrap, '--', '--no-sandbox'], env: { ELECTRON_RUN_AS_NODE: '1' } });
    expect(JSON.stringify(launcher)).not.toContain('.mount_');
    // Outside Linux the variable means nothing.
    expect(desktopCliLauncher({ ...installed, platform: 'darwin', appImage: '/x.AppImage' }).command).toBe(installed.execPath);
  });

  it('a checkout (`npm start`): node with the checkout’s bin script, else the command on PATH', () => {
    const checkout = { ...installed, isPackaged: false, appPath: '/src/nevent', execPath: '/src/nevent/node_modules/electron/dist/electron' };
    expect(desktopCliLauncher(checkout)).toEqual({ command: 'node', args: ['/src/nevent/bin/nevent-companion.mjs'] });
    expect(desktopCliLauncher({ ...checkout, exists: () => false })).toEqual({ command: 'nevent-companion', args: [] });
  });

  it('every client’s entry carries the launcher’s env', () => {
    const launcher = desktopCliLauncher(installed);
    for (const kind of clientKinds) {
      const entry = buildServerEntry(kind, launcher);
      const attach = [...launcher.args, 'mcp', '--attach'];
      // opencode takes one command array, and calls the environment `environment`.
      if (argsField(kind) === 'command') expect(entry).toMatchObject({ command: [launcher.command, ...attach] });
      else expect(entry).toMatchObject({ command: launcher.command, args: attach });
      expect(entry[envKey(kind)]).toEqual({ ELECTRON_RUN_AS_NODE: '1' });
    }
  });
});
