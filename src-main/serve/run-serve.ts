/**
 * `serve`: the app without Electron. The same composition root as the desktop (core, MCP socket,
 * desktop service), with the IPC contract over loopback HTTP instead of Electron IPC.
 *
 *   createDesktopApp ─> startServeHttp(dispatch, events, out/renderer, token) ─> "ui: URL" + "mcp socket: PATH"
 *   SIGINT/SIGTERM ─> HTTP closed (streams ended) ─> app.close() (socket removed, sessions ended) ─> exit 0
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoUser } from '../../src-shared/ipc';
import type { OperationMode } from '../../src-shared/session';
import type { ToolDomain } from '../../src-shared/tool-domains';
import { fileClientConfig } from '../app/client-config';
import { createDesktopApp, type DesktopApp } from '../app/compose';
import { checkoutBundle, systemOpener } from '../app/extension-install';
import { mcpBridgeStarter } from '../app/mcp-bridge';
import { findPackageRoot } from '../core/common/package-root';
import type { Launcher } from '../mcp/client-config/entry';
import { startServeHttp, type ServeHttp } from './http-server';
import { createLaunchToken } from './request-guard';

/** Options of a `serve` run. */
export interface ServeOptions {
  demo: { user: DemoUser } | null;
  port: number;
  socketPath?: string;
  operationMode?: OperationMode;
  /** `--toolsets a,b`: the toolsets AI conversations see at first (over NEVENT_TOOLSETS and the saved setting). */
  toolsets?: readonly ToolDomain[];
  /** `--http [--http-port N]`: the loopback MCP HTTP endpoint. */
  mcpHttp?: { port?: number };
  env: NodeJS.ProcessEnv;
  version: string;
  /** How AI clients should start our CLI (for one-click client configuration). */
  launcher: Launcher;
  log: (line: string) => void;
}

/** A running `serve`. */
export interface RunningServe {
  app: DesktopApp;
  http: ServeHttp;
  uiUrl: string;
  socketPath: string | null;
  /** With `--http`: the MCP endpoint's URL, and the bridge token when this run created it (shown once). */
  mcpHttp: { url: string | null; newToken: string | null } | null;
  close(): Promise<void>;
}

/**
 * Where the built renderer is: `NEVENT_RENDERER_DIR`, else out/renderer of our package (found from this
 * module, so `serve` works from any working directory and from any chunk of the split CLI bundle).
 */
export function findRendererDir(env: NodeJS.ProcessEnv, moduleUrl: string = import.meta.url): string {
  const root = findPackageRoot(moduleUrl);
  const candidates = [env.NEVENT_RENDERER_DIR, root === null ? undefined : join(root, 'out', 'renderer')].filter((dir): dir is string => dir !== undefined && dir !== '');
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates.at(-1) ?? join(process.cwd(), 'out', 'renderer');
}

/** Starts the app and its HTTP side. */
export async function startServe(options: ServeOptions): Promise<RunningServe> {
  const packageRoot = findPackageRoot(import.meta.url);
  const app = await createDesktopApp({
    shell: 'serve',
    version: options.version,
    demo: options.demo,
    ...(options.socketPath === undefined ? {} : { socketPath: options.socketPath }),
    ...(options.operationMode === undefined ? {} : { operationMode: options.operationMode }),
    ...(options.toolsets === undefined ? {} : { toolsets: options.toolsets }),
    ...(options.mcpHttp === undefined ? {} : { mcpHttp: { enabled: true, ...options.mcpHttp } }),
    env: options.env,
    platform: process.platform,
    startBridge: mcpBridgeStarter(options.version),
    clientConfig: fileClientConfig(options.launcher, { env: options.env, ...(options.socketPath === undefined ? {} : { socketPath: options.socketPath }) }),
    // serve runs from a checkout (or an npm install of it): the bundle is built there, and opened like any file.
    ...(packageRoot === null ? {} : { extension: { locateBundle: checkoutBundle(packageRoot), openPath: systemOpener() } }),
    log: options.log,
  });
  let http: ServeHttp;
  try {
    http = await startServeHttp({
      dispatch: app.dispatch,
      events: app.events,
      initialEvents: () => [
        { channel: 'session.onDidChange', payload: app.service.state() },
        { channel: 'mcp.onDidChangeSessions', payload: app.service.sessionList() },
        { channel: 'segments.onDidChange', payload: app.service.segments() },
      ],
      rendererDir: findRendererDir(options.env),
      token: createLaunchToken(),
      port: options.port,
      log: options.log,
    });
  } catch (error) {
    await app.close();
    throw error;
  }
  let mcpHttp: RunningServe['mcpHttp'] = null;
  if (options.mcpHttp !== undefined) {
    // A token kept from an earlier run stays valid (and is not shown again); otherwise make one now.
    const status = app.mcpHttp.status();
    const newToken = status.tokenPresent ? null : (await app.mcpHttp.createToken()).token;
    mcpHttp = { url: status.url, newToken };
  }
  let closing: Promise<void> | null = null;
  return {
    mcpHttp,
    app,
    http,
    uiUrl: http.uiUrl,
    socketPath: app.socketPath,
    close: () =>
      (closing ??= (async () => {
        await http.close();
        await app.close();
      })()),
  };
}
