/**
 * How the real-client suite runs each AI client: in a throwaway home, with the entries `nevent-companion
 * config <client> --write` puts there, asking the client for its own model-free view of its MCP servers
 * (`<client> mcp list`; Codex's `mcp list` only reads the file, so its app server's `mcpServerStatus/list`,
 * which connects and lists each server's tools).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binPath, repoRoot } from '../mcp/cli-helpers';
import type { RealClients } from '../../helpers/real-clients';

/** A throwaway home for one client run, and the folder the client runs in. */
export interface ClientHome {
  home: string;
  cwd: string;
  /** The environment a client (and `config`) sees: only this home, none of the person's settings. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
}

/** A fresh home; Gemini CLI is told the working folder is trusted (it ignores every server in untrusted ones). */
export function clientHome(clients: RealClients): ClientHome {
  const home = mkdtempSync(join(tmpdir(), 'nc-real-client-'));
  const cwd = join(home, 'work');
  mkdirSync(join(home, '.gemini'), { recursive: true });
  mkdirSync(cwd);
  writeFileSync(join(home, '.gemini', 'trustedFolders.json'), JSON.stringify({ [cwd]: 'TRUST_FOLDER' }));
  const base: NodeJS.ProcessEnv = {
    PATH: clients.path,
    HOME: home,
    USERPROFILE: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    XDG_CACHE_HOME: join(home, '.cache'),
    TMPDIR: tmpdir(),
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
    TERM: 'dumb',
    // Nothing of theirs phones home or updates itself during a test.
    DISABLE_AUTOUPDATER: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    OPENCODE_DISABLE_AUTOUPDATE: '1',
    OPENCODE_DISABLE_SHARE: '1',
  };
  return { home, cwd, env: (extra = {}) => ({ ...base, ...extra }) };
}

/**
 * `nevent-companion config <args> --write` as a person runs it (the built CLI on this Node), into the home.
 * Never a synchronous spawn: the app under test lives in this process and must keep answering meanwhile.
 */
export async function writeEntry(home: ClientHome, args: string[]): Promise<void> {
  const child = spawn(process.execPath, [binPath, 'config', ...args, '--write'], { cwd: repoRoot, env: { ...home.env(), PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`config ${args.join(' ')} --write failed: ${stderr}`);
}

/** An ANSI colour sequence (ESC [ … m). */
const ansiColour = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** What a command printed, both streams together (clients differ in which one they use). */
export interface Ran {
  code: number | null;
  output: string;
}

/** Runs a client command to its end (bounded, so a hung client fails the test instead of holding it). */
export function runClient(command: string, args: string[], home: ClientHome, env: Record<string, string> = {}, timeoutMs = 120_000): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: home.cwd, env: home.env(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      // Colours and box drawing aside, so the tests read the words.
      resolve({ code, output: output.replace(ansiColour, '') });
    });
  });
}

/** One server as Codex's app server reports it. */
export interface CodexServerStatus {
  name: string;
  tools: Record<string, unknown>;
  toolsError?: string | null;
  serverInfo?: { name: string } | null;
}

/** Codex CLI's own listing: its app server connects to every configured server and reports its tools. */
export function codexServerStatus(codex: string, home: ClientHome, env: Record<string, string> = {}, timeoutMs = 120_000): Promise<CodexServerStatus[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(codex, ['app-server'], { cwd: home.cwd, env: home.env(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const send = (message: object): void => void child.stdin.write(`${JSON.stringify(message)}\n`);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`codex app-server gave no server status in ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (let newline = buffer.indexOf('\n'); newline !== -1; newline = buffer.indexOf('\n')) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const message = JSON.parse(line) as { id?: number; result?: { data?: CodexServerStatus[] }; error?: unknown };
        if (message.id === 1) {
          send({ method: 'initialized' });
          send({ id: 2, method: 'mcpServerStatus/list', params: {} });
        } else if (message.id === 2) {
          clearTimeout(timer);
          child.kill();
          if (message.result?.data === undefined) reject(new Error(`codex app-server answered ${line}`));
          else resolve(message.result.data);
        }
      }
    });
    send({ id: 1, method: 'initialize', params: { clientInfo: { name: 'nevent-companion-tests', version: '1' } } });
  });
}
