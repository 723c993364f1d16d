/**
 * Per-tenant tokens under pressure: one pooled connection names many tenants of one account
 * at once. Minting is single-flight per tenant; when every access token is refused at once, each
 * tenant's token is refreshed exactly once through the account's broker and no refresh token is ever
 * sent twice (the demo API counts reuses). For a SUPERADMIN every refresh comes back in the tenant the
 * API persisted (each mint and re-scope puts the account's own back), and each token is re-scoped to its
 * own tenant.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DemoUserName } from '../../../src-main/core/demo-sign-in';
import { fixedMode } from '../../../src-main/mcp/operation-mode';
import { startMcpSocketServer, type McpSocketServer } from '../../../src-main/mcp/socket-server';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { connectPeer, value, type Peer } from '../mcp/peers';
import { tempSocketPath } from '../mcp/socket-helpers';
import { within } from './reliability-helpers';

const ownerTenants = ['tn-acme-es', 'tn-acme-fr', 'tn-acme-pt', 'tn-acme-madrid', 'tn-acme-barcelona', 'tn-acme-valencia', 'tn-acme-paris', 'tn-acme-lisbon'];
const superTenants = ['tn-acme', 'tn-globex', 'tn-initech', 'tn-acme-es', 'tn-globex-de', 'tn-acme-fr'];

let fixture: CoreFixture | null = null;
let server: McpSocketServer | null = null;
let peer: Peer | null = null;
let temp: { path: string; cleanup: () => void } | null = null;

afterEach(async () => {
  await peer?.close();
  await server?.close();
  await fixture?.close();
  temp?.cleanup();
  peer = null;
  server = null;
  fixture = null;
});

async function start(user: DemoUserName): Promise<{ fixture: CoreFixture; peer: Peer }> {
  fixture = await startCoreFixture({ user });
  temp = tempSocketPath();
  server = await startMcpSocketServer({ registry: fixture.core.registry, socketPath: temp.path, mode: fixedMode('READ_ONLY') });
  peer = await connectPeer('modern', { kind: 'socket', path: temp.path }, `storm-${user}`);
  return { fixture, peer };
}

/** Calls `perTenant` tools in every tenant at once; every answer must come from the tenant it named. */
async function burst(p: Peer, tenants: readonly string[], perTenant: number): Promise<void> {
  const calls = tenants.flatMap((tenant) => Array.from({ length: perTenant }, (_, i) => ({ tenant, tool: i % 2 === 0 ? 'nevent_list_segments' : 'nevent_list_campaigns' })));
  const answers = await within(20_000, Promise.all(calls.map(async ({ tenant, tool }) => ({ tenant, answer: value(await p.call(tool, { tenant_id: tenant })) }))), 'burst');
  for (const { tenant, answer } of answers) expect(answer.tenant_id).toBe(tenant);
}

describe('per-tenant tokens of one account', () => {
  it.each([
    ['owner', ownerTenants],
    ['superadmin', superTenants],
  ] as const)('%s: one mint per tenant, then one refresh per token and never a refresh token twice', async (user, tenants) => {
    const { fixture: f, peer: p } = await start(user);
    const home = value(await p.call('nevent_get_active_tenant')).active_tenant_id;
    const atStart = f.demo.faults.stats();
    await burst(p, tenants, 3);
    const minted = f.demo.faults.stats();
    // The home tenant needs no second token; every other tenant is minted once however many calls race
    // (for a SUPERADMIN each mint is followed by one switch that puts the persisted tenant back).
    expect(minted.switchCalls - atStart.switchCalls).toBe(tenants.filter((t) => t !== home).length * (user === 'superadmin' ? 2 : 1));

    f.demo.faults.expireAccessTokens();
    await burst(p, tenants, 3);
    const stormed = f.demo.faults.stats();
    expect(stormed.refreshReuseRejected).toBe(0);
    // One refresh per token in use: each tenant's own (the home tenant's is the session's).
    expect(stormed.refreshCalls - minted.refreshCalls).toBe(tenants.length);
    // A SUPERADMIN's refreshes come back in the persisted tenant: re-scoped, never answered from there.
    if (user === 'superadmin') expect(stormed.switchCalls).toBeGreaterThan(minted.switchCalls);
    else expect(stormed.switchCalls).toBe(minted.switchCalls);

    // The connection never moved.
    expect(value(await p.call('nevent_get_active_tenant')).active_tenant_id).toBe(home);
    await burst(p, tenants, 1);
    expect(f.demo.faults.stats().refreshReuseRejected).toBe(0);
  }, 60_000);
});
