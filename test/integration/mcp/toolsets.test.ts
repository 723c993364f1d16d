/**
 * Toolsets through real clients of both protocol eras (the v2 client pinned to 2026-07-28, the v1 SDK
 * client with the 2025-11-25 handshake) over stdio, the app's socket, `mcp --attach` and the loopback HTTP
 * endpoint: a conversation starts with the person's toolsets; a domain the model turns on
 * (`nevent_enable_tools`) or the person turns on appears after tools/list_changed; a tool of a domain that
 * is off answers `toolset_not_enabled` with the way to turn it on; a client that ignores tools/list_changed
 * still runs an enabled domain's tool by name. Real core, demo API.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolsetsSetting } from '../../../src-main/app/toolsets-setting';
import { OperationModeSetting } from '../../../src-main/app/operation-mode-setting';
import { allTools } from '../../../src-main/mcp/tools';
import { isToolAllowed } from '../../../src-shared/tool-access';
import { defaultToolDomains, toolDomains, type ToolDomain } from '../../../src-shared/tool-domains';
import type { OperationMode } from '../../../src-shared/session';
import { binPath, repoRoot } from './cli-helpers';
import { connectPeer, envelope, value, type Era, type Peer, type PeerTarget } from './peers';
import { startTransports, type TransportName, type TransportsFixture } from './transports-fixture';

const mode = new OperationModeSetting('READ_ONLY');
const toolsets = new ToolsetsSetting(defaultToolDomains);
let doors: TransportsFixture;

beforeAll(async () => {
  doors = await startTransports(mode, toolsets);
}, 60_000);

afterAll(async () => {
  await doors?.close();
});

/** The names listed with `domains` on in `m`, in tools/list order, and the on-demand tool while any domain is off. */
function listedWith(domains: readonly ToolDomain[], m: OperationMode = 'READ_ONLY'): string[] {
  const names = allTools.filter((tool) => domains.includes(tool.domain) && isToolAllowed(m, tool.access)).map((tool) => tool.name);
  return toolDomains.every((domain) => domains.includes(domain)) ? names : [...names, 'nevent_enable_tools'];
}

