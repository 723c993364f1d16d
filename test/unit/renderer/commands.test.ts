import { describe, expect, it } from 'vitest';
import type { AppState, NeventBridge } from '../../../src-shared/ipc';
import { BridgeError } from '../../../src-shared/ipc';
import { Commands } from '../../../src-renderer/app/commands';
import { createStores } from '../../../src-renderer/stores/stores';

function state(version: number, activeId: string): AppState {
  return {
    version,
    account: { state: 'signed_in', needsTenantChoice: false, user: { id: 'u', email: 'o@x', name: 'O', role: 'OWNER' }, apiUrl: null, dataApiUrl: null, demo: true, remembered: false, keychain: 'unknown', notice: null, error: null },
    desktop: { sessionId: 's', activeTenant: { id: activeId, name: activeId, slug: activeId, role: 'OWNER', status: 'ACTIVE' }, homeTenantId: 'home', role: 'OWNER', switching: false, lastSwitchError: null },
    tenants: { recent: [], pinned: [], count: 3 },
    bridge: { state: 'listening', socketPath: null, sessionCount: 0, error: null },
    operationMode: 'READ_ONLY',
  };
}

const segment = (tenantId: string) => ({ id: '0123456789abcdef01234567', name: `in ${tenantId}`, definition: { stanzas: [] }, version: 1, tenantId, createdAt: '', updatedAt: '' });

// A bridge with only what these tests use; main's state lives in `current`.
function fakeBridge(options: { failSwitch?: boolean; segmentsDelayMs?: number }) {
  let current = state(1, 'home');
  const bridge = {
    session: { get: async () => current },
    tenants: {
      switch: async ({ tenantId }: { tenantId: string }) => {
        if (options.failSwitch) throw new BridgeError({ code: 'api_error', message: 'The API answered 500.' });
        current = state(current.version + 1, tenantId);
        return { activeTenantId: tenantId, homeTenantId: 'home', previousTenantId: null };
      },
    },
    segments: {
      list: async ({ expectedTenantId }: { expectedTenantId: string }) => {
        await new Promise((r) => setTimeout(r, options.segmentsDelayMs ?? 0));
        return { segments: [segment(expectedTenantId)], nextCursor: null, tenantId: expectedTenantId };
      },
    },
  };
  return { bridge: bridge as unknown as NeventBridge, setActive: (id: string) => (current = state(current.version + 1, id)) };
}

describe('window commands', () => {
  it('a failed switch keeps the old tenant and says why', async () => {
    const stores = createStores();
    const { bridge } = fakeBridge({ failSwitch: true });
    const commands = new Commands(bridge, stores);
    await commands.refreshAppState();
    expect(await commands.switchTenant('child')).toBe(false);
    expect(stores.app.getState().app?.desktop.activeTenant?.id).toBe('home');
    expect(stores.tenants.getState().attempt).toMatchObject({ state: 'failed', targetId: 'child', fromTenantId: 'home', error: { code: 'api_error' } });
  });

  it('a successful switch shows progress, then clears the attempt and mirrors the new tenant', async () => {
    const stores = createStores();
    const { bridge } = fakeBridge({});
    const commands = new Commands(bridge, stores);
    await commands.refreshAppState();
    const switching = commands.switchTenant('child');
    expect(stores.tenants.getState().attempt).toEqual({ state: 'pending', kind: 'switch', targetId: 'child' });
    expect(await switching).toBe(true);
    expect(stores.app.getState().app?.desktop.activeTenant?.id).toBe('child');
    expect(stores.tenants.getState().attempt).toEqual({ state: 'idle' });
  });

  it('drops a segment list that arrives after the tenant changed', async () => {
    const stores = createStores();
    const fake = fakeBridge({ segmentsDelayMs: 30 });
    const commands = new Commands(fake.bridge, stores);
    await commands.refreshAppState();
    const slow = commands.loadSegments();
    fake.setActive('other');
    await commands.refreshAppState();
    await slow;
    expect(stores.segments.getState().segments).toEqual([]);
    await commands.loadSegments();
    expect(stores.segments.getState().segments.map((s) => s.tenantId)).toEqual(['other']);
  });
});
