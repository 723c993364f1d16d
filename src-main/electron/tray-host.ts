/**
 * Is there somewhere to show a tray icon? macOS (menu bar) and Windows (notification area) always
 * have one. On Linux, Electron's tray is a StatusNotifierItem, shown only when a host owns
 * `org.kde.StatusNotifierWatcher` on the session bus (KDE, XFCE, Cinnamon, … and GNOME only with the
 * AppIndicator extension); on X11 an old XEmbed tray may still show it without one. What the window
 * does on close follows from the answer, so the app never runs on with no way back:
 *
 *   present  ─> tray; closing the window hides it (Open is in the tray)
 *   unknown  ─> tray; closing the window minimizes it (the taskbar still reaches it)
 *   absent   ─> no tray; closing the window quits, as any app without a tray
 */
import { execFile } from 'node:child_process';

/** Whether the desktop shows tray icons. */
export type TrayHost = 'present' | 'absent' | 'unknown';

/** What closing the window does. */
export type WindowCloseAction = 'hide' | 'minimize' | 'close';

/** The bus name a StatusNotifierItem host owns. */
export const statusNotifierWatcher = 'org.kde.StatusNotifierWatcher';

/** The answer from the session bus (`null`: no answer) and the session type, as a tray host. */
export function trayHostFrom(watcherOwned: boolean | null, sessionType: string | undefined): TrayHost {
  if (watcherOwned === true) return 'present';
  // Without a watcher, an X11 session may still have an XEmbed tray; Wayland has none.
  if (watcherOwned === false && sessionType === 'wayland') return 'absent';
  return 'unknown';
}

/** What closing the window does, given the tray and whether the app is quitting. */
export function windowCloseAction(options: { quitting: boolean; trayShown: boolean; trayHost: TrayHost }): WindowCloseAction {
  if (options.quitting || !options.trayShown || options.trayHost === 'absent') return 'close';
  return options.trayHost === 'present' ? 'hide' : 'minimize';
}

/** Runs a command and resolves to its stdout, or null when it fails or takes too long. */
export type RunCommand = (command: string, args: readonly string[], env: NodeJS.ProcessEnv) => Promise<string | null>;

const probeTimeoutMs = 2_000;

/** Runs a command with a deadline (the tray must not wait on a hung bus). */
export const runCommand: RunCommand = (command, args, env) =>
  new Promise((resolve) => {
    execFile(command, [...args], { env, timeout: probeTimeoutMs, encoding: 'utf8' }, (error, stdout) => resolve(error === null ? stdout : null));
  });

/** Reads `NameHasOwner`'s answer from dbus-send (`boolean true`) or gdbus (`(true,)`). */
export function parseNameHasOwner(output: string): boolean | null {
  const answer = /\bboolean (true|false)\b/.exec(output) ?? /^\((true|false),\)/m.exec(output.trim());
  return answer === null ? null : answer[1] === 'true';
}

/** Asks the session bus whether a tray host is running (dbus-send, else gdbus). */
export async function probeTrayHost(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, run: RunCommand = runCommand): Promise<TrayHost> {
  if (platform !== 'linux') return 'present';
  if (env.DBUS_SESSION_BUS_ADDRESS === undefined && env.XDG_RUNTIME_DIR === undefined) return trayHostFrom(null, env.XDG_SESSION_TYPE);
  const askers: Array<[string, string[]]> = [
    ['dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', `string:${statusNotifierWatcher}`]],
    ['gdbus', ['call', '--session', '--dest', 'org.freedesktop.DBus', '--object-path', '/org/freedesktop/DBus', '--method', 'org.freedesktop.DBus.NameHasOwner', statusNotifierWatcher]],
  ];
  for (const [command, args] of askers) {
    const output = await run(command, args, env);
    const owned = output === null ? null : parseNameHasOwner(output);
    if (owned !== null) return trayHostFrom(owned, env.XDG_SESSION_TYPE);
  }
  return trayHostFrom(null, env.XDG_SESSION_TYPE);
}
