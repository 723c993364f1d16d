/**
 * Every request channel through the Electron wrapper with a fake `ipcMain` and fake webContents:
 * valid payloads work, invalid ones answer `invalid_request`, a foreign sender is refused, and nothing
 * sent to the window ever contains a token.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestChannelNames, type IpcResult, type RequestChannel } from '../../../src-shared/ipc';
import { ipcChannelName } from '../../../src-shared/transport-contract';
import { createSenderCheck, createWebContentsSink, registerIpcHandlers, type IpcMainLike, type IpcSenderInfo } from '../../../src-main/electron/ipc-main';
import { createTestService, secretToken } from './fakes';

// The wrapper's default `ipcMain` comes from electron, which has no binary here: the test passes its own.
vi.mock('electron', () => ({ ipcMain: null }));

const segmentId = '000000000000000000000065';
/** The revision of the segment the setup creates (the fake stamps its modifiedAt). */
const baseRevision = 'm:2026-01-02T00:00:00.000Z';
const definition = { stanzas: [{ criteria: [{ criterion_id: 'city', operator: 'eq', value: 'Bilbao' }] }] };
const rendererUrl = 'file:///app/out/renderer/index.html';

/** A valid and an invalid payload per channel; `Record` makes a new channel fail to compile until it has a case. */
const cases: Record<RequestChannel, { valid: unknown; invalid: unknown; expect?: (value: never) => void }> = {
  'app.info': { valid: undefined, invalid: { extra: 1 }, expect: (v: { shell: string; demoUsers: string[] }) => expect(v.demoUsers).toContain('owner') },
  'session.get': { valid: undefined, invalid: 'x', expect: (v: { version: number; account: { state: string } }) => expect(v.account.state).toBe('active') },
  'account.signIn': { valid: { method: 'demo', user: 'admin' }, invalid: { method: 'password', apiUrl: 'javascript:alert(1)', email: 'a@b.c', password: 'x' } },
  'account.signOut': { valid: undefined, invalid: { now: true }, expect: (v: { state: string }) => expect(v.state).toBe('signedOut') },
  'tenants.list': { valid: undefined, invalid: [], expect: (v: { tenants: { id: string[] }; activeTenantId: string }) => expect(v.tenants.id).toHaveLength(3) },
  'tenants.switch': { valid: { tenantId: 't-east' }, invalid: { tenantId: '../etc' }, expect: (v: { activeTenantId: string }) => expect(v.activeTenantId).toBe('t-east') },
  'tenants.reset': { valid: undefined, invalid: { tenantId: 't-east' }, expect: (v: { activeTenantId: string }) => expect(v.activeTenantId).toBe('t-root') },
  'tenants.cancelSwitch': { valid: undefined, invalid: { tenantId: 't-east' }, expect: (v: { cancelled: boolean }) => expect(v.cancelled).toBe(false) },
  'tenants.pin': { valid: { tenantId: 't-east' }, invalid: {}, expect: (v: { pinned: Array<{ name: string }> }) => expect(v.pinned.map((t) => t.name)).toEqual(['Acme East']) },
  'tenants.unpin': { valid: { tenantId: 't-east' }, invalid: { tenantId: 5 }, expect: (v: { pinned: unknown[] }) => expect(v.pinned).toEqual([]) },
  'segments.list': { valid: { search: 'Bil' }, invalid: { limit: 0 }, expect: (v: { segments: unknown[]; tenantId: string }) => expect(v.tenantId).toBe('t-root') },
  'segments.get': { valid: { segmentId }, invalid: { segmentId: 'not an id' }, expect: (v: { segment: { id: string; revision: string } }) => expect(v.segment).toMatchObject({ id: segmentId, revision: baseRevision }) },
  'segments.create': { valid: { name: 'Bilbao fans', definition }, invalid: { name: '', definition }, expect: (v: { segment: { name: string } }) => expect(v.segment.name).toBe('Bilbao fans') },
  'segments.update': { valid: { segmentId, baseRevision, name: 'Renamed' }, invalid: { segmentId, name: 'no base revision' }, expect: (v: { segment: { name: string; revision: string } }) => expect(v.segment.revision).not.toBe(baseRevision) },
  'segments.preview': { valid: { definition }, invalid: { definition: { stanzas: [{ criteria: [] }] } }, expect: (v: { estimated_fan_count: number }) => expect(v.estimated_fan_count).toBe(42) },
  'segments.criteria': { valid: undefined, invalid: { expectedTenantId: '' }, expect: (v: { criteria: unknown[] }) => expect(v.criteria).toHaveLength(1) },
  'segments.current': { valid: { reload: true }, invalid: { reload: 'yes' }, expect: (v: { tenantId: string; status: string }) => expect(v).toMatchObject({ tenantId: 't-root', status: 'ready' }) },
  'mcp.sessions': { valid: undefined, invalid: 0, expect: (v: { sessions: Array<{ kind: string }> }) => expect(v.sessions.map((s) => s.kind)).toEqual(['desktop', 'mcp']) },
  'mcp.moveSession': { valid: { sessionId: 'mcp-1', tenantId: 't-east' }, invalid: { sessionId: 'mcp-1' }, expect: (v: { activeTenantId: string }) => expect(v.activeTenantId).toBe('t-east') },
  'mcp.audit': { valid: { result: 'error' }, invalid: { limit: 10_000 }, expect: (v: { entries: Array<{ name: string }> }) => expect(v.entries.map((e) => e.name)).toEqual(['nevent_create_segment']) },
  'mcp.setMode': { valid: { mode: 'STANDARD' }, invalid: { mode: 'GOD' }, expect: (v: { mode: string }) => expect(v.mode).toBe('STANDARD') },
  'mcp.clients': { valid: undefined, invalid: { client: 'cursor' }, expect: (v: { clients: Array<{ client: string; installed: boolean }> }) => expect(v.clients).toEqual([expect.objectContaining({ client: 'cursor', installed: true })]) },
  'mcp.tools': {
    valid: undefined,
    invalid: { domain: 'media' },
    expect: (v: { mode: string; tools: Array<{ name: string; domain: string; access: string; allowed: boolean }> }) => {
      expect(v.tools.find((t) => t.name === 'nevent_create_segment')).toMatchObject({ domain: 'audiences', access: 'write', allowed: v.mode !== 'READ_ONLY' });
      expect(v.tools.find((t) => t.name === 'nevent_delete_image')).toMatchObject({ domain: 'media', access: 'destructive', allowed: v.mode === 'FULL' });
      expect(v.tools.find((t) => t.name === 'nevent_switch_tenant')?.allowed).toBe(true);
    },
  },
  'mcp.clientConfigPreview': { valid: { client: 'cursor' }, invalid: { client: 'emacs' }, expect: (v: { changed: boolean }) => expect(v.changed).toBe(true) },
  'mcp.clientConfigWrite': { valid: { client: 'vscode' }, invalid: {}, expect: (v: { written: boolean }) => expect(v.written).toBe(true) },
  'mcp.installExtension': { valid: undefined, invalid: { client: 'claude' }, expect: (v: { path: string; opened: boolean }) => expect(v).toMatchObject({ path: expect.stringMatching(/nevent-companion\.mcpb$/), opened: true }) },
  'mcp.httpStatus': { valid: undefined, invalid: { enabled: true }, expect: (v: { state: string; tokenPresent: boolean }) => expect(v).toMatchObject({ state: 'off', url: null }) },
  'mcp.httpEnable': { valid: { enabled: false }, invalid: { enabled: 'yes' }, expect: (v: { state: string }) => expect(v.state).toBe('off') },
  'mcp.httpCreateToken': { valid: undefined, invalid: { token: 'mine' }, expect: (v: { token: string }) => expect(v.token).toMatch(/^ncb_[A-Za-z0-9_-]{43}$/) },
  'mcp.httpRevokeToken': { valid: undefined, invalid: 1, expect: (v: { tokenPresent: boolean }) => expect(v.tokenPresent).toBe(false) },
  'settings.get': { valid: undefined, invalid: { a: 1 }, expect: (v: { operationMode: string }) => expect(v.operationMode).toBe('READ_ONLY') },
  'settings.update': { valid: { apiUrl: 'https://api.nevent.es' }, invalid: { operationMode: 'FULL' }, expect: (v: { apiUrl: string; operationMode: string }) => expect(v).toMatchObject({ apiUrl: 'https://api.nevent.es', operationMode: 'READ_ONLY' }) },
};

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: never, payload: unknown) => Promise<unknown>>();
  handle(channel: string, listener: (event: never, payload: unknown) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(channel: string, payload: unknown, sender: IpcSenderInfo): Promise<IpcResult<never>> {
    const handler = this.handlers.get(ipcChannelName(channel));
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return (await handler(sender as never, payload)) as IpcResult<never>;
  }
}

