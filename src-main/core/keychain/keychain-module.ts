/**
 * Whether the OS keychain module (keytar, an optional native dependency) is there and loads, and what to
 * install when it does not. npm builds keytar from source where its prebuilt binary cannot be fetched,
 * and on a machine without a compiler or libsecret's headers it drops the module without a word; the app
 * then keeps the sign-in in memory only. The install's closing lines (scripts/prepare.mjs, through the
 * built out/cli/keychain-module.mjs) and `nevent-companion status` say so, with this one advice.
 *
 * Only the module is loaded here, in a child process (a native module that fails can take its loader
 * down): the keychain itself (Secret Service, Keychain, Credential Manager) is not asked anything, so an
 * install never pops up an unlock prompt.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { missingCaseError } from '../../../src-shared/missing-case';

/** The keychain module's state on this machine. */
export type KeychainModuleState = { kind: 'ok' } | { kind: 'missing' } | { kind: 'broken'; detail: string };

/** keytar's entry module as installed beside this package, or null when it is not installed. */
export function resolveKeytarPath(): string | null {
  try {
    return createRequire(import.meta.url).resolve('keytar');
  } catch {
    return null;
  }
}

/** Loads keytar in a child process of this runtime; never touches the keychain itself. */
export function checkKeychainModule(keytarPath: string | null = resolveKeytarPath()): KeychainModuleState {
  if (keytarPath === null) return { kind: 'missing' };
  const probe = `const k = require(${JSON.stringify(keytarPath)}); if (typeof k.getPassword !== 'function') throw new Error('keytar has no getPassword');`;
  // ELECTRON_RUN_AS_NODE: inside the installed app, process.execPath is Electron, which must run as plain Node here.
  const loaded = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 20_000, windowsHide: true });
  if (loaded.status === 0) return { kind: 'ok' };
  const lines = `${loaded.stderr ?? ''}`.split('\n').map((line) => line.trim());
  const detail = lines.find((line) => /^Error:|cannot open shared object|was compiled against|not a valid Win32|image not found/.test(line)) ?? loaded.error?.message ?? `exit ${loaded.status ?? loaded.signal}`;
  return { kind: 'broken', detail: detail.replace(/^Error:\s*/, '').slice(0, 300) };
}

/** Where the advice is for: a checkout installed with npm, or the packaged app. */
export interface KeychainAdviceContext {
  platform: NodeJS.Platform;
  /** The installed app (its CLI runs in Electron's Node mode): reinstall rather than rebuild. */
  installedApp: boolean;
}

/** What a person installs so that npm can build keytar on this OS. */
function buildTools(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return "Xcode's command line tools (`xcode-select --install`)";
    case 'win32':
      return 'the Visual Studio Build Tools with the "Desktop development with C++" workload, and Python 3';
    default:
      return 'a C++ compiler and libsecret\'s headers (Debian/Ubuntu: `sudo apt install build-essential libsecret-1-dev`; Fedora: `sudo dnf install gcc-c++ make libsecret-devel`; Arch: `sudo pacman -S base-devel libsecret`)';
  }
}

/** One paragraph: what is wrong with the keychain module and what to install; null when it works. */
export function keychainModuleAdvice(state: KeychainModuleState, context: KeychainAdviceContext): string | null {
  const consequence = 'Nevent Companion still works, but the sign-in is not remembered after each run.';
  const secretService = context.platform === 'linux' ? ' The keychain also needs a Secret Service running in your desktop session (GNOME Keyring or KWallet).' : '';
  switch (state.kind) {
    case 'ok':
      return null;
    case 'missing':
      if (context.installedApp) return `The OS keychain module (keytar) is missing from this installation. ${consequence} Reinstall Nevent Companion.`;
      return `npm left out the OS keychain module (keytar): no prebuilt binary could be fetched for this system and building it failed. ${consequence} Install ${buildTools(context.platform)}, then run \`npm install\` again in the checkout.${secretService}`;
    case 'broken': {
      if (context.platform === 'linux' && /libsecret/.test(state.detail)) {
        return `The OS keychain module (keytar) does not load: ${state.detail}. ${consequence} Install libsecret (Debian/Ubuntu: \`sudo apt install libsecret-1-0\`; Fedora: \`sudo dnf install libsecret\`; Arch: \`sudo pacman -S libsecret\`).${secretService}`;
      }
      if (context.installedApp) return `The OS keychain module (keytar) does not load: ${state.detail}. ${consequence} Reinstall Nevent Companion.`;
      return `The OS keychain module (keytar) is installed but does not load: ${state.detail}. ${consequence} Install ${buildTools(context.platform)}, then run \`npm rebuild keytar\` in the checkout.${secretService}`;
    }
    default:
      return missingCaseError(state);
  }
}


/** The install's closing line about the keychain (scripts/prepare.mjs). */
export function keychainInstallLine(state: KeychainModuleState, platform: NodeJS.Platform = process.platform): string {
  const advice = keychainModuleAdvice(state, { platform, installedApp: false });
  return advice === null ? 'The OS keychain module (keytar) works: the sign-in is kept in the OS keychain.' : advice;
}
