/**
 * The child-process keychain with fake keytar modules (the real one under a hanging D-Bus is in
 * test/keychain): calls round-trip, a hang is abandoned at the deadline with its child killed, a locked
 * keychain is told apart from a missing entry, and a keytar that cannot load means "not available".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSecretStore } from '../../../src-main/core/keychain/keytar-secret-store';
import { ProcessKeychain } from '../../../src-main/core/keychain/process-keychain';
import { withTimeouts } from '../../../src-main/core/keychain/secret-store';

const dir = mkdtempSync(join(tmpdir(), 'nc-fake-keytar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a fake keytar module (CommonJS) and returns its path. */
function fakeKeytar(name: string, source: string): string {
  const path = join(dir, `${name}.cjs`);
  writeFileSync(path, source);
  return path;
}

const working = fakeKeytar('working', `const m = new Map(); module.exports = {
  getPassword: async (s, a) => m.get(s + '/' + a) ?? null,
  setPassword: async (s, a, p) => { m.set(s + '/' + a, p); },
  deletePassword: async (s, a) => m.delete(s + '/' + a) };`);
const hanging = fakeKeytar('hanging', `const never = () => new Promise(() => setInterval(() => {}, 1000));
  module.exports = { getPassword: never, setPassword: never, deletePassword: never };`);
const locked = fakeKeytar('locked', `module.exports = { getPassword: async () => null,
  setPassword: async () => { throw new Error('Cannot create an item in a locked collection'); },
  deletePassword: async () => false };`);
const broken = fakeKeytar('broken', `throw new Error('keytar.node was built for another Node');`);

const helper = { lockCheck: true, probeService: 'nevent-companion:probe' };
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('process keychain', () => {
  it('round-trips secrets through one reused child, and lets it go when idle', async () => {
    const keychain = new ProcessKeychain({ keytarPath: working, helper, idleMs: 100 });
    await keychain.set('svc', 'ana', 's3cret');
    const pid = keychain.helperPid;
    expect(await keychain.get('svc', 'ana')).toBe('s3cret');
    expect(keychain.helperPid).toBe(pid);
    expect(await keychain.delete('svc', 'ana')).toBe(true);
    // Missing and unlocked: a plain null (the lock probe's write succeeded).
    expect(await keychain.get('svc', 'ana')).toBeNull();
    const deadline = Date.now() + 10_000;
    while (alive(pid ?? 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alive(pid ?? 0)).toBe(false);
    expect(await keychain.get('svc', 'ana')).toBeNull();
  });

  it('a call that hangs fails at the deadline and its child is killed; the next call starts afresh', async () => {
    const keychain = new ProcessKeychain({ keytarPath: hanging, helper });
    const store = withTimeouts(keychain, 300, () => keychain.abandon());
    const pending = store.get('svc', 'ana');
    await expect(pending).rejects.toMatchObject({ code: 'keychain_timeout' });
    expect(keychain.helperPid).toBeNull();
    await expect(store.set('svc', 'ana', 'x')).rejects.toMatchObject({ code: 'keychain_timeout' });
  });

  it('tells a locked keychain from a missing entry', async () => {
    const keychain = new ProcessKeychain({ keytarPath: locked, helper });
    const store = withTimeouts(keychain, 5000, () => keychain.abandon());
    await expect(store.get('svc', 'ana')).rejects.toMatchObject({ code: 'keychain_locked', message: expect.stringMatching(/locked.*unlock it/) });
    await expect(store.set('svc', 'ana', 'x')).rejects.toMatchObject({ code: 'keychain_locked' });
    // Our own probe entry is never lock-checked: it is always missing.
    expect(await store.get('nevent-companion:probe', 'probe')).toBeNull();
    keychain.abandon();
  });

  it('opening: a keytar that cannot load, or none installed, means memory with a plain warning', async () => {
    for (const keytarPath of [broken, null]) {
      const opened = await openSecretStore({ keytarPath, timeoutMs: 5000 });
      expect(opened.store.kind).toBe('memory');
      expect(opened.warning).toMatch(/keychain module \(keytar\) is not available.*sign-in will not be remembered/);
    }
    const good = await openSecretStore({ keytarPath: working, timeoutMs: 5000 });
    expect(good).toMatchObject({ warning: null, store: { kind: 'keychain' } });
  });
});
