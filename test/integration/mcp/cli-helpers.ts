/** Helpers for tests that spawn the built CLI: build it once (safely across test files), connect clients. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { buildOnce } from '../../helpers/build-lock';
import { LineTransport } from '../../../src-main/mcp/line-transport';

/** The repository root. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The launcher every spawn goes through, as users run it. */
export const binPath = join(repoRoot, 'bin', 'nevent-companion.mjs');
const bundle = join(repoRoot, 'out', 'cli', 'nevent-companion.mjs');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  return existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(newestSource(join(repoRoot, 'src-main')), newestSource(join(repoRoot, 'src-shared')));
}

/** Runs `node scripts/build-cli.mjs` unless the bundle is newer than every source; one build at a time. */
export async function ensureCliBuilt(): Promise<void> {
  await buildOnce(join(dirname(bundle), '.test-build-lock'), 60_000, isFresh, () => {
    const built = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-cli.mjs')], { cwd: repoRoot, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`CLI build failed: ${built.stderr}`);
  });
}

/** A client connected to a spawned `nevent-companion` over stdio. */
export interface CliClient {
  client: Client;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  stderr(): string;
  close(): Promise<void>;
}

/** Spawns `node bin/nevent-companion.mjs <args>` and connects an SDK client to its stdio. */
export async function spawnCliClient(args: string[], env: Record<string, string> = {}, name = 'stdio-test'): Promise<CliClient> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [binPath, ...args],
    env: { ...getDefaultEnvironment(), NEVENT_COMPANION_CONFIG_DIR: join(repoRoot, 'test-results', 'no-config'), ...env },
    stderr: 'pipe',
    cwd: repoRoot,
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const client = new Client({ name, version: '2.0.0' });
  try {
    await client.connect(transport);
    await client.listTools();
  } catch (error) {
    // A bridge that exits before the handshake says why on stderr: put it in the failure.
    throw new Error(`${error instanceof Error ? error.message : String(error)}; the CLI's stderr: ${stderr.slice(-2000) || '(empty)'}`, { cause: error });
  }
  return {
    client,
    call: async (tool, toolArgs = {}) => (await client.callTool({ name: tool, arguments: toolArgs })) as CallToolResult,
    stderr: () => stderr,
    close: () => client.close(),
  };
}

/** JWT-shaped strings and the demo API's refresh tokens: none may ever reach a client or a log. */
// `rt_` only where a token starts (not inside a word): upstream's tool names contain `short_url_…`.
export const tokenPattern = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*|(?<![A-Za-z0-9_-])rt_[A-Za-z0-9_-]{16,}/;

/** A spawned bridge with an SDK client on its stdio, and how it ended (the exit code once stdin closed). */
export interface CliBridge extends CliClient {
  /** Raw stdout lines seen (everything the bridge wrote there). */
  stdoutLines(): string[];
  /** Resolves to the exit code after the process ended. */
  exited: Promise<number | null>;
}

/** Spawns `node bin/nevent-companion.mjs <args>` with exactly `env` (plus PATH) and connects an SDK client; `close` ends its stdin. */
export async function spawnCliBridge(args: string[], env: Record<string, string>): Promise<CliBridge> {
  const child = spawn(process.execPath, [binPath, ...args], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', ...env } });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const client = new Client({ name: 'stdio-test', version: '2.0.0' });
  await client.connect(new LineTransport(child.stdout, child.stdin, { destroy: () => child.stdin.end() }));
  return {
    client,
    call: async (tool, toolArgs = {}) => (await client.callTool({ name: tool, arguments: toolArgs })) as CallToolResult,
    stderr: () => stderr,
    stdoutLines: () => stdout.split('\n').filter((line) => line !== ''),
    close: () => client.close(),
    exited,
  };
}
