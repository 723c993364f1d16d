/**
 * The composition root shared by the Electron shell and `serve`: builds the core, the MCP socket
 * bridge, the preferences and the desktop service, and takes them down again in the right order.
 *
 *   createDesktopApp ─> preferences ─> core (keychain, or memory for --demo) ─> demo API (--demo)
 *                    ─> MCP socket bridge ─> desktop service ─> restore or demo sign-in
 *   close ─> bridge (socket file removed, connections closed) ─> core (sessions ended) ─> demo API
 */
import { join } from 'node:path';
import type { OperationMode } from '../../src-shared/session';
import type { BridgeStatus, DemoUser } from '../../src-shared/ipc';
import { createCore, defaultConfigDir, MemorySecretStore, type Core, type SecretStore } from '../core';
import { Emitter, setListenerErrorReporter } from '../core/emitter';
import { startDemoApi, type DemoApi } from '../demo-api';
import { CoreAccountPort, coreSessionsPort } from './core-adapters';
import { DesktopService } from './desktop-service';
import { createDispatcher, type Dispatch } from './dispatcher';
import { EventHub } from './event-hub';
import { FileJsonStore, MemoryJsonStore } from './file-json-store';
import { extensionInstaller, type ExtensionSource } from './extension-install';
import type { BridgePort, ClientConfigPort, DemoPort } from './ports';
import { initialOperationMode, OperationModeSetting } from './operation-mode-setting';
import { Preferences } from './preferences';
import { redactSecrets } from '../core/redact';
import { McpAuditLog } from '../mcp/audit-log';
import { CallLimits } from '../mcp/call-limits';
import { McpHttpBridge } from '../mcp/http-bridge';
import { appUploadPolicy, environmentUploadPolicy, type UploadPolicySource } from '../mcp/upload-policy';

/** A running MCP socket bridge, as the app sees it (its calls go to the audit log it was given). */
export interface McpBridgeHandle {
  socketPath: string;
  /** Stops listening, closes every connection (their sessions end) and removes the socket file. */
  close(): Promise<void>;
}

/** Starts the MCP socket bridge over a core, recording into `audit` (the log every transport shares). */
export type StartMcpBridge = (args: { core: Core; socketPath: string | undefined; mode: OperationModeSetting; log: (line: string) => void; audit: McpAuditLog; uploads: UploadPolicySource; calls: CallLimits }) => Promise<McpBridgeHandle>;

/** Options of the desktop app. */
export interface DesktopAppOptions {
  shell: 'electron' | 'serve';
  version: string;
  /** `--demo [--demo-user U]`: start the embedded demo API and sign in to it. */
  demo: { user: DemoUser } | null;
  /** `--socket PATH`. */
  socketPath?: string;
  /** An operation mode from a flag, overriding the saved setting. */
  operationMode?: OperationMode;
  env: NodeJS.ProcessEnv;
  platform: string;
  /** The OS's preferred languages (the Electron shell asks Electron); `serve` leaves them to the browser. */
  systemLanguages?: readonly string[];
  startBridge: StartMcpBridge;
  clientConfig: ClientConfigPort;
  /** Where the MCP Bundle for Claude Desktop comes from ("Install the extension"); absent: the config-file entry only. */
  extension?: ExtensionSource;
  /** `serve --http [--http-port N]`: start the loopback MCP HTTP endpoint with the app (off by default). */
  mcpHttp?: { enabled: boolean; port?: number };
  /** Tests: a config folder and secret store of their own. */
  configDir?: string;
  secretStore?: SecretStore;
  log: (line: string) => void;
}

/** The assembled app. */
export interface DesktopApp {
  service: DesktopService;
  dispatch: Dispatch;
  events: EventHub;
  core: Core;
  /** The MCP socket path, null when the bridge did not start. */
  socketPath: string | null;
  /** The loopback MCP HTTP endpoint (off unless enabled). */
  mcpHttp: McpHttpBridge;
  /** The demo API when running with `--demo` (or after a demo sign-in from the window). */
  demoApi(): DemoApi | null;
  close(): Promise<void>;
}