/** Counts a peer's list-changed notifications; `next()` resolves at the next one. */
function heard(): { onToolsChanged: () => void; next: () => Promise<void> } {
  let waiters: Array<() => void> = [];
  return {
    onToolsChanged: () => {
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    },
    next: () => new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

const names = async (peer: Peer): Promise<string[]> => (await peer.listTools()).tools.map((tool) => tool.name);

const matrix: Array<[Exclude<TransportName, 'stdio'>, Era]> = [
  ['socket', 'modern'],
  ['socket', 'legacy'],
  ['attach', 'modern'],
  ['attach', 'legacy'],
  ['http', 'modern'],
  ['http', 'legacy'],
];

describe('toolsets on the app’s doors', () => {
  it.each(matrix)('%s, %s client: starts with the person’s toolsets; the model’s and the person’s additions arrive with tools/list_changed; an off domain’s tool answers the hint', async (transport, era) => {
    const changes = heard();
    const peer = await connectPeer(era, doors.targets()[transport] as PeerTarget, `toolsets-${transport}-${era}`, { onToolsChanged: changes.onToolsChanged });
    try {
      await peer.listening();
      // A 2026-07-28 HTTP conversation has no session of its own: it shares the endpoint's, so it may
      // already see what an earlier stateless conversation turned on; every other door starts afresh.
      const start = await names(peer);
      if (!(transport === 'http' && era === 'modern')) expect(start).toEqual(listedWith(defaultToolDomains));
      expect(start).not.toContain('nevent_list_short_url_user_links');

      const refused = envelope(await peer.call('nevent_analytics_table_schema', { table: 'campaigns', tenant_id: 'tn-acme-es' }));
      if (!start.includes('nevent_analytics_table_schema')) {
        expect(refused).toMatchObject({ code: 'toolset_not_enabled', param: 'domain' });
        expect(refused.message).toContain('nevent_enable_tools({"domain": "analytics"})');
      }

      // The model turns a domain on: announced, then listed, then it runs.
      let announced = changes.next();
      const enabled = value(await peer.call('nevent_enable_tools', { domain: 'analytics' }));
      expect(enabled.enabled).toBe('analytics');
      if (enabled.already_on === false) await announced;
      expect(await names(peer)).toContain('nevent_analytics_table_schema');
      expect(value(await peer.call('nevent_analytics_table_schema', { table: 'campaigns', tenant_id: 'tn-acme-es' })).tenant_id).toBe('tn-acme-es');

      // The person turns one on in the app: every open conversation hears it.
      announced = changes.next();
      toolsets.set([...defaultToolDomains, 'short-urls'], 'app');
      await announced;
      const withShortUrls = await names(peer);
      expect(withShortUrls).toContain('nevent_list_short_url_user_links');
      expect(value(await peer.call('nevent_list_short_urls', { tenant_id: 'tn-acme-es' })).tenant_id).toBe('tn-acme-es');

      // And off again: unlisted, and answered with the hint (this conversation never turned it on itself).
      announced = changes.next();
      toolsets.set(defaultToolDomains, 'app');
      await announced;
      expect(await names(peer)).not.toContain('nevent_list_short_url_user_links');
      expect(envelope(await peer.call('nevent_list_short_urls', { tenant_id: 'tn-acme-es' })).code).toBe('toolset_not_enabled');
    } finally {
      toolsets.set(defaultToolDomains, 'app');
      await peer.close();
    }
  }, 90_000);

  it.each(matrix)('%s, %s client that ignores tools/list_changed: a domain it turned on runs by name without a new list', async (transport, era) => {
    const peer = await connectPeer(era, doors.targets()[transport] as PeerTarget, `no-refresh-${transport}-${era}`);
    try {
      // Only the list of the handshake, as a client that never re-reads it.
      expect(await names(peer)).not.toContain('nevent_list_images');
      const enabled = value(await peer.call('nevent_enable_tools', { domain: 'media' }));
      expect((enabled.listed as Array<{ name: string }>).map((tool) => tool.name)).toEqual(['nevent_list_images']);
      expect(value(await peer.call('nevent_list_images', { tenant_id: 'tn-acme-es' })).tenant_id).toBe('tn-acme-es');
      // The mode still applies on top.
      expect(envelope(await peer.call('nevent_delete_image', { urls: ['https://cdn.example/a.png'], tenant_id: 'tn-acme-es' })).code).toBe('operation_not_permitted');
    } finally {
      await peer.close();
    }
  }, 60_000);
});

describe('stdio: nevent-companion mcp', () => {
  it.each<[Era, string[], Record<string, string>, readonly ToolDomain[]]>([
    ['modern', [], {}, defaultToolDomains],
    ['legacy', ['--toolsets', 'all'], {}, toolDomains],
    ['modern', [], { NEVENT_TOOLSETS: 'tenants,media' }, ['tenants', 'media']],
    ['legacy', ['--toolsets', 'default,templates'], { NEVENT_TOOLSETS: 'media' }, [...defaultToolDomains, 'templates']],
  ])('%s client, %j %j: lists those toolsets', async (era, args, env, expected) => {
    const peer = await connectPeer(era, { kind: 'stdio', args: ['mcp', '--demo', ...args], env }, 'stdio-toolsets');
    try {
      expect(await names(peer)).toEqual(listedWith(expected));
    } finally {
      await peer.close();
    }
  }, 60_000);

  it.each(['modern', 'legacy'] as const)('%s client: the model turns a domain on and hears tools/list_changed', async (era) => {
    const changes = heard();
    const peer = await connectPeer(era, { kind: 'stdio', args: ['mcp', '--demo'] }, 'stdio-enable', { onToolsChanged: changes.onToolsChanged });
    try {
      expect(envelope(await peer.call('nevent_paid_ads_status', { provider: 'meta' })).code).toBe('toolset_not_enabled');
      const announced = changes.next();
      value(await peer.call('nevent_enable_tools', { domain: 'paid-media' }));
      await announced;
      expect(await names(peer)).toEqual(listedWith([...defaultToolDomains, 'paid-media']));
      expect(value(await peer.call('nevent_paid_ads_status', { provider: 'meta' })).tenant_id).toBeDefined();
    } finally {
      await peer.close();
    }
  }, 60_000);

  it('a toolset list that names no toolset is refused at start, naming it (flag and variable)', () => {
    const flag = spawnSync(process.execPath, [binPath, 'mcp', '--demo', '--toolsets', 'tenants,campains'], { cwd: repoRoot, encoding: 'utf8', input: '' });
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('--toolsets: "campains" is not a toolset');
    const variable = spawnSync(process.execPath, [binPath, 'mcp', '--demo'], { cwd: repoRoot, encoding: 'utf8', input: '', env: { ...process.env, NEVENT_TOOLSETS: 'everything' } });
    expect(variable.status).toBe(2);
    expect(variable.stderr).toContain('NEVENT_TOOLSETS: "everything" is not a toolset');
  });
});