const ourWindow: IpcSenderInfo = { sender: { id: 7 }, senderFrame: { url: rendererUrl, parent: null } };

async function setup() {
  const t = await createTestService();
  const ipc = new FakeIpcMain();
  const isTrusted = createSenderCheck(() => 7, (url) => url === rendererUrl);
  const sent: Array<{ channel: string; payload: unknown }> = [];
  t.events.subscribe(createWebContentsSink(() => ({ isDestroyed: () => false, send: (channel, payload) => sent.push({ channel, payload }) })));
  const unregister = registerIpcHandlers(t.dispatch, isTrusted, ipc);
  // A signed-in desktop, one MCP client, one segment and an audit trail.
  expect(await ipc.invoke('account.signIn', { method: 'demo' }, ourWindow)).toMatchObject({ ok: true });
  t.core.connectMcp('claude-ai');
  await t.core.desktopSession?.createSegment({ name: 'Bilbao', definition });
  t.bridge.append({ name: 'nevent_list_segments' });
  t.bridge.append({ name: 'nevent_create_segment', result: 'operation_not_permitted' });
  return { ...t, ipc, sent, unregister };
}

describe('IPC handlers (Electron wrapper, fake ipcMain)', () => {
  let t: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    t = await setup();
  });

  it('registers exactly one handler per contract channel and unregisters them all', () => {
    expect([...t.ipc.handlers.keys()].sort()).toEqual(requestChannelNames.map(ipcChannelName).sort());
    t.unregister();
    expect(t.ipc.handlers.size).toBe(0);
  });

  for (const channel of requestChannelNames) {
    describe(channel, () => {
      const spec = cases[channel];

      it('answers a valid payload', async () => {
        const result = await t.ipc.invoke(channel, spec.valid, ourWindow);
        expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
        if (result.ok) spec.expect?.(result.value);
        expect(t.internal).toEqual([]);
      });

      it('rejects an invalid payload with invalid_request', async () => {
        const result = await t.ipc.invoke(channel, spec.invalid, ourWindow);
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      });

      it('refuses a foreign sender without running the handler', async () => {
        const before = JSON.stringify(t.core.list());
        for (const sender of [
          { sender: { id: 8 }, senderFrame: { url: rendererUrl, parent: null } },
          { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } },
          { sender: { id: 7 }, senderFrame: { url: rendererUrl, parent: {} } },
          { sender: { id: 7 }, senderFrame: null },
        ]) {
          expect(await t.ipc.invoke(channel, spec.valid, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        }
        expect(JSON.stringify(t.core.list())).toBe(before);
        expect(t.core.desktopSession).not.toBeNull();
      });
    });
  }

  it('answers an unknown channel with invalid_request (dispatcher)', async () => {
    expect(await t.dispatch('tenants.delete', {})).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await t.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('passes core errors through as {code, message}', async () => {
    expect(await t.ipc.invoke('tenants.switch', { tenantId: 't-west' }, ourWindow)).toEqual({ ok: false, error: { code: 'tenant_forbidden', message: 'You cannot switch to Acme West: membership is SUSPENDED.' } });
    expect(await t.ipc.invoke('segments.update', { segmentId, baseRevision: 'm:2025-12-31T00:00:00Z', name: 'x' }, ourWindow)).toMatchObject({ ok: false, error: { code: 'conflict', param: 'segment_id' } });
    expect(await t.ipc.invoke('segments.list', { expectedTenantId: 't-east' }, ourWindow)).toMatchObject({ ok: false, error: { code: 'tenant_mismatch' } });
    expect(await t.ipc.invoke('mcp.moveSession', { sessionId: 'desktop-1', tenantId: 't-east' }, ourWindow)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('answers signed_out when there is no desktop session', async () => {
    await t.ipc.invoke('account.signOut', undefined, ourWindow);
    expect(await t.ipc.invoke('tenants.list', undefined, ourWindow)).toMatchObject({ ok: false, error: { code: 'signed_out' } });
  });

  it('hides unexpected failures behind internal_error', async () => {
    t.core.desktopSession!.listSegments = async () => {
      throw new Error(`socket hang up with ${secretToken}`);
    };
    const result = await t.ipc.invoke('segments.list', {}, ourWindow);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(JSON.stringify(result)).not.toContain(secretToken);
    expect(t.internal).toHaveLength(1);
  });

  it('never sends a token to the window: not in answers, not in events', async () => {
    const answers: unknown[] = [];
    for (const channel of requestChannelNames) answers.push(await t.ipc.invoke(channel, cases[channel].valid, ourWindow));
    expect(t.sent.length).toBeGreaterThan(5);
    const everything = JSON.stringify([answers, t.sent]);
    expect(everything).not.toContain(secretToken);
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{5,}/);
    expect(everything).not.toMatch(/accessToken|refreshToken|access_token|refresh_token/);
  });
});
