/** Where each AI client keeps its MCP configuration, per OS (user level, not per project). */
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

/** The config file of `kind` for this user. */
export function clientConfigPath(kind: ClientKind, options: ConfigPathEnv = {}): string {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const home = options.home ?? (platform !== 'win32' && env.HOME !== undefined && env.HOME !== '' ? env.HOME : homedir());
  const appData = env.APPDATA ?? join(home, 'AppData', 'Roaming');
  const xdgConfig = env.XDG_CONFIG_HOME ?? join(home, '.config');
  const userDataDir = (app: string): string => (platform === 'darwin' ? join(home, 'Library', 'Application Support', app) : platform === 'win32' ? join(appData, app) : join(xdgConfig, app));
  switch (kind) {
    case 'claude':
      return join(userDataDir('Claude'), 'claude_desktop_config.json');
    case 'cursor':
      return join(home, '.cursor', 'mcp.json');
    case 'vscode':
      return join(userDataDir('Code'), 'User', 'mcp.json');
    default:
      return missingCaseError(kind);
  }
}
