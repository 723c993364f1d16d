/**
 * What the MCP transports need from the core: a fresh tenant session per connection. The core's
 * SessionRegistry provides it (each MCP session starts in the desktop's active tenant at connect time).
 */
import type { TenantSession } from '../core/session/tenant-session';

/** Opens one MCP session per connection; closing the session ends it in the registry. */
export interface McpSessionSource {
  openMcpSession(client?: { name: string | null; version: string | null }): TenantSession | Promise<TenantSession>;
}
