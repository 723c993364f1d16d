/**
 * The desktop service, shared by the Electron shell and `serve`: the one store of the desktop's state,
 * the effects that follow the core, and one handler file per IPC namespace.
 *
 *   core ──> DesktopEffects ──> DesktopStore (reduceDesktop) ──> session.onDidChange, mcp.onDidChangeSessions,
 *                                                               segments.onDidChange, settings.onDidChange
 *                                                               (each once per change)
 *   window ──> dispatcher ──> handlers/<namespace>-handlers.ts ──> core
 *
 * Main owns the truth; the window sends commands and mirrors what is pushed (STYLE.md 3).
 */
import type { AppState, DesktopSegments, SessionList } from '../../src-shared/ipc';
import { initialDesktopModel } from '../../src-shared/desktop-state';
import type { TenantsView } from '../core/tenant-session';
import { DesktopEffects } from './desktop-effects';
import { DesktopStore } from './desktop-store';
import type { RequestHandlers } from './dispatcher';
import type { EventHub } from './event-hub';
import { accountHandlers } from './handlers/account-handlers';
import { appHandlers } from './handlers/app-handlers';
import type { HandlerContext, HandlerDeps } from './handlers/context';
import { mcpHandlers } from './handlers/mcp-handlers';
import { mcpHttpHandlers } from './handlers/mcp-http-handlers';
import { mcpToolsHandlers } from './handlers/mcp-tools-handlers';
import { segmentsHandlers } from './handlers/segments-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { preferenceSettings } from './settings-state';
import { tenantsHandlers } from './handlers/tenants-handlers';

/** What the service is built from. */
export interface DesktopServiceDeps extends HandlerDeps {
  events: EventHub;
  now?: () => Date;
  logInternal?: (what: string, error: unknown) => void;
}

/** The store, its effects and the handlers, started and stopped together. */
export class DesktopService {
  /** One handler per request channel (give to `createDispatcher`). */
  readonly handlers: RequestHandlers;
  readonly store: DesktopStore;
  private readonly effects: DesktopEffects;

  constructor(deps: DesktopServiceDeps) {
    const { account, bridge, mode, preferences, events } = deps;
    const settings = preferenceSettings({ preferences, environmentUploadFolders: deps.environmentUploadFolders ?? [] });
    this.store = new DesktopStore(initialDesktopModel({ account: account.status(), bridge: bridge.status(), mode: mode.get(), shortcuts: preferences.shortcuts(account.status().user?.id ?? null), settings }), events);
    this.effects = new DesktopEffects({
      account,
      sessions: deps.sessions,
      bridge,
      mode,
      preferences,
      environmentUploadFolders: deps.environmentUploadFolders ?? [],
      store: this.store,
      events,
      now: deps.now ?? (() => new Date()),
      logInternal: deps.logInternal ?? (() => undefined),
    });
    const ctx: HandlerContext = { ...deps, store: this.store, effects: this.effects };
    this.handlers = {
      ...appHandlers(ctx),
      ...accountHandlers(ctx),
      ...tenantsHandlers(ctx),
      ...segmentsHandlers(ctx),
      ...mcpHandlers(ctx),
      ...mcpHttpHandlers(ctx),
      ...mcpToolsHandlers(ctx),
      ...settingsHandlers(ctx),
    };
  }

  /** Starts following the core. */
  start(): void {
    this.effects.start();
  }

  /** Stops following the core. */
  dispose(): void {
    this.effects.dispose();
    this.store.dispose();
  }

  /** The latest app state. */
  state(): AppState {
    return this.store.appState();
  }

  /** Every session now, versioned. */
  sessionList(): SessionList {
    return this.store.sessionList();
  }

  /** The desktop tenant's segments, versioned. */
  segments(): DesktopSegments {
    return this.store.segments();
  }

  /** The desktop's accessible tenants as last loaded (for the tray), or null. */
  cachedTenants(): TenantsView | null {
    return this.effects.cachedTenants();
  }
}
