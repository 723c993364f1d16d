/**
 * The socket bridge against the real core and demo API (in-process), driven by SDK clients over a real
 * unix socket, and by `nevent-companion mcp --attach` spawned from the built CLI.
 */
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { startMcpSocketServer } from '../../../src-main/mcp/socket-server';
import type { McpSocketServer } from '../../../src-main/mcp/socket-server';
import { startCoreFixture } from '../../helpers/core-fixture';
import type { CoreFixture } from '../../helpers/core-fixture';
import { ensureCliBuilt, spawnCliClient, tokenPattern } from './cli-helpers';
import { failure, ok } from './envelope-assert';
import { connectClient, rawConnect, readUntilClosed, tempSocketPath, waitFor } from './socket-helpers';
import { fixedMode } from '../../../src-main/mcp/operation-mode';

let fixture: CoreFixture;
let server: McpSocketServer;
let temp: { path: string; cleanup: () => void };
let audit: McpAuditLog;

beforeAll(async () => {
  await ensureCliBuilt();
  fixture = await startCoreFixture({ user: 'owner' });
  temp = tempSocketPath();
  audit = new McpAuditLog();
  server = await startMcpSocketServer({ registry: fixture.core.registry, socketPath: temp.path, mode: fixedMode('READ_ONLY'), audit, maxLineBytes: 256 * 1024 });
}, 120_000);

afterAll(async () => {
  await server.close();
  await fixture.close();
  temp.cleanup();
});

