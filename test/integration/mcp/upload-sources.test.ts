/**
 * Where `nevent_upload_image` may read from (bad input): an image URL is fetched only from a
 * public address — this computer, its networks and the cloud metadata address are refused before any
 * byte is sent, by name or by address literal — unless the person allowed local addresses; and the
 * folders named in the app's Settings apply to open AI connections at the next call, checked before
 * they are saved. Real parts: the core over the demo API, a real SDK client on the app's socket, a real
 * HTTP image server on loopback.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../../src-shared/ipc';
import { createDesktopApp, type DesktopApp } from '../../../src-main/app/compose';
import { fileClientConfig } from '../../../src-main/app/client-config';
import { mcpBridgeStarter } from '../../../src-main/app/mcp-bridge';
import type { UploadPolicy } from '../../../src-main/mcp/tool';
import { failure, ok } from './envelope-assert';
import { connectClient, tempSocketPath, type SocketClient } from './socket-helpers';
import { startSocketToolset, type SocketToolset } from './socket-toolset-fixture';

/** A 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let dir: string;
let images: Server;
let port: number;
/** Requests the image server received: a refused fetch must not reach it. */
const requested: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nc-upload-sources-'));
  mkdirSync(join(dir, 'pictures'));
  writeFileSync(join(dir, 'pictures', 'logo.png'), png);
  writeFileSync(join(dir, 'not-a-folder.txt'), 'x');
  images = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (req.url === '/poster.png') res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    // A public-looking first hop that sends the fetch to the cloud metadata address.
    else if (req.url === '/to-metadata') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  port = (images.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => images.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('image URLs: public addresses only, unless allowed', () => {
  let toolset: SocketToolset;
  let mcp: SocketClient;
  const policy: UploadPolicy = { folders: [], allowLocalUrls: false };

  beforeAll(async () => {
    toolset = await startSocketToolset('upload-sources', { uploads: () => policy });
    mcp = toolset.mcp;
  }, 120_000);

  afterAll(async () => {
    await toolset?.close();
  });

  it.each([
    ['loopback by address', () => `http://127.0.0.1:${port}/poster.png`],
    ['loopback by name (the resolved address is checked)', () => `http://localhost:${port}/poster.png`],
    ['IPv6 loopback', () => `http://[::1]:${port}/poster.png`],
    ['IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${port}/poster.png`],
    ['loopback as one decimal number', () => `http://2130706433:${port}/poster.png`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a private network', () => 'http://192.168.1.1/router.png'],
  ])('refuses %s and fetches nothing', async (_what, url) => {
    const before = requested.length;
    const refused = failure(await mcp.call('nevent_upload_image', { source: url() }));
    expect(refused).toMatchObject({ code: 'operation_not_permitted', param: 'source' });
    expect(refused.message).toContain('public addresses');
    expect(refused.message).toContain('NEVENT_UPLOAD_LOCAL_URLS');
    expect(requested.length).toBe(before);
  });

  it('with local addresses allowed (asked on each call), the same URL uploads; a redirect is checked hop by hop', async () => {
    policy.allowLocalUrls = true;
    try {
      const uploaded = ok(await mcp.call('nevent_upload_image', { source: `http://localhost:${port}/poster.png` }));
      expect(uploaded).toMatchObject({ mimeType: 'image/png', sizeBytes: png.length });
    } finally {
      policy.allowLocalUrls = false;
    }
    // Not allowed again: even the redirect's first hop is refused, so the metadata address is never asked.
    expect(failure(await mcp.call('nevent_upload_image', { source: `http://127.0.0.1:${port}/to-metadata` }))).toMatchObject({ code: 'operation_not_permitted' });
  });
});

describe.skipIf(process.platform === 'win32')('upload folders named in Settings', () => {
  let app: DesktopApp;
  let socket: { path: string; cleanup: () => void };
  let mcp: SocketClient;
  const pushed: Settings[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    socket = tempSocketPath();
    const home = join(dir, 'home');
    app = await createDesktopApp({
      shell: 'serve',
      version: '0.1.0',
      demo: { user: 'owner' },
      socketPath: socket.path,
      operationMode: 'FULL',
      env: { HOME: home, NEVENT_UPLOAD_DIRS: '' },
      platform: 'linux',
      startBridge: mcpBridgeStarter('0.1.0'),
      clientConfig: fileClientConfig({ command: 'nevent-companion', args: [] }, { env: { HOME: home }, platform: 'linux', home }),
      configDir: join(dir, 'config'),
      log: (line) => logs.push(line),
    });
    app.events.subscribe((channel, payload) => {
      if (channel === 'settings.onDidChange') pushed.push(payload as Settings);
    });
    mcp = await connectClient(socket.path, 'upload-folders');
  }, 120_000);

  afterAll(async () => {
    await mcp?.close();
    await app?.close();
    socket?.cleanup();
  });

  const update = (uploadFolders: string[]) => app.dispatch('settings.update', { uploadFolders });
  const upload = () => mcp.call('nevent_upload_image', { file_path: join(dir, 'pictures', 'logo.png') });

  it('refuses a folder that is not one, saving nothing', async () => {
    for (const [folder, says] of [
      ['pictures', 'not a full path'],
      [join(dir, 'missing'), 'no folder at'],
      [join(dir, 'not-a-folder.txt'), 'is a file'],
      ['/', 'root of a disk'],
    ] as const) {
      const result = await update([folder]);
      expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed', param: 'uploadFolders' } });
      expect(result.ok ? '' : result.error.message).toContain(says);
    }
    const settings = await app.dispatch('settings.get', undefined);
    expect(settings).toMatchObject({ ok: true, value: { uploadFolders: [] } });
    expect(failure(await upload())).toMatchObject({ code: 'operation_not_permitted', param: 'file_path' });
  });

  it('a named folder applies to the open connection at its next call, is pushed to every window, and removing it closes it again', async () => {
    const added = await update([`${join(dir, 'pictures')}/`]);
    // Saved resolved (no trailing slash), and pushed as saved.
    expect(added).toMatchObject({ ok: true, value: { uploadFolders: [join(dir, 'pictures')] } });
    expect(pushed.at(-1)?.uploadFolders).toEqual([join(dir, 'pictures')]);
    expect(ok(await upload())).toMatchObject({ mimeType: 'image/png' });

    expect(await update([])).toMatchObject({ ok: true, value: { uploadFolders: [] } });
    expect(pushed.at(-1)?.uploadFolders).toEqual([]);
    expect(failure(await upload())).toMatchObject({ code: 'operation_not_permitted' });
  });
});
