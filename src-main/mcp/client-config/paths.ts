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
 *   gemini       $GEMINI_CLI_HOME/.gemini/settings.json, else ~/.gemini/settings.json
 *   copilot      $COPILOT_HOME/mcp-config.json, else ~/.copilot/mcp-config.json
 *   qwen         $QWEN_HOME/settings.json, else ~/.qwen/settings.json
 *   opencode     <xdg config>/opencode/opencode.json ($XDG_CONFIG_HOME or ~/.config, on every OS; the
 *                .jsonc spelling when only that one exists)
 *
 * Each client's own variable moves its folder, and these paths follow it, so an entry lands where the
 * client reads it (and the real-client tests can give each one a throwaway home).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { missingCaseError } from '../../../src-shared/missing-case';
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
const geminiDir = (r: Resolved): string => join(nonEmpty(r.env.GEMINI_CLI_HOME) ?? r.home, '.gemini');
const copilotHome = (r: Resolved): string => nonEmpty(r.env.COPILOT_HOME) ?? join(r.home, '.copilot');
const qwenHome = (r: Resolved): string => nonEmpty(r.env.QWEN_HOME) ?? join(r.home, '.qwen');
// opencode follows the XDG layout on every OS (Windows included): ~/.config unless XDG_CONFIG_HOME says otherwise.
const opencodeDir = (r: Resolved): string => join(nonEmpty(r.env.XDG_CONFIG_HOME) ?? join(r.home, '.config'), 'opencode');

/** opencode reads opencode.json or opencode.jsonc: write the one the person has, opencode.json when neither. */
function opencodeFile(r: Resolved): string {
  const json = join(opencodeDir(r), 'opencode.json');
  const jsonc = join(opencodeDir(r), 'opencode.jsonc');
  return !existsSync(json) && existsSync(jsonc) ? jsonc : json;
}

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
      return join(geminiDir(r), 'settings.json');
    case 'copilot':
      return join(copilotHome(r), 'mcp-config.json');
    case 'qwen':
      return join(qwenHome(r), 'settings.json');
    case 'opencode':
      return opencodeFile(r);
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
      return [geminiDir(r)];
    case 'copilot':
      return [copilotHome(r)];
    case 'qwen':
      return [qwenHome(r)];
    case 'opencode':
      return [opencodeDir(r), join(r.home, '.local', 'share', 'opencode')];
    default:
      return missingCaseError(kind);
  }
}

/** Whether the client looks installed (it created its folder); a guess, shown as such. */
export function isClientInstalled(kind: ClientKind, options: ConfigPathEnv = {}): boolean {
  return clientInstallMarkers(kind, options).some((path) => existsSync(path));
}
