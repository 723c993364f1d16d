/** The tray-host probe against a real, private D-Bus session bus on which no tray host runs. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTrayHost } from '../../../src-main/electron/tray-host';

const hasDbus = spawnSync('sh', ['-c', 'command -v dbus-daemon && command -v dbus-send'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!hasDbus && !process.env.CI)('tray host on a real session bus', () => {
  let daemon: ChildProcess;
  let address: string;

  beforeAll(async () => {
    daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const lines = createInterface({ input: daemon.stdout as NodeJS.ReadableStream });
    address = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      daemon.once('exit', (code) => reject(new Error(`dbus-daemon exited (${code})`)));
    });
  });

  afterAll(() => {
    daemon?.kill();
  });

  it('finds no StatusNotifierWatcher: absent on Wayland, unknown on X11 (an XEmbed tray may exist)', async () => {
    const env = { PATH: process.env.PATH, DBUS_SESSION_BUS_ADDRESS: address };
    expect(await probeTrayHost('linux', { ...env, XDG_SESSION_TYPE: 'wayland' })).toBe('absent');
    expect(await probeTrayHost('linux', { ...env, XDG_SESSION_TYPE: 'x11' })).toBe('unknown');
  });
});
