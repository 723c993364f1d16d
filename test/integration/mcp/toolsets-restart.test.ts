/**
 * The person's toolsets ("Tools the AI sees" in the MCP panel, `mcp.setToolsets`) reach every open
 * conversation of the running app as tools/list_changed, and survive a restart: the next start lists the
 * same toolsets to new conversations over the socket, `mcp --attach` and the loopback HTTP endpoint. The
 * real app composition (file preferences in a config folder, the real socket bridge and HTTP endpoint), a
 * password sign-in to the demo API kept in a keychain across both starts, real SDK clients of both eras.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RequestChannel, ResponseOf } from '../../../src-shared/ipc';
import { createDesktopApp, type DesktopApp } from '../../../src-main/app/compose';
import { fileClientConfig } from '../../../src-main/app/client-config';
import { mcpBridgeStarter } from '../../../src-main/app/mcp-bridge';
import { startDemoApi, type DemoApi } from '../../../src-main/demo-api';
import { allTools } from '../../../src-main/mcp/tools';
import { isToolAllowed } from '../../../src-shared/tool-access';
import { defaultToolDomains, type ToolDomain } from '../../../src-shared/tool-domains';
import { FakeKeychainStore } from '../../helpers/secret-stores';
import { ensureCliBuilt } from './cli-helpers';
import { connectPeer, envelope, value, type Peer } from './peers';
import { tempSocketPath } from './socket-helpers';

let dir: string;
let demo: DemoApi;
let socket: { path: string; cleanup: () => void };
// A keychain that outlives both starts, as the OS keychain does (the sign-in is restored at the second).
const secrets = new FakeKeychainStore();
const apps: DesktopApp[] = [];
const peers: Peer[] = [];

beforeAll(async () => {
  await ensureCliBuilt();
  dir = mkdtempSync(join(tmpdir(), 'nc-toolsets-restart-'));
  demo = await startDemoApi({});
  socket = tempSocketPath();
}, 120_000);

afterEach(async () => {
  for (const peer of peers.splice(0)) await peer.close().catch(() => undefined);
  for (const app of apps.splice(0)) await app.close();
});

afterAll(async () => {
  await demo?.close();
  socket?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the app as the desktop does (not a demo run: preferences in a file, the sign-in restored from the store). */
async function start(): Promise<DesktopApp> {
  const home = join(dir, 'home');
  const app = await createDesktopApp({
    shell: 'serve',
    version: '0.1.0',
    demo: null,
    socketPath: socket.path,
    env: { HOME: home },
    platform: 'linux',
    startBridge: mcpBridgeStarter('0.1.0'),
    clientConfig: fileClientConfig({ command: 'nevent-companion', args: [] }, { env: { HOME: home }, platform: 'linux', home }),
    configDir: join(dir, 'config'),
    secretStore: secrets,
    log: () => undefined,
  });
  apps.push(app);
  return app;
}

/** The value of a successful dispatch. */
async function ok<C extends RequestChannel>(app: DesktopApp, channel: C, payload: unknown): Promise<ResponseOf<C>> {
  const result = await app.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

/** The names Read only lists with `domains` on (and the on-demand tool: some domain is always off here). */
const listedWith = (domains: readonly ToolDomain[]): string[] => [...allTools.filter((tool) => domains.includes(tool.domain) && isToolAllowed('READ_ONLY', tool.access)).map((tool) => tool.name), 'nevent_enable_tools'];

const names = async (peer: Peer): Promise<string[]> => (await peer.listTools()).tools.map((tool) => tool.name);

describe('the panel’s toolsets', () => {
  it('reach open conversations at once, and the next start lists them on every door', async () => {
    const first = await start();
    await ok(first, 'account.signIn', { method: 'password', apiUrl: demo.url, dataApiUrl: demo.dataUrl, email: 'owner@demo.nevent.local', password: 'demo' });
    await ok(first, 'mcp.httpEnable', { enabled: true });
    const { token, url } = await ok(first, 'mcp.httpCreateToken', undefined);

    let heard: () => void = () => undefined;
    const socketPeer = await connectPeer('modern', { kind: 'socket', path: socket.path }, 'before-restart', { onToolsChanged: () => heard() });
    peers.push(socketPeer);
    expect(await names(socketPeer)).toEqual(listedWith(defaultToolDomains));
    expect(envelope(await socketPeer.call('nevent_list_images', { tenant_id: 'tn-acme-es' })).code).toBe('toolset_not_enabled');

    // The person adds media and drops campaigns in the panel.
    const announced = new Promise<void>((resolve) => (heard = resolve));
    const chosen: ToolDomain[] = ['tenants', 'audiences', 'media', 'help'];
    expect(await ok(first, 'mcp.setToolsets', { toolsets: chosen })).toEqual({ toolsets: chosen });
    await announced;
    expect(await names(socketPeer)).toEqual(listedWith(chosen));
    expect(value(await socketPeer.call('nevent_list_images', { tenant_id: 'tn-acme-es' })).tenant_id).toBe('tn-acme-es');
    expect(envelope(await socketPeer.call('nevent_list_campaigns', { tenant_id: 'tn-acme-es' })).code).toBe('toolset_not_enabled');
    await first.close();
    apps.splice(0);
    peers.splice(0);

    // Saved where a person can read and edit it.
    const saved = JSON.parse(readFileSync(join(dir, 'config', 'preferences.json'), 'utf8')) as { settings: { toolsets?: string[] } };
    expect(saved.settings.toolsets).toEqual(chosen);

    const second = await start();
    expect(second.service.state().account.state).toBe('active');
    expect(await ok(second, 'settings.get', undefined)).toMatchObject({ toolsets: chosen });
    expect(second.mcpHttp.status()).toMatchObject({ state: 'listening', url });

    const afterRestart: Peer[] = [
      await connectPeer('modern', { kind: 'socket', path: socket.path }, 'socket-after-restart'),
      await connectPeer('legacy', { kind: 'stdio', args: ['mcp', '--attach', '--socket', socket.path] }, 'attach-after-restart'),
      await connectPeer('legacy', { kind: 'http', url: String(url), token }, 'http-after-restart'),
      await connectPeer('modern', { kind: 'http', url: String(url), token }, 'http-modern-after-restart'),
    ];
    peers.push(...afterRestart);
    for (const peer of afterRestart) {
      expect(await names(peer)).toEqual(listedWith(chosen));
      expect(value(await peer.call('nevent_list_images', { tenant_id: 'tn-acme-es' })).tenant_id).toBe('tn-acme-es');
    }
  }, 120_000);
});