/** Builds and starts the app. */
export async function createDesktopApp(options: DesktopAppOptions): Promise<DesktopApp> {
  const log = options.log;
  // Unexpected errors come from libraries whose messages are not ours: redact before they reach a log.
  const logInternal = (what: string, error: unknown): void => log(`internal error in ${what}: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
  const configDir = options.configDir ?? defaultConfigDir(options.env);
  const apiUrl = options.env.NEVENT_API_URL;
  const dataApiUrl = options.env.NEVENT_DATA_API_URL;

  // A demo run leaves nothing behind: preferences in memory, tokens never near the keychain.
  // A listener that throws is a bug: it goes to the app's log, never silently nowhere.
  setListenerErrorReporter((error) => logInternal('event listener', error));
  const preferences = new Preferences(options.demo === null ? new FileJsonStore(join(configDir, 'preferences.json')) : new MemoryJsonStore(), { apiUrl: apiUrl ?? null, dataApiUrl: dataApiUrl ?? null }, logInternal, log);
  await preferences.load();
  const mode = new OperationModeSetting(initialOperationMode({ flag: options.operationMode, env: options.env.NEVENT_OPERATION_MODE, saved: preferences.savedMode() }, log));
  preferences.watch();

  const secretStore = options.secretStore ?? (options.demo === null ? undefined : new MemorySecretStore());
  const core = await createCore({ ...(apiUrl === undefined ? {} : { apiUrl }), ...(dataApiUrl === undefined ? {} : { dataApiUrl }), configDir, ...(secretStore === undefined ? {} : { secretStore }) });

  let demoApi: DemoApi | null = null;
  let demoStarting: Promise<DemoApi> | null = null;
  const demo: DemoPort = {
    async ensureStarted() {
      demoStarting ??= startDemoApi({}).then((started) => (demoApi = started));
      const started = await demoStarting;
      return { apiUrl: started.url, dataApiUrl: started.dataUrl };
    },
  };

  const bridgeChanged = new Emitter<void>();
  let bridgeState: Omit<BridgeStatus, 'sessionCount'> = { state: 'starting', socketPath: null, error: null };
  let bridge: McpBridgeHandle | null = null;
  // One audit log for every MCP transport (socket and HTTP) and for the person's own mode changes.
  const mcpAudit = new McpAuditLog();
  // The HTTP endpoint is off until the app or `serve --http` enables it; once on in the app, it comes
  // back on at the next start, on the same port, so the client entries written for it keep working.
  const savedHttp = preferences.savedMcpHttp();
  const httpPort = options.mcpHttp?.port ?? savedHttp?.port ?? undefined;
  // Uploads: the environment's folders plus those named in Settings, read on every call.
  const uploads = appUploadPolicy(options.env, () => preferences.uploadFolders());
  // Calls in flight, bounded per connection and in total across the socket and HTTP (call-limits.ts).
  const calls = new CallLimits();
  const mcpHttp = new McpHttpBridge({ registry: core.registry, mode, secretStore: core.secretStore, audit: mcpAudit, log, version: options.version, uploads, calls, ...(httpPort === undefined ? {} : { port: httpPort }) });
  const bridgePort: BridgePort = {
    status: () => ({ ...bridgeState, sessionCount: core.registry.snapshots().filter((s) => s.kind === 'mcp').length, http: mcpHttp.status() }),
    onDidChange: (listener) => {
      const offBridge = bridgeChanged.event(listener);
      const offSessions = core.registry.onDidChangeSessions(() => listener());
      const offHttp = mcpHttp.onDidChange(() => listener());
      return () => {
        offBridge();
        offSessions();
        offHttp();
      };
    },
    auditEntries: () => mcpAudit.entries(),
    onDidAppendAudit: (listener) => mcpAudit.onDidAppend(listener),
    recordModeChange: ({ mode: next, previous, by }) =>
      void mcpAudit.record({ sessionId: 'app', clientName: by === 'app' ? 'Nevent Companion' : 'settings file', clientVersion: null, kind: 'mode', name: `${previous} → ${next}`, tenantId: null, argKeys: [], result: 'ok', durationMs: 0 }),
  };

  const events = new EventHub(logInternal);
  const account = new CoreAccountPort(core, logInternal);
  const service = new DesktopService({
    shell: options.shell,
    version: options.version,
    platform: options.platform,
    ...(options.systemLanguages === undefined ? {} : { systemLanguages: options.systemLanguages }),
    account,
    sessions: coreSessionsPort(core),
    bridge: bridgePort,
    clientConfig: options.clientConfig,
    extension: options.extension === undefined ? null : extensionInstaller(options.extension, configDir),
    demo,
    mode,
    mcpHttp,
    preferences,
    environmentUploadFolders: environmentUploadPolicy(options.env)().folders,
    events,
    logInternal,
  });
  service.start();
  const dispatch = createDispatcher(service.handlers, logInternal);

  try {
    bridge = await options.startBridge({ core, socketPath: options.socketPath, mode, log, audit: mcpAudit, uploads, calls });
    bridgeState = { state: 'listening', socketPath: bridge.socketPath, error: null };
  } catch (error) {
    // The window still works without the bridge; the MCP panel says why it is down.
    bridgeState = { state: 'error', socketPath: options.socketPath ?? null, error: error instanceof Error ? error.message : 'the MCP socket could not be opened' };
    log(`mcp socket: ${bridgeState.error}`);
  }
  bridgeChanged.fire();

  if (options.mcpHttp?.enabled ?? savedHttp?.enabled === true) {
    const status = await mcpHttp.setEnabled(true);
    if (status.error !== null) log(`mcp http: ${status.error}`);
  }

  if (options.demo !== null) {
    const result = await dispatch('account.signIn', { method: 'demo', user: options.demo.user });
    if (!result.ok) log(`demo sign-in failed: ${result.error.message}`);
  } else {
    await account.restore();
  }

  let closing: Promise<void> | null = null;
  return {
    service,
    dispatch,
    events,
    core,
    socketPath: bridge?.socketPath ?? null,
    mcpHttp,
    demoApi: () => demoApi,
    close() {
      closing ??= (async () => {
        bridgeState = { state: 'stopped', socketPath: null, error: null };
        try {
          await bridge?.close();
          await mcpHttp.close();
        } catch (error) {
          logInternal('bridge.close', error);
        }
        service.dispose();
        preferences.dispose();
        mode.dispose();
        core.dispose();
        account.dispose();
        events.clear();
        await preferences.flush();
        await demoApi?.close();
      })();
      return closing;
    },
  };
}
