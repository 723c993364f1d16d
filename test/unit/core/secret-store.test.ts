import { describe, expect, it } from 'vitest';
import { openSecretStore, type KeytarModule } from '../../../src-main/core/keychain/keytar-secret-store';
import { keychainFailureText, keychainServiceFor, MemorySecretStore, NOT_REMEMBERED_WARNING, withTimeouts } from '../../../src-main/core/keychain/secret-store';
import { failingSecretStore, hangingSecretStore } from '../../helpers/secret-stores';

function fakeKeytar(): KeytarModule & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getPassword: async (s, a) => entries.get(`${s}|${a}`) ?? null,
    setPassword: async (s, a, p) => {
      entries.set(`${s}|${a}`, p);
    },
    deletePassword: async (s, a) => entries.delete(`${s}|${a}`),
  };
}

describe('SecretStore wrappers', () => {
  it('a call that hangs ends with keychain_timeout instead of hanging', async () => {
    const store = withTimeouts(hangingSecretStore(), 50);
    const started = Date.now();
    await expect(store.get('s', 'a')).rejects.toMatchObject({ code: 'keychain_timeout' });
    await expect(store.set('s', 'a', 'secret')).rejects.toMatchObject({ code: 'keychain_timeout' });
    await expect(store.delete('s', 'a')).rejects.toMatchObject({ code: 'keychain_timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a failing call is keychain_unavailable', async () => {
    await expect(withTimeouts(failingSecretStore(), 1000).get('s', 'a')).rejects.toMatchObject({ code: 'keychain_unavailable' });
  });

  it('the memory store keeps entries per service and account', async () => {
    const store = new MemorySecretStore();
    await store.set('s1', 'a', 'x');
    expect(await store.get('s1', 'a')).toBe('x');
    expect(await store.get('s2', 'a')).toBeNull();
    expect(await store.delete('s1', 'a')).toBe(true);
    expect(await store.get('s1', 'a')).toBeNull();
  });

  it('names one keychain service per API URL', () => {
    expect(keychainServiceFor('https://api.nevent.es/')).toBe('nevent-companion:https://api.nevent.es');
  });
});

describe('openSecretStore', () => {
  it('uses the OS keychain when keytar loads and answers', async () => {
    const keytar = fakeKeytar();
    const opened = await openSecretStore({ loadKeytar: async () => keytar });
    expect(opened.warning).toBeNull();
    expect(opened.store.kind).toBe('keychain');
    await opened.store.set('s', 'a', 'v');
    expect(keytar.entries.get('s|a')).toBe('v');
  });

  it('falls back to memory with a plain warning when keytar is missing', async () => {
    const opened = await openSecretStore({ loadKeytar: async () => null });
    expect(opened.store.kind).toBe('memory');
    expect(opened.warning).toContain(NOT_REMEMBERED_WARNING);
  });

  it('falls back to memory when the secret service fails or hangs', async () => {
    const failing = await openSecretStore({ loadKeytar: async () => ({ getPassword: () => Promise.reject(new Error('no secret service')), setPassword: async () => undefined, deletePassword: async () => false }) });
    expect(failing.store.kind).toBe('memory');
    expect(failing.warning).toContain(NOT_REMEMBERED_WARNING);
    const started = Date.now();
    const never = () => new Promise<never>(() => undefined);
    const hanging = await openSecretStore({ timeoutMs: 50, loadKeytar: async () => ({ getPassword: never, setPassword: never, deletePassword: never }) });
    expect(hanging.store.kind).toBe('memory');
    expect(hanging.warning).toMatch(/did not answer/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('keychain failures in words', () => {
  it('says what a missing secret service means and what to do, with the raw message only as a detail', async () => {
    const store = { kind: 'keychain' as const, get: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')), set: () => Promise.resolve(), delete: () => Promise.resolve(false) };
    const error = (await withTimeouts(store, 1000).get('s', 'a').catch((e: unknown) => e)) as { code: string; message: string };
    expect(error.code).toBe('keychain_unavailable');
    expect(error.message).toMatch(/^no OS keychain is running in this session .*could not read the saved sign-in; run it from your desktop session, or start one/);
    expect(error.message).toMatch(/\(the keychain said: Cannot autolaunch D-Bus without X11 \$DISPLAY\)$/);
    expect(error.message).not.toMatch(/failed \(read\)/);
  });

  it('says plainly when the keychain refuses for another reason', () => {
    expect(keychainFailureText('write', 'Access denied')).toBe('the OS keychain refused to save the sign-in; check that it is unlocked and working, then sign in again (the keychain said: Access denied)');
    expect(keychainFailureText('delete', '')).toBe('the OS keychain refused to remove the saved sign-in; check that it is unlocked and working, then sign in again');
  });
});
