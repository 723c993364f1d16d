/**
 * A secret service that accepts the connection and then never answers: every keychain call ends with
 * `keychain_timeout` instead of hanging the app, and opening the store falls back to memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore, loadKeytar, openSecretStore } from '../../src-main/core/keychain/keytar-secret-store';
import { withTimeouts } from '../../src-main/core/keychain/secret-store';

let dir: string;
let server: Server;
const sockets: Socket[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nevent-hang-'));
  const path = join(dir, 'bus');
  // Swallows every byte and never replies: the D-Bus handshake never completes.
  server = createServer((socket) => {
    sockets.push(socket);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${path}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('a keychain that hangs', () => {
  it('times out instead of hanging', async () => {
    const keytar = await loadKeytar();
    if (keytar === null) throw new Error('keytar did not load');
    const store = withTimeouts(new KeytarSecretStore(keytar), 300);
    const started = Date.now();
    await expect(store.get('nevent-companion:test', 'someone')).rejects.toMatchObject({ code: 'keychain_timeout' });
    expect(Date.now() - started).toBeLessThan(5000);

    const opened = await openSecretStore({ timeoutMs: 300 });
    expect(opened.store.kind).toBe('memory');
    expect(opened.warning).toMatch(/did not answer.*sign-in will not be remembered/);
  });
});
