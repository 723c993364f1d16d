/**
 * One-click MCP client configuration for the window: the same plan/apply as
 * `nevent-companion config <client> [--write]`, so the preview shows exactly what will be written.
 */
import { readFile } from 'node:fs/promises';
import type { ClientConfigPreview, ClientConfigWrite, McpClient } from '../../src-shared/ipc';
import { missingCaseError } from '../../src-shared/errors';
import { CoreError } from '../core/tenant-session';
import type { Launcher } from '../mcp/client-config/entry';
import { clientConfigPath, type ConfigPathEnv } from '../mcp/client-config/paths';
import { applyClientConfigWrite, planClientConfigWrite } from '../mcp/client-config/write';
import type { ClientConfigPort } from './ports';

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/** The client-config port over the user's real config files. */
export function fileClientConfig(launcher: Launcher, pathEnv: ConfigPathEnv = {}): ClientConfigPort {
  return {
    async preview(client: McpClient): Promise<ClientConfigPreview> {
      const plan = planClientConfigWrite(clientConfigPath(client, pathEnv), client, launcher);
      switch (plan.status) {
        case 'change':
          return { client, path: plan.file, exists: plan.existing !== null, current: plan.existing, proposed: plan.text, changed: true };
        case 'unchanged': {
          const text = (await readText(plan.file)) ?? '';
          return { client, path: plan.file, exists: true, current: text, proposed: text, changed: false };
        }
        case 'refused':
          throw new CoreError('invalid_request', `${plan.file} cannot be updated: ${plan.reason}`, 'client');
        default:
          return missingCaseError(plan);
      }
    },
    async write(client: McpClient): Promise<ClientConfigWrite> {
      const plan = planClientConfigWrite(clientConfigPath(client, pathEnv), client, launcher);
      switch (plan.status) {
        case 'change': {
          try {
            const { backup } = applyClientConfigWrite(plan);
            return { client, path: plan.file, written: true, backupPath: backup };
          } catch (error) {
            throw new CoreError('conflict', error instanceof Error ? error.message : `${plan.file} could not be written`, 'client');
          }
        }
        case 'unchanged':
          return { client, path: plan.file, written: false, backupPath: null };
        case 'refused':
          throw new CoreError('invalid_request', `${plan.file} cannot be updated: ${plan.reason}`, 'client');
        default:
          return missingCaseError(plan);
      }
    },
  };
}