describe.skipIf(process.platform === 'win32')('MCP socket bridge with the real core', () => {
  it('puts the socket (0600) in a private directory (0700)', () => {
    expect(statSync(dirname(temp.path)).mode & 0o777).toBe(0o700);
    expect(statSync(temp.path).mode & 0o777).toBe(0o600);
  });

  it('isolates two connections: each switches to its own tenant and sees only its own segments', async () => {
    const a = await connectClient(temp.path, 'assistant-a');
    const b = await connectClient(temp.path, 'assistant-b');
    try {
      expect(ok(await a.call('nevent_switch_tenant', { tenantId: 'tn-acme-es' })).active_tenant_id).toBe('tn-acme-es');
      expect(ok(await b.call('nevent_switch_tenant', { tenantId: 'tn-acme-fr' })).active_tenant_id).toBe('tn-acme-fr');

      const [segA, segB] = await Promise.all([a.call('nevent_list_segments'), b.call('nevent_list_segments')]);
      const listA = ok(segA);
      const listB = ok(segB);
      expect(listA.tenant_id).toBe('tn-acme-es');
      expect(listB.tenant_id).toBe('tn-acme-fr');
      const idsA = (listA.segments as { id: string }[]).map((s) => s.id);
      const idsB = (listB.segments as { id: string }[]).map((s) => s.id);
      expect(idsA.length).toBeGreaterThan(0);
      expect(idsA.filter((id) => idsB.includes(id))).toEqual([]);
      // A's segment is not found from B's tenant.
      expect(failure(await b.call('nevent_get_segment', { segment_id: idsA[0]! })).code).toBe('not_found');

      // The desktop session did not move.
      expect(fixture.core.registry.desktop?.snapshot().activeTenantId).toBe('tn-acme');
      // Each connection's session is in the registry with its client name.
      const names = fixture.core.registry.snapshots().filter((s) => s.kind === 'mcp').map((s) => `${s.clientName}@${s.activeTenantId}`);
      expect(names).toEqual(expect.arrayContaining(['assistant-a@tn-acme-es', 'assistant-b@tn-acme-fr']));
      // And the audit log says who did what: one entry per switch, with where it went and the id asked for.
      const switches = audit.entries().filter((e) => e.kind === 'switch');
      expect(switches.map((e) => `${e.clientName}:${e.fromTenantId}→${e.targetTenantId}:${e.tenantId}`).sort()).toEqual(['assistant-a:tn-acme→tn-acme-es:tn-acme-es', 'assistant-b:tn-acme→tn-acme-fr:tn-acme-fr']);
      expect(audit.entries().filter((e) => e.name === 'nevent_switch_tenant')).toHaveLength(2);
      const call = switches.find((e) => e.clientName === 'assistant-a');
      expect(call).toMatchObject({ argKeys: ['tenantId'], args: [{ key: 'tenantId', value: 'tn-acme-es' }], result: 'ok', clientVersion: '1.0.0', domain: 'tenants' });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('ends the core session when the connection ends', async () => {
    const named = (name: string) => fixture.core.registry.snapshots().some((s) => s.kind === 'mcp' && s.clientName === name);
    const c = await connectClient(temp.path, 'short-lived');
    try {
      await waitFor(() => named('short-lived'));
    } finally {
      await c.close();
    }
    await waitFor(() => !named('short-lived'));
  });

  it('refusals and guards leave the session unchanged; every error follows the envelope', async () => {
    const c = await connectClient(temp.path);
    try {
      ok(await c.call('nevent_switch_tenant', { tenantId: 'tn-acme-pt' }));
      for (const tenantId of ['tn-acme-lyon', 'tn-acme-porto', 'tn-nope']) {
        failure(await c.call('nevent_switch_tenant', { tenantId }));
        expect(ok(await c.call('nevent_get_active_tenant')).active_tenant_id).toBe('tn-acme-pt');
      }
      expect(ok(await c.call('nevent_list_campaigns', { tenant_id: 'tn-acme' })).tenant_id).toBe('tn-acme');
      expect(failure(await c.call('nevent_list_campaigns', { tenant_id: 'tn-acme-lyon' })).code).toBe('tenant_not_found');
      expect(failure(await c.call('nevent_update_segment', { segment_id: '0123456789abcdef01234567', name: 'x' })).code).toBe('operation_not_permitted');
      expect(ok(await c.call('nevent_get_active_tenant')).active_tenant_id).toBe('tn-acme-pt');
    } finally {
      await c.close();
    }
  });

  it('closes connections sending an over-long line, invalid JSON, or churning, without disturbing a working session', async () => {
    const good = await connectClient(temp.path, 'steady');
    try {
      ok(await good.call('nevent_switch_tenant', { tenantId: 'tn-acme-es' }));

      const flooder = await rawConnect(temp.path);
      const flooded = readUntilClosed(flooder);
      flooder.write(`{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":"${'x'.repeat(512 * 1024)}"}}\n`);
      await flooded;

      const garbage = await rawConnect(temp.path);
      const garbled = readUntilClosed(garbage);
      garbage.write('\u0000\u0001 definitely not json\n');
      expect(JSON.parse((await garbled).trim())).toMatchObject({ jsonrpc: '2.0', error: { code: -32700 } });

      await Promise.all(
        Array.from({ length: 100 }, async () => {
          const socket = await rawConnect(temp.path);
          socket.destroy();
        }),
      );

      expect(ok(await good.call('nevent_list_segments')).tenant_id).toBe('tn-acme-es');
      // Only the steady connection remains.
      await waitFor(() => server.connectionCount() === 1, 10_000);
      await waitFor(() => fixture.core.registry.snapshots().filter((s) => s.kind === 'mcp').length === 1, 10_000);
      expect(fixture.core.registry.snapshots().find((s) => s.kind === 'mcp')?.clientName).toBe('steady');
    } finally {
      await good.close();
    }
  });

  it('round-trips a session through `nevent-companion mcp --attach --socket PATH`', async () => {
    const c = await spawnCliClient(['mcp', '--attach', '--socket', temp.path], {}, 'attached-client');
    try {
      const listed = ok(await c.call('nevent_list_tenants'));
      expect(listed.active_tenant_id).toBe('tn-acme');
      expect(ok(await c.call('nevent_switch_tenant', { tenantId: 'tn-acme-madrid' })).active_tenant_id).toBe('tn-acme-madrid');
      expect(ok(await c.call('nevent_list_campaigns')).tenant_id).toBe('tn-acme-madrid');
      const session = fixture.core.registry.snapshots().find((s) => s.clientName === 'attached-client');
      expect(session?.activeTenantId).toBe('tn-acme-madrid');
      expect(ok(await c.call('nevent_reset_tenant')).active_tenant_id).toBe('tn-acme');
      expect(c.stderr()).not.toMatch(tokenPattern);
    } finally {
      await c.close();
    }
    await waitFor(() => !fixture.core.registry.snapshots().some((s) => s.clientName === 'attached-client'));
  });
});
