/**
 * The app's switch for the loopback MCP HTTP endpoint: off by default; enabling starts
 * it on 127.0.0.1, disabling stops it; the bridge token is created (shown once), kept in the keychain
 * and revocable. The app (IPC) and `serve --http` drive it; it owns no UI.
 *
 *   off ──enable──> listening(url) ──disable──> off          createToken ─> { token, url } (the only time shown)
 *    ^                  │ start fails                        revokeToken ─> every request 401 until a new one
 *    └──── error ◄──────┘
 */
import type { SecretStore } from '../core/secret-store';
import { Emitter } from '../core/emitter';
import type { McpAuditLog } from './audit-log';
import type { CallLimits } from './call-limits';
import { BridgeTokenStore } from './bridge-token';
import { startMcpHttpEndpoint, type McpHttpEndpoint } from './http-endpoint';
import type { OperationModeSource } from './operation-mode';
import type { McpLogger } from './server';
import type { McpSessionSource } from './session-source';
import type { UploadPolicySource } from './upload-policy';

/** What the panel shows: never the token itself. */
export interface McpHttpStatus {
  state: 'off' | 'listening' | 'error';
  url: string | null;
  /** Whether a bridge token exists (clients can be configured). */
  tokenPresent: boolean;
  /** `keychain`: remembered; `memory`: this run only. */
  tokenStorage: SecretStore['kind'];
  error: string | null;
}

/** What the bridge is built from. */
export interface McpHttpBridgeOptions {
  registry: McpSessionSource;
  mode: OperationModeSource;
  secretStore: SecretStore;
  audit?: McpAuditLog;
  log?: McpLogger;
  version?: string;
  /** What uploads may read (asked on every call); default: this process's environment. */
  uploads?: UploadPolicySource;
  /** The port to ask for first (default: a free one); `serve --http-port`, or the one the app used last. */
  port?: number;
  /** Calls in flight, shared with the app's other transports (call-limits.ts). */
  calls?: CallLimits;
}

/** Starts, stops and guards the HTTP endpoint. */
export class McpHttpBridge {
  private readonly tokens: BridgeTokenStore;
  private endpoint: McpHttpEndpoint | null = null;
  private error: string | null = null;
  private loaded: Promise<boolean> | null = null;
  private preferredPort: number | undefined;
  private readonly changeEmitter = new Emitter<McpHttpStatus>();

  /** Fires after every change of `status()`. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly options: McpHttpBridgeOptions) {
    this.tokens = new BridgeTokenStore(options.secretStore);
    this.preferredPort = options.port;
  }

  /** The endpoint's state, URL and whether a token exists. */
  status(): McpHttpStatus {
    return {
      state: this.endpoint !== null ? 'listening' : this.error !== null ? 'error' : 'off',
      url: this.endpoint?.url ?? null,
      tokenPresent: this.tokens.present,
      tokenStorage: this.tokens.storage,
      error: this.error,
    };
  }

  /** The port it listens on, or null when off (what the app remembers for the next start). */
  listeningPort(): number | null {
    return this.endpoint?.port ?? null;
  }

  /** Starts (true) or stops (false) the endpoint; resolves to the new status. */
  async setEnabled(enabled: boolean): Promise<McpHttpStatus> {
    await this.loadToken();
    if (enabled && this.endpoint === null) {
      try {
        this.endpoint = await this.start(this.preferredPort);
        this.error = null;
      } catch (error) {
        this.error = error instanceof Error ? error.message : 'the MCP HTTP endpoint could not start';
      }
    } else if (!enabled && this.endpoint !== null) {
      const running = this.endpoint;
      this.endpoint = null;
      await running.close();
      this.error = null;
    }
    return this.changed();
  }

  /** A new bridge token (any previous one stops working): returned here and never again. */
  async createToken(): Promise<{ token: string; url: string | null }> {
    await this.loadToken();
    const token = await this.tokens.create();
    this.changed();
    return { token, url: this.endpoint?.url ?? null };
  }

  /** Revokes the bridge token: every request is refused until a new one is created. */
  async revokeToken(): Promise<McpHttpStatus> {
    await this.loadToken();
    await this.tokens.revoke();
    return this.changed();
  }

  /** Stops the endpoint (app shutdown); the token stays in the keychain. */
  async close(): Promise<void> {
    const running = this.endpoint;
    this.endpoint = null;
    await running?.close();
    this.changeEmitter.dispose();
  }

  /** Listens on `port` (the one client entries name); when it is taken, on a free one, and says so. */
  private async start(port: number | undefined): Promise<McpHttpEndpoint> {
    const { registry, mode, audit, log, version, uploads, calls } = this.options;
    const open = (p: number | undefined) => startMcpHttpEndpoint({ registry, mode, token: this.tokens, ...(p === undefined ? {} : { port: p }), ...(audit === undefined ? {} : { audit }), ...(log === undefined ? {} : { log }), ...(version === undefined ? {} : { version }), ...(uploads === undefined ? {} : { uploads }), ...(calls === undefined ? {} : { calls }) });
    if (port === undefined || port === 0) return open(port);
    try {
      return await open(port);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      const endpoint = await open(0);
      log?.(`mcp http: port ${port} is in use, so the endpoint moved to ${endpoint.url}; reconfigure HTTP clients from the MCP panel or with \`config <client> --http-url\``);
      this.preferredPort = endpoint.port;
      return endpoint;
    }
  }

  private loadToken(): Promise<boolean> {
    // A keychain that fails leaves no token: the endpoint refuses everything, it never opens up.
    this.loaded ??= this.tokens.load().catch(() => false);
    return this.loaded;
  }

  private changed(): McpHttpStatus {
    const status = this.status();
    this.changeEmitter.fire(status);
    return status;
  }
}
