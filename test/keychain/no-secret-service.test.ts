/**
 * No Secret Service on the bus: the core keeps working for the run, keeps secrets in memory, and says
 * plainly that the sign-in will not be remembered. Never a plain-text file. (Runs in its own worker,
 * so pointing D-Bus nowhere affects no other test.)
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/create-core';
import { NOT_REMEMBERED_WARNING } from '../../src-main/core/keychain/secret-store';
import { startDemoApi, type DemoApi } from '../../src-main/demo-api';
import { activeTenant } from '../../src-main/core/session/tenant-session';

let demo: DemoApi;
let configDir: string;
beforeAll(async () => {
  // Before keytar (libsecret) connects for the first time in this process.
  process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(tmpdir(), 'nevent-no-such-bus')}`;
  demo = await startDemoApi();
  configDir = await mkdtemp(join(tmpdir(), 'nevent-nokeychain-'));
});
afterAll(async () => {
  await demo.close();
  await rm(configDir, { recursive: true, force: true });
});

describe('no secret service', () => {
  it('falls back to memory with a clear warning and writes no file', async () => {
    const core = await createCore({ apiUrl: demo.url, dataApiUrl: demo.dataUrl, configDir, keychainTimeoutMs: 3000 });
    expect(core.secretStore.kind).toBe('memory');
    expect(core.secretStoreWarning).toContain(NOT_REMEMBERED_WARNING);
    // keytar itself loaded: it is the secret service that is missing.
    expect(core.secretStoreWarning).toContain('secret service');
    await core.account.signIn({ type: 'password', email: 'admin@demo.nevent.local', password: 'demo' });
    expect(core.account.status()).toMatchObject({ signedIn: true, storage: 'memory' });
    expect(core.account.status().warning).toContain(NOT_REMEMBERED_WARNING);
    // The session works for this run.
    expect((await (core.registry.desktop && activeTenant(core.registry.desktop))?.listSegments({ limit: 1 }))?.tenantId).toBe('tn-globex-de');
    expect(await readdir(configDir)).toEqual([]);
    // And nothing to restore next time.
    const next = await createCore({ configDir, keychainTimeoutMs: 3000 });
    expect(await next.account.restore()).toBe(false);
    core.dispose();
    next.dispose();
  });
});
