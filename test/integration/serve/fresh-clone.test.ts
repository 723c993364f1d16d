/**
 * The README's path from a fresh clone: the checkout's files in an empty folder,
 * `npm install` (offline, from the local npm cache, as on a machine that cannot reach GitHub), then
 * `npm start` (no Electron binary here: it must point to `serve`) and `npx nevent-companion serve --demo`,
 * which must serve the UI, not "The web UI is not built".
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest } from '../../unit/shell/http-client';
import { repoRoot } from '../mcp/cli-helpers';

/** What a clone would hold: tracked files plus new ones not ignored (so uncommitted work is tested too). */
function copyCheckout(to: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter((name) => name !== '')) {
    const from = join(repoRoot, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(from, join(to, file));
  }
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end without blocking the test worker. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the README path from a fresh clone', () => {
  const base = mkdtempSync(join(tmpdir(), 'nc-fresh-clone-'));
  const clone = join(base, 'nevent-companion');
  const home = join(base, 'home');
  const npmCache = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim();
  // Offline, and any download (Electron, prebuilt addons) goes to a closed port and fails at once.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    NEVENT_COMPANION_CONFIG_DIR: join(home, 'config'),
    NEVENT_RENDERER_DIR: '',
    NEVENT_OPERATION_MODE: '',
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    npm_config_cache: npmCache,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
  };
  let install: Ran;

  beforeAll(async () => {
    mkdirSync(home, { recursive: true });
    copyCheckout(clone);
    install = await run('npm', ['install'], clone, env, 540_000);
  }, 600_000);
  // node_modules is half a gigabyte: removing it takes a while on a loaded machine.
  afterAll(() => rm(base, { recursive: true, force: true }), 180_000);

  it('`npm install` builds the CLI, the UI and the MCP App views, and says which Node runs what', () => {
    expect(install.code, install.stderr).toBe(0);
    expect(existsSync(join(clone, 'out', 'cli', 'nevent-companion.mjs'))).toBe(true);
    expect(existsSync(join(clone, 'out', 'renderer', 'index.html'))).toBe(true);
    expect(existsSync(join(clone, 'out', 'apps', 'view.html'))).toBe(true);
    expect(install.stdout).toMatch(/ready on Node \d+\.\d+\.\d+\..*Node 20\.19\+/);
    expect(install.stdout).toMatch(/`npm run dist`\) (needs Node 22\.12\+|works on this Node)/);
    // keytar was built here (compiler and libsecret headers are installed): the install says it works.
    expect(install.stdout).toContain('nevent-companion: The OS keychain module (keytar) works');
  });

  it('`npm start` without the Electron binary points to `npx nevent-companion serve --demo`', async () => {
    const started = await run('npm', ['start'], clone, env, 60_000);
    expect(started.code).not.toBe(0);
    expect(started.stderr).toContain('npx nevent-companion serve --demo');
  }, 90_000);

  it('`npx nevent-companion serve --demo` serves the UI, its assets and the API', async () => {
    const child = spawn('npx', ['nevent-companion', 'serve', '--demo', '--socket', join(home, 'sock', 'mcp.sock')], { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const uiUrl = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        const timer = setTimeout(() => reject(new Error(`serve printed no ui: line in time; stderr: ${stderr}`)), 60_000);
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          const line = stdout.split('\n').find((candidate) => candidate.startsWith('ui: '));
          if (line !== undefined) {
            clearTimeout(timer);
            resolve(line.slice('ui: '.length));
          }
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}; stderr: ${stderr}`)));
      });
      const url = new URL(uiUrl);
      const port = Number(url.port);
      const page = await httpRequest(port, { path: `${url.pathname}${url.search}` });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<div id="root">');
      const script = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(page.body)?.[1];
      expect(script).toBeDefined();
      const asset = await httpRequest(port, { path: `/${script}` });
      expect(asset.status).toBe(200);
      expect(asset.body.length).toBeGreaterThan(1000);
    } finally {
      // The whole group this test started: npx and the node process it runs.
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  }, 90_000);

  it('`npm run bundle` makes the Claude Desktop bundle (validated by @anthropic-ai/mcpb as it is packed) and its registry entry', async () => {
    const bundled = await run('npm', ['run', 'bundle'], clone, env, 120_000);
    expect(bundled.code, `${bundled.stdout}\n${bundled.stderr}`).toBe(0);
    expect(bundled.stdout).toMatch(/dist\/nevent-companion\.mcpb \(\d+ KiB; server \d+ KiB, \d+ tools listed\)/);
    expect(existsSync(join(clone, 'dist', 'nevent-companion.mcpb'))).toBe(true);
    expect(existsSync(join(clone, 'dist', 'server.json'))).toBe(true);
  }, 150_000);

  // Last: it takes keytar out of the clone, as npm does where keytar cannot be built.
  it('`status` says when npm left the keychain module out, and what to install', async () => {
    await rm(join(clone, 'node_modules', 'keytar'), { recursive: true, force: true });
    const status = await run('npx', ['nevent-companion', 'status'], clone, env, 60_000);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain('Keychain: npm left out the OS keychain module (keytar)');
    if (process.platform === 'linux') expect(status.stdout).toContain('sudo apt install build-essential libsecret-1-dev');
    const json = await run('npx', ['nevent-companion', 'status', '--json'], clone, env, 60_000);
    expect(JSON.parse(json.stdout)).toMatchObject({ signedIn: false, keychain: 'unavailable', keychainModule: 'missing', warning: expect.stringMatching(/^npm left out/) });
  }, 120_000);
});
