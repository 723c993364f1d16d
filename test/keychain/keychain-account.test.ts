/**
 * Against a real Secret Service (gnome-keyring under dbus-run-session, see scripts/test.mjs): the
 * account's tokens live in the OS keychain, survive a restart of the core, and are gone after sign-out;
 * nothing under the config directory ever holds token text.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/create-core';
import { loadKeytar, openSecretStore } from '../../src-main/core/keychain/keytar-secret-store';
import { keychainServiceFor } from '../../src-main/core/keychain/secret-store';
import { startDemoApi, type DemoApi } from '../../src-main/demo-api';
import { activeTenant } from '../../src-main/core/session/tenant-session';

const hasSecretService = process.env.NEVENT_KEYCHAIN_TESTS === '1' || (process.env.DBUS_SESSION_BUS_ADDRESS ?? '') !== '';
const email = 'owner@demo.nevent.local';

let demo: DemoApi;
let configDir: string;
beforeAll(async () => {
  demo = await startDemoApi();
  configDir = await mkdtemp(join(tmpdir(), 'nevent-keychain-'));
});
afterAll(async () => {
  await demo.close();
  await rm(configDir, { recursive: true, force: true });
});

async function allFileText(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'utf8')));
  return texts.join('\n');
}

describe.skipIf(!hasSecretService)('OS keychain (gnome-keyring)', () => {
  it('opens the real keychain, with no warning', async () => {
    const opened = await openSecretStore();
    expect(opened.warning).toBeNull();
    expect(opened.store.kind).toBe('keychain');
  });

  it('sign in, restart the core, restored; sign out, entry gone; no token in any file', async () => {
    const keytar = await loadKeytar();
    if (keytar === null) throw new Error('keytar did not load');
    const service = keychainServiceFor(demo.url);

    const first = await createCore({ apiUrl: demo.url, dataApiUrl: demo.dataUrl, configDir });
    expect(first.secretStoreWarning).toBeNull();
    await first.account.signIn({ type: 'password', email, password: 'demo' });
    expect(first.account.status()).toMatchObject({ signedIn: true, storage: 'keychain', warning: null });
    const credential = first.registry.desktop?.credential;
    if (credential === undefined) throw new Error('no desktop session');

    // The secret is in the keychain, under the per-API service and the email.
    const raw = await keytar.getPassword(service, email);
    expect(raw).not.toBeNull();
    expect(JSON.parse(raw ?? '{}')).toMatchObject({ accessToken: credential.accessToken, refreshToken: credential.refreshToken });

    // No token text in any file under the config dir.
    const text = await allFileText(configDir);
    expect(text).toContain(email);
    expect(text).not.toContain(credential.accessToken);
    expect(text).not.toContain(credential.refreshToken ?? 'never');
    expect(text).not.toMatch(/eyJ|rt_/);
    first.dispose();

    // Restart: a brand-new core restores from the keychain.
    const second = await createCore({ configDir });
    expect(await second.account.restore()).toBe(true);
    expect(second.account.status()).toMatchObject({ signedIn: true, email, apiUrl: demo.url, storage: 'keychain' });
    const restored = second.registry.desktop;
    expect(restored?.activeTenantId).toBe('tn-acme');
    expect((await restored?.listTenants())?.tenants.some((t) => t.id === 'tn-acme-madrid')).toBe(true);

    // A rotation of the stored refresh token is written back to the keychain.
    demo.faults.expireAccessTokens();
    await (restored && activeTenant(restored))?.listSegments({ limit: 1 });
    await expect.poll(async () => JSON.parse((await keytar.getPassword(service, email)) ?? '{}').refreshToken).toBe(restored?.credential.refreshToken);
    expect(await allFileText(configDir)).not.toMatch(/eyJ|rt_/);

    // Sign out: entry gone, config file gone, sessions ended.
    await second.account.signOut();
    expect(await keytar.getPassword(service, email)).toBeNull();
    expect(restored?.closed).toBe(true);
    second.dispose();

    const third = await createCore({ configDir });
    expect(await third.account.restore()).toBe(false);
    expect(third.account.status().signedIn).toBe(false);
    third.dispose();
  });
});
