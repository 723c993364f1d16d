/**
 * Where each AI client keeps its user-level MCP configuration, per OS, and how to tell it is installed
 * (the folder the client creates on its first run):
 *
 *   claude       <config>/Claude/claude_desktop_config.json     config: ~/Library/Application Support, %APPDATA%, $XDG_CONFIG_HOME
 *   claude-code  ~/.claude.json                                 (installed: ~/.claude.json or ~/.claude)
 *   cursor       ~/.cursor/mcp.json
 *   vscode       <config>/Code/User/mcp.json
 *   windsurf     ~/.codeium/windsurf/mcp_config.json
 *   zed          ~/.config/zed/settings.json (Linux: $XDG_CONFIG_HOME/zed; Windows: %APPDATA%\Zed)
 *   codex        $CODEX_HOME/config.toml, else ~/.codex/config.toml
 *   gemini       ~/.gemini/settings.json
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { missingCaseError } from '../../../src-shared/errors';
import type { ClientKind } from './entry';

/** What the path depends on (injected for tests). */
export interface ConfigPathEnv {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

interface Resolved {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

function resolve(options: ConfigPathEnv): Resolved {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const home = options.home ?? (platform !== 'win32' && env.HOME !== undefined && env.HOME !== '' ? env.HOME : homedir());
  return { platform, env, home };
}

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);

/** The per-OS folder where desktop apps keep their settings. */
function appConfigDir({ platform, env, home }: Resolved): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  if (platform === 'win32') return nonEmpty(env.APPDATA) ?? join(home, 'AppData', 'Roaming');
  return nonEmpty(env.XDG_CONFIG_HOME) ?? join(home, '.config');
}

function zedDir(r: Resolved): string {
  if (r.platform === 'win32') return join(appConfigDir(r), 'Zed');
  if (r.platform === 'darwin') return join(r.home, '.config', 'zed');
  return join(appConfigDir(r), 'zed');
}

const codexHome = (r: Resolved): string => nonEmpty(r.env.CODEX_HOME) ?? join(r.home, '.codex');

/** The config file of `kind` for this user. */
export function clientConfigPath(kind: ClientKind, options: ConfigPathEnv = {}): string {
  const r = resolve(options);
  switch (kind) {
    case 'claude':
      return join(appConfigDir(r), 'Claude', 'claude_desktop_config.json');
    case 'claude-code':
      return join(r.home, '.claude.json');
    case 'cursor':
      return join(r.home, '.cursor', 'mcp.json');
    case 'vscode':
      return join(appConfigDir(r), 'Code', 'User', 'mcp.json');
    case 'windsurf':
      return join(r.home, '.codeium', 'windsurf', 'mcp_config.json');
    case 'zed':
      return join(zedDir(r), 'settings.json');
    case 'codex':
      return join(codexHome(r), 'config.toml');
    case 'gemini':
      return join(r.home, '.gemini', 'settings.json');
    default:
      return missingCaseError(kind);
  }
}

/** The paths whose presence means the client has been installed and run on this machine. */
export function clientInstallMarkers(kind: ClientKind, options: ConfigPathEnv = {}): string[] {
  const r = resolve(options);
  switch (kind) {
    case 'claude':
      return [join(appConfigDir(r), 'Claude')];
    case 'claude-code':
      return [join(r.home, '.claude.json'), join(r.home, '.claude')];
    case 'cursor':
      return [join(r.home, '.cursor')];
    case 'vscode':
      return [join(appConfigDir(r), 'Code')];
    case 'windsurf':
      return [join(r.home, '.codeium', 'windsurf')];
    case 'zed':
      return [zedDir(r)];
    case 'codex':
      return [codexHome(r)];
    case 'gemini':
      return [join(r.home, '.gemini')];
    default:
      return missingCaseError(kind);
  }
}

/** Whether the client looks installed (it created its folder); a guess, shown as such. */
export function isClientInstalled(kind: ClientKind, options: ConfigPathEnv = {}): boolean {
  return clientInstallMarkers(kind, options).some((path) => existsSync(path));
}
