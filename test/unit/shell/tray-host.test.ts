/** Where the desktop shows a tray, and what closing the window does then. */
import { describe, expect, it } from 'vitest';
import { parseNameHasOwner, probeTrayHost, trayHostFrom, windowCloseAction, type RunCommand } from '../../../src-main/electron/tray-host';

describe('tray host', () => {
  it('reads NameHasOwner from dbus-send and gdbus', () => {
    expect(parseNameHasOwner('method return time=1.2 sender=org.freedesktop.DBus -> destination=:1.9 serial=3 reply_serial=2\n   boolean true\n')).toBe(true);
    expect(parseNameHasOwner('   boolean false\n')).toBe(false);
    expect(parseNameHasOwner('(false,)\n')).toBe(false);
    expect(parseNameHasOwner('(true,)')).toBe(true);
    expect(parseNameHasOwner('Error org.freedesktop.DBus.Error.ServiceUnknown')).toBeNull();
  });

  it('no watcher is "absent" only on Wayland: an X11 session may still have an XEmbed tray', () => {
    expect(trayHostFrom(true, 'wayland')).toBe('present');
    expect(trayHostFrom(false, 'wayland')).toBe('absent');
    expect(trayHostFrom(false, 'x11')).toBe('unknown');
    expect(trayHostFrom(null, 'wayland')).toBe('unknown');
  });

  it('closing the window: hide with a tray, minimize when unsure, close (and so quit) without one or while quitting', () => {
    expect(windowCloseAction({ quitting: false, trayShown: true, trayHost: 'present' })).toBe('hide');
    expect(windowCloseAction({ quitting: false, trayShown: true, trayHost: 'unknown' })).toBe('minimize');
    expect(windowCloseAction({ quitting: false, trayShown: false, trayHost: 'present' })).toBe('close');
    expect(windowCloseAction({ quitting: false, trayShown: true, trayHost: 'absent' })).toBe('close');
    expect(windowCloseAction({ quitting: true, trayShown: true, trayHost: 'present' })).toBe('close');
  });

  it('asks dbus-send, then gdbus; macOS and Windows always have a tray', async () => {
    const asked: string[] = [];
    const run =
      (answers: Record<string, string | null>): RunCommand =>
      async (command) => {
        asked.push(command);
        return answers[command] ?? null;
      };
    const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1/bus', XDG_SESSION_TYPE: 'wayland' };
    expect(await probeTrayHost('linux', env, run({ 'dbus-send': '   boolean true' }))).toBe('present');
    expect(asked).toEqual(['dbus-send']);
    expect(await probeTrayHost('linux', env, run({ gdbus: '(false,)' }))).toBe('absent');
    expect(await probeTrayHost('linux', env, run({}))).toBe('unknown');
    expect(await probeTrayHost('linux', {}, run({ 'dbus-send': '   boolean false' }))).toBe('unknown');
    expect(await probeTrayHost('darwin', env, run({}))).toBe('present');
    expect(await probeTrayHost('win32', env, run({}))).toBe('present');
  });
});
