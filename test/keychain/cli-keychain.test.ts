/** `login`, `status` and `logout` against the real keychain (gnome-keyring under dbus-run-session). */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeytar } from '../../src-main/core/keychain/keytar-secret-store';
import { keychainServiceFor } from '../../src-main/core/keychain/secret-store';
import { startDemoApi, type DemoApi } from '../../src-main/demo-api';
import { runCli } from '../helpers/cli-io';

const hasSecretService = process.env.NEVENT_KEYCHAIN_TESTS === '1' || (process.env.DBUS_SESSION_BUS_ADDRESS ?? '') !== '';

let demo: DemoApi;
let configDir: string;
beforeAll(async () => {
  demo = await startDemoApi();
  configDir = await mkdtemp(join(tmpdir(), 'nevent-cli-keychain-'));
});
afterAll(async () => {
  await demo.close();
  await rm(configDir, { recursive: true, force: true });
});

describe.skipIf(!hasSecretService)('CLI account commands with the OS keychain', () => {
  it('login saves to the keychain, status reports it, logout removes it', async () => {
    const env = { NEVENT_COMPANION_CONFIG_DIR: configDir };
    const login = await runCli(['login', '--api-url', demo.url, '--email', 'solo@demo.nevent.local', '--password-stdin'], { stdin: 'demo\n', env });
    expect(login.stderr).toBe('');
    expect(login.code).toBe(0);
    expect(login.stdout).toContain('Saved in the OS keychain');

    const keytar = await loadKeytar();
    const secret = await keytar?.getPassword(keychainServiceFor(demo.url), 'solo@demo.nevent.local');
    expect(secret).toBeTruthy();
    const { accessToken, refreshToken } = JSON.parse(secret ?? '{}') as { accessToken: string; refreshToken: string };
    for (const name of await readdir(configDir)) {
      const text = await readFile(join(configDir, name), 'utf8');
      expect(text).not.toContain(accessToken);
      expect(text).not.toContain(refreshToken);
    }

    const status = await runCli(['status'], { env });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Signed in as solo@demo.nevent.local');
    expect(status.stdout).toContain(demo.url);
    expect(status.stdout).toContain('tn-solo-studio');
    expect(status.stdout).toContain('OS keychain');
    expect(status.stdout + status.stderr).not.toContain(accessToken);
    const json = JSON.parse((await runCli(['status', '--json'], { env })).stdout) as { signedIn: boolean; store: string };
    expect(json).toMatchObject({ signedIn: true, store: 'keychain' });

    const logout = await runCli(['logout'], { env });
    expect(logout.code).toBe(0);
    expect(logout.stdout).toContain('solo@demo.nevent.local');
    expect(await keytar?.getPassword(keychainServiceFor(demo.url), 'solo@demo.nevent.local')).toBeNull();
    expect(await readdir(configDir)).toEqual([]);
    const after = await runCli(['status'], { env });
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('Not signed in');
  });
});
