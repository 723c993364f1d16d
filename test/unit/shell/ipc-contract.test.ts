import { describe, expect, it, vi } from 'vitest';
import { BridgeError, createBridge, eventChannelNames, requestChannelNames, toBridgeError, type BridgeTransport, type EventChannel } from '../../../src-shared/ipc';

const appState = {
  version: 3,
  account: { state: 'signedOut', user: null, apiUrl: null, dataApiUrl: null, demo: false, remembered: false, keychain: 'unknown', notice: null, error: null },
  desktop: { sessionId: null, activeTenant: null, homeTenantId: null, role: null, lastSwitchError: null, lastSwitchTarget: null },
  tenants: { recent: [], pinned: [], count: 0 },
  bridge: { state: 'stopped', socketPath: null, sessionCount: 0, error: null },
  operationMode: 'READ_ONLY',
};

function fakeTransport(answer: unknown) {
  const listeners = new Map<EventChannel, (payload: unknown) => void>();
  const transport: BridgeTransport = {
    invoke: vi.fn(async () => answer),
    subscribe: vi.fn((channel, listener) => {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    }),
  };
  return { transport, listeners };
}

describe('IPC contract', () => {
  it('names every channel namespace.method and builds one bridge method per channel', () => {
    const bridge = createBridge(fakeTransport(undefined).transport) as unknown as Record<string, Record<string, unknown>>;
    for (const channel of [...requestChannelNames, ...eventChannelNames]) {
      expect(channel).toMatch(/^[a-z]+\.[A-Za-z]+$/);
      const [ns, method] = channel.split('.') as [string, string];
      expect(typeof bridge[ns]?.[method]).toBe('function');
    }
    expect(eventChannelNames.every((c) => /\.onDid[A-Z]/.test(c))).toBe(true);
  });

  it('resolves with the checked value and strips undeclared fields', async () => {
    const { transport } = fakeTransport({ ok: true, value: { ...appState, accessToken: 'eyJsecret' } });
    const bridge = createBridge(transport);
    const state = await bridge.session.get();
    expect(state.version).toBe(3);
    expect(JSON.stringify(state)).not.toContain('eyJsecret');
    expect(transport.invoke).toHaveBeenCalledWith('session.get', undefined);
  });

  it('rejects with a BridgeError carrying the code', async () => {
    const bridge = createBridge(fakeTransport({ ok: false, error: { code: 'tenant_forbidden', message: 'no access' } }).transport);
    const error = await bridge.tenants.switch({ tenantId: 't-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('tenant_forbidden');
  });

  it('rejects an answer that breaks the contract as internal_error', async () => {
    const onContractViolation = vi.fn();
    const bridge = createBridge(fakeTransport({ ok: true, value: { version: 'x' } }).transport, { onContractViolation });
    await expect(bridge.session.get()).rejects.toMatchObject({ code: 'internal_error' });
    expect(onContractViolation).toHaveBeenCalledWith('session.get', expect.any(String));
  });

  it('can reject with plain data (what survives contextBridge), which toBridgeError reads back', async () => {
    const bridge = createBridge(fakeTransport({ ok: false, error: { code: 'conflict', message: 'stale' } }).transport, { makeError: (data) => ({ ...data }) });
    const reason = await bridge.segments.update({ segmentId: 'a'.repeat(24), baseRevision: 'm:2026-01-01T00:00:00Z' }).catch((e: unknown) => e);
    expect(reason).not.toBeInstanceOf(Error);
    expect(toBridgeError(reason).code).toBe('conflict');
    expect(toBridgeError(new Error('boom')).code).toBe('internal_error');
  });

  it('delivers valid events, drops invalid ones, and unsubscribes', () => {
    const { transport, listeners } = fakeTransport(undefined);
    const bridge = createBridge(transport);
    const seen: number[] = [];
    const off = bridge.session.onDidChange((state) => seen.push(state.version));
    const emit = listeners.get('session.onDidChange');
    emit?.(appState);
    emit?.({ nonsense: true });
    expect(seen).toEqual([3]);
    off();
    expect(listeners.has('session.onDidChange')).toBe(false);
  });
});
