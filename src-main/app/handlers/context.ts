/**
 * What every IPC handler file is given, and the checks they share. Handlers only call the core and
 * read the store: the state they answer with is the store's, never a copy of their own.
 */
import type { AppInfo } from '../../../src-shared/ipc';
import { CoreError, type TenantSession } from '../../core/tenant-session';
import type { DesktopEffects } from '../desktop-effects';
import type { DesktopStore } from '../desktop-store';
import type { OperationModeSetting } from '../operation-mode-setting';
import type { AccountPort, BridgePort, ClientConfigPort, DemoPort, ExtensionPort, McpHttpPort, SessionsPort } from '../ports';
import type { Preferences } from '../preferences';

/** The parts of main the handlers call (the desktop service is built from these too). */
export interface HandlerDeps {
  shell: AppInfo['shell'];
  version: string;
  platform: string;
  /** The OS's preferred languages (the Electron shell's); absent in `serve`, whose page asks its browser. */
  systemLanguages?: readonly string[];
  account: AccountPort;
  sessions: SessionsPort;
  bridge: BridgePort;
  clientConfig: ClientConfigPort;
  /** The MCP Bundle for Claude Desktop; absent where the shell cannot offer it. */
  extension?: ExtensionPort | null;
  /** Null when the build cannot start the embedded demo API. */
  demo: DemoPort | null;
  mode: OperationModeSetting;
  /** The loopback MCP HTTP endpoint; absent where the shell offers none. */
  mcpHttp?: McpHttpPort | null;
  preferences: Preferences;
  /** `NEVENT_UPLOAD_DIRS` of the app's process, shown in Settings beside the folders named there. */
  environmentUploadFolders?: readonly string[];
}

/** What the handlers are built from: the deps, the store they answer from, the effects they share. */
export interface HandlerContext extends HandlerDeps {
  store: DesktopStore;
  effects: DesktopEffects;
}

/** The desktop session, or `signed_out`. */
export function requireDesktop(ctx: Pick<HandlerContext, 'sessions'>): TenantSession {
  const desktop = ctx.sessions.desktop();
  if (desktop === null) throw new CoreError('signed_out', 'Sign in first.');
  return desktop;
}

/** The signed-in user's id (preferences are keyed by it), or `signed_out`. */
export function requireUserId(ctx: Pick<HandlerContext, 'account'>): string {
  const user = ctx.account.status().user;
  if (user === null) throw new CoreError('signed_out', 'Sign in first.');
  return user.id;
}

/** The desktop session, checked against the tenant the window believes it is in. */
export function desktopIn(ctx: Pick<HandlerContext, 'sessions'>, expectedTenantId: string | undefined): TenantSession {
  const desktop = requireDesktop(ctx);
  const active = desktop.snapshot().activeTenantId;
  if (expectedTenantId !== undefined && active !== expectedTenantId) {
    throw new CoreError('tenant_mismatch', `The desktop is now in tenant ${active ?? 'none'}, not ${expectedTenantId}; reload and try again.`, 'expectedTenantId');
  }
  return desktop;
}
