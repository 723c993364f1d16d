/**
 * One-click MCP client configuration for the window: the same plan/apply as
 * `nevent-companion config <client> [--write]`, so the preview shows exactly what will be written, and
 * the list of clients with whether each is installed and already configured.
 */
import { clientKinds, clientLabel, configFormat, httpUnsupportedReason, type Launcher } from '../mcp/client-config/entry';
import { clientConfigPath, isClientInstalled, type ConfigPathEnv } from '../mcp/client-config/paths';
import { applyClientConfigWrite, planClientConfigWrite } from '../mcp/client-config/write';
import { entryOptionsFor } from '../mcp/client-config/socket-option';
import type { ClientConfigPreview, ClientConfigWrite, McpClient, McpClientList } from '../../src-shared/ipc';
import { missingCaseError } from '../../src-shared/missing-case';
import { CoreError } from '../core/common/core-error';
import type { ClientConfigPort } from './ports';

/** Options of the file-backed client configuration. */
export interface FileClientConfigOptions extends ConfigPathEnv {
  /** The app's socket (`--socket`): entries name it when it is not the per-user default. */
  socketPath?: string;
}

/** The client-config port over the user's real config files. */
export function fileClientConfig(launcher: Launcher, options: FileClientConfigOptions = {}): ClientConfigPort {
  const { socketPath, ...pathEnv } = options;
  const entry = entryOptionsFor(socketPath, pathEnv.env, pathEnv.platform);
  const plan = (client: McpClient, http?: { url: string }) => {
    const unsupported = http === undefined ? null : httpUnsupportedReason(client);
    if (unsupported !== null) throw new CoreError('invalid_request', `${clientLabel(client)} cannot use the HTTP endpoint: ${unsupported}.`, 'transport');
    return planClientConfigWrite(clientConfigPath(client, pathEnv), client, launcher, http === undefined ? entry : { http });
  };
  return {
    async list(): Promise<McpClientList> {
      return {
        clients: clientKinds.map((client) => ({
          client,
          label: clientLabel(client),
          path: clientConfigPath(client, pathEnv),
          format: configFormat(client),
          installed: isClientInstalled(client, pathEnv),
          configured: plan(client).status === 'unchanged',
        })),
      };
    },
    async preview(client: McpClient, http?: { url: string }): Promise<ClientConfigPreview> {
      const planned = plan(client, http);
      const installed = isClientInstalled(client, pathEnv);
      switch (planned.status) {
        case 'change':
          return { client, path: planned.file, installed, diff: planned.diff, exists: planned.existing !== null, current: planned.existing, proposed: planned.text, changed: true };
        case 'unchanged':
          return { client, path: planned.file, installed, diff: '', exists: true, current: planned.existing, proposed: planned.existing, changed: false };
        case 'refused':
          throw new CoreError('invalid_request', `${planned.file} cannot be updated: ${planned.reason}`, 'client');
        default:
          return missingCaseError(planned);
      }
    },
    async write(client: McpClient, http?: { url: string }): Promise<ClientConfigWrite> {
      const planned = plan(client, http);
      switch (planned.status) {
        case 'change': {
          try {
            const { backup } = applyClientConfigWrite(planned);
            return { client, path: planned.file, written: true, backupPath: backup };
          } catch (error) {
            throw new CoreError('conflict', error instanceof Error ? error.message : `${planned.file} could not be written`, 'client');
          }
        }
        case 'unchanged':
          return { client, path: planned.file, written: false, backupPath: null };
        case 'refused':
          throw new CoreError('invalid_request', `${planned.file} cannot be updated: ${planned.reason}`, 'client');
        default:
          return missingCaseError(planned);
      }
    },
  };
}
