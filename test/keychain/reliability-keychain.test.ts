/**
 * Keychain trouble end to end, through the real `nevent-companion login`/`status` and the core: a
 * locked gnome-keyring (its own throwaway D-Bus session, the login collection locked over D-Bus), a
 * secret service that hangs, none at all, and a store that never answers. Every case ends within a
 * bound with a plain message, and no file under the config directory holds any token the API issued
 * (captured by a proxy in front of the demo API).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/create-core';
import { withTimeouts, type SecretStore } from '../../src-main/core/secret-store';
import { binPath, repoRoot } from '../integration/mcp/cli-helpers';
import { useProxiedDemo } from '../integration/reliability/proxied-demo-fixture';
import type { TokenCaptureProxy } from '../integration/reliability/token-capture-proxy';

const fixture = useProxiedDemo();
const tempDir = fixture.tempDir;
let proxy: TokenCaptureProxy;
beforeAll(() => {
  proxy = fixture.proxy();
});

/** Runs a command, bounded; resolves with its output, exit code and duration. */
function run(command: string, args: string[], env: Record<string, string>, input: string, timeoutMs: number, doneWhen?: RegExp): Promise<{ output: string; code: number | null; ms: number }> {
  const started = Date.now();
  const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    const onData = (chunk: string): void => {
      output += chunk;
      if (doneWhen === undefined || !doneWhen.test(output)) return;
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve({ output, code: null, ms: Date.now() - started });
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} still running after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ output, code, ms: Date.now() - started });
    });
  });
}

/** Every file under `dir` that contains any captured token (whole or its signature). */
function filesWithTokens(dir: string): string[] {
  const needles = [...proxy.tokens].flatMap((t) => [t, t.split('.')[2] ?? t]).filter((n) => n.length >= 16);
  const hits: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const text = readFileSync(path, 'latin1');
        if (needles.some((n) => text.includes(n))) hits.push(path);
      }
    }
  };
  walk(dir);
  return hits;
}

const cli = (args: string): string => `${JSON.stringify(process.execPath)} ${JSON.stringify(binPath)} ${args}`;

describe.skipIf(process.platform !== 'linux')('keychain trouble', () => {
  it('a locked keyring: login says the sign-in will not be remembered, status finds nothing, no token on disk', async () => {
    const home = tempDir('nevent-locked-');
    const config = join(home, 'config');
    const tokensBefore = proxy.tokens.size;
    // Own bus and daemon: the suite's unlocked keyring is not touched.
    const script = [
      'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
      'busctl --user call org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service Lock ao 1 /org/freedesktop/secrets/collection/login >/dev/null',
      `${cli(`login --api-url ${proxy.url} --email owner@demo.nevent.local --password-stdin`)}; echo "login exit $?"`,
      `${cli('status')} </dev/null; echo "status exit $?"`,
    ].join('\n');
    const result = await run('dbus-run-session', ['--', 'sh', '-c', script], { HOME: home, NEVENT_COMPANION_CONFIG_DIR: config }, 'demo', 45_000);
    const lines = result.output.split('\n').filter((l) => !/dbus-daemon|gcr-prompter|^$/.test(l));
    const text = lines.join('\n');
    expect(text).toMatch(/Signed in to .* as owner@demo\.nevent\.local/);
    expect(text).toMatch(/keychain.*locked.*sign-in will not be remembered/i);
    expect(text).toMatch(/Not signed in/);
    expect(proxy.tokens.size).toBeGreaterThan(tokensBefore);
    expect(filesWithTokens(home)).toEqual([]);
    expect(text).not.toMatch(/eyJ[\w-]{5,}\.|rt_[\w-]{16,}/);
  }, 60_000);

  // Known limit: after the time-out the process cannot leave at once. keytar's native call sits in a
  // libuv worker thread on the dead bus, and Node joins that pool on exit (even process.exit), until
  // D-Bus gives up (about 25 s). The user sees the answer in time; this test holds that, and ends the
  // process itself.
  it('a secret service that never answers: login answers within the keychain time-out with a plain warning', async () => {
    const home = tempDir('nevent-hanging-');
    const sockets: Socket[] = [];
    const bus: Server = createServer((socket) => {
      sockets.push(socket);
      socket.on('data', () => undefined);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => bus.listen(join(home, 'bus'), resolve));
    try {
      const result = await run(process.execPath, [binPath, 'login', '--api-url', proxy.url, '--email', 'admin@demo.nevent.local', '--password-stdin'], { HOME: home, NEVENT_COMPANION_CONFIG_DIR: join(home, 'config'), DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'bus')}` }, 'demo', 30_000, /will not be remembered.*\n/);
      expect(result.output).toMatch(/Signed in/);
      expect(result.output).toMatch(/keychain.*(did not answer|not available)/i);
      expect(result.output).toMatch(/will not be remembered/);
      expect(result.ms).toBeLessThan(15_000);
      expect(filesWithTokens(home)).toEqual([]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => bus.close(() => resolve()));
    }
  }, 40_000);

  it('no secret service at all: login works for the run, says so, writes no token', async () => {
    const home = tempDir('nevent-nobus-');
    const result = await run(process.execPath, [binPath, 'login', '--api-url', proxy.url, '--email', 'solo@demo.nevent.local', '--password-stdin'], { HOME: home, NEVENT_COMPANION_CONFIG_DIR: join(home, 'config'), DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'no-bus')}` }, 'demo', 30_000);
    expect(result.output).toMatch(/Signed in/);
    expect(result.output).toMatch(/will not be remembered/);
    expect(filesWithTokens(home)).toEqual([]);
  }, 40_000);

  it('a store that never answers (core): sign-in, restore and sign-out all end in time, nothing in plain text', async () => {
    const configDir = tempDir('nevent-never-');
    const never: SecretStore = { kind: 'keychain', get: () => new Promise(() => undefined), set: () => new Promise(() => undefined), delete: () => new Promise(() => undefined) };
    const store = withTimeouts(never, 300);
    const core = await createCore({ apiUrl: proxy.url, dataApiUrl: proxy.dataUrl, secretStore: store, configDir, desktop: true });
    const started = Date.now();
    const signIn = await core.account.signIn({ type: 'password', email: 'owner@demo.nevent.local', password: 'demo' }).then(
      () => null,
      (error: unknown) => error as { code?: string; message?: string },
    );
    // Either the sign-in holds for this run with a warning, or it fails plainly with the keychain code.
    if (signIn === null) expect(core.account.status().warning ?? '').toMatch(/keychain|remembered/i);
    else expect(signIn.code).toMatch(/^keychain_/);
    const next = await createCore({ apiUrl: proxy.url, secretStore: store, configDir });
    const restored = await next.account.restore().catch((error: unknown) => error as { code?: string });
    expect(restored === false || (typeof restored === 'object' && /^keychain_/.test(restored.code ?? ''))).toBe(true);
    await core.account.signOut().catch(() => undefined);
    expect(Date.now() - started).toBeLessThan(10_000);
    core.dispose();
    next.dispose();
    expect(filesWithTokens(configDir)).toEqual([]);
  }, 30_000);
});
