/**
 * "Install the extension" without Electron: the checkout's bundle (built by `npm run build`, or now) is
 * copied into the app's folder and handed to the desktop's opener; an opener that fails or is missing
 * is reported with the file's place, never as an install.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkoutBundle, extensionInstaller, systemOpener } from '../../../src-main/app/extension-install';
import { ensureAppBuilt, repoRoot } from '../shell/built-app';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nc-extension-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A PATH holding only an `xdg-open` that records what it was asked to open and exits with `code`. */
function fakeOpener(code: number): NodeJS.ProcessEnv {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > "${join(dir, 'asked')}"\necho "no handler for it" >&2\nexit ${code}\n`);
  chmodSync(join(bin, 'xdg-open'), 0o755);
  return { PATH: `${bin}:/usr/bin:/bin` };
}

describe.skipIf(process.platform !== 'linux')('installing the Claude Desktop extension from a checkout', () => {
  it('copies the built bundle into the app folder and opens it with the desktop opener', async () => {
    await ensureAppBuilt();
    const installer = extensionInstaller({ locateBundle: checkoutBundle(repoRoot), openPath: systemOpener('linux', fakeOpener(0)) }, join(dir, 'config'));
    const installed = await installer.install();
    expect(installed).toEqual({ path: join(dir, 'config', 'nevent-companion.mcpb'), opened: true, reason: null });
    expect(readFileSync(installed.path)).toEqual(readFileSync(join(repoRoot, 'out', 'mcpb', 'nevent-companion.mcpb')));
    expect(readFileSync(join(dir, 'asked'), 'utf8').trim()).toBe(installed.path);
  }, 120_000);

  it('says where the file is when the opener fails or is missing', async () => {
    const bundle = join(dir, 'bundle.mcpb');
    writeFileSync(bundle, 'zip');
    const failing = await extensionInstaller({ locateBundle: async () => bundle, openPath: systemOpener('linux', fakeOpener(3)) }, join(dir, 'config')).install();
    expect(failing).toMatchObject({ path: join(dir, 'config', 'nevent-companion.mcpb'), opened: false, reason: 'xdg-open could not open it (no handler for it)' });
    expect(existsSync(failing.path)).toBe(true);
    const missing = await systemOpener('linux', { PATH: join(dir, 'nowhere') })(bundle);
    expect(missing).toMatch(/^xdg-open is not available here/);
  });

  it('a folder that is not a checkout and has no bundle says so', async () => {
    await expect(checkoutBundle(dir)()).rejects.toThrow(/not part of this installation; use the config-file entry/);
  });
});
