/**
 * What the desktop service needs from the rest of main. The composition root adapts the tenant core
 * and the MCP bridge to these; unit tests pass fakes. Everything here is token-free by construction:
 * no method returns a credential.
 */
import type { AccountStatus, BridgeStatus, ClientConfigPreview, ClientConfigWrite, ExtensionInstall, McpClient, McpClientList, McpHttpStatus } from '../../src-shared/ipc';
import type { Segment } from '../../src-shared/api';
import type { AuditEntry, SessionSnapshot } from '../../src-shared/session';
import type { SwitchOutcome, TenantSession } from '../core/tenant-session';
import type { ModeChange } from './operation-mode-setting';

/** A way to sign in that reaches the account (the demo sign-in is resolved to a password one first). */
export type AccountCredentials =
  | { kind: 'password'; apiUrl: string; dataApiUrl: string | null; email: string; password: string; demo: boolean }
  | { kind: 'token'; apiUrl: string; dataApiUrl: string | null; accessToken: string; refreshToken: string | null };

/** The signed-in account. */
export interface AccountPort {
  status(): AccountStatus;
  signIn(credentials: AccountCredentials): Promise<void>;
  signOut(): Promise<void>;
  /** Fires after every change of `status()`. */
  onDidChange(listener: () => void): () => void;
  /** Fires when the sign-in ended: `refresh_refused` when it ended by itself (expired or revoked). */
  onDidSignOut(listener: (reason: 'signed_out' | 'refresh_refused') => void): () => void;
}

/** The desktop session and every MCP session. */
export interface SessionsPort {
  /** The desktop session, null while signed out. */
  desktop(): TenantSession | null;
  list(): SessionSnapshot[];
  /** The one desktop switch (window, tray, palette, org-picker): `home` is a reset. */
  switchDesktop(tenantId: string | 'home'): Promise<SwitchOutcome>;
  /** Stops waiting for the desktop's switch in flight; false when none was. */
  cancelDesktopSwitch(): boolean;
  /** The desktop moves one MCP session. */
  move(sessionId: string, tenantId: string): Promise<SwitchOutcome>;
  /** Fires after a session connects, disconnects or changes. */
  onDidChange(listener: () => void): () => void;
  /** Fires after any session created or updated a segment. */
  onDidWriteSegment(listener: (write: { tenantId: string; segment: Segment }) => void): () => void;
}

/** The MCP socket bridge and its audit log. */
export interface BridgePort {
  status(): BridgeStatus;
  onDidChange(listener: () => void): () => void;
  /** Every audit entry kept, oldest first. */
  auditEntries(): readonly AuditEntry[];
  onDidAppendAudit(listener: (entry: AuditEntry) => void): () => void;
  /** Records a change of the operation mode in the audit log. */
  recordModeChange(change: ModeChange): void;
}

/** MCP client configuration files (every client `config` knows: docs/ai-clients.md). */
export interface ClientConfigPort {
  list(): Promise<McpClientList>;
  /** `http`: the entry for the loopback HTTP endpoint at that URL instead of the socket entry. */
  preview(client: McpClient, http?: { url: string }): Promise<ClientConfigPreview>;
  write(client: McpClient, http?: { url: string }): Promise<ClientConfigWrite>;
}

/** The MCP Bundle for Claude Desktop (extension-install.ts): written where the person can find it, then opened with the OS. */
export interface ExtensionPort {
  install(): Promise<ExtensionInstall>;
}

/** The embedded demo API, started on first use. */
export interface DemoPort {
  ensureStarted(): Promise<{ apiUrl: string; dataApiUrl: string }>;
}

/** The optional loopback MCP HTTP endpoint (src-main/mcp/http-bridge.ts implements it). */
export interface McpHttpPort {
  status(): McpHttpStatus;
  /** The port it listens on (null: off). */
  listeningPort(): number | null;
  setEnabled(enabled: boolean): Promise<McpHttpStatus>;
  /** A new bridge token, returned this once. */
  createToken(): Promise<{ token: string; url: string | null }>;
  revokeToken(): Promise<McpHttpStatus>;
  onDidChange(listener: () => void): () => void;
}
