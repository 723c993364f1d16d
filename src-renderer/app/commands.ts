/**
 * Everything the window asks main to do. Components call these; only these (and the start-up wiring)
 * write the mirrored stores, so the stores stay a read-only copy of main's truth (STYLE.md 3).
 * What a command changes in main comes back pushed (app state, sessions, segments): no command reads
 * the state again after it ran.
 */
import { isSignedIn } from '../../src-shared/account-machine';
import type { SegmentDefinition } from '../../src-shared/api';
import type { AppErrorData } from '../../src-shared/errors';
import { toBridgeError } from '../../src-shared/ipc';
import type {
  CancelSwitchResult,
  AuditQuery,
  ClientConfigPreview,
  ClientConfigWrite,
  ExtensionInstall,
  McpClient,
  McpClientList,
  McpHttpStatus,
  McpToolList,
  NeventBridge,
  SegmentPreview,
  SegmentView as Segment,
  Settings,
  SettingsUpdate,
  SignInRequest,
  Theme,
} from '../../src-shared/ipc';
import type { OperationMode } from '../../src-shared/session';

/** How a configured client reaches the app: its socket (`mcp --attach`) or the loopback HTTP endpoint. */
export type ClientTransport = 'socket' | 'http';
import { applyAppState } from '../stores/app-state-store';
import { applySessions } from '../stores/sessions-store';
import { applySegments } from '../stores/segments-store';
import type { Stores } from '../stores/stores';
import { applySettings } from '../stores/ui-store';
import { assembleCatalog } from '../lib/tenant-catalog';
import type { TenantSearchIndex } from '../lib/tenant-search';
import { inlineCatalogBuilder, type CatalogBuilder } from './catalog-builder';

/** A command's outcome: the value, or the error as plain data for the form that asked. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (reason) {
    return { ok: false, error: toBridgeError(reason).toData() };
  }
}

/** The window's commands, bound to one bridge and one set of stores. */
export class Commands {
  constructor(
    private readonly bridge: NeventBridge,
    private readonly stores: Stores,
    /** Where the picker's index and tree get built (a Web Worker in the window). */
    private readonly catalogs: CatalogBuilder = inlineCatalogBuilder,
  ) {}

  /** Reads what main holds (start-up, reconnect); everything later arrives pushed. */
  async loadInitialState(): Promise<void> {
    const [app, sessions, segments, settings] = await Promise.all([attempt(() => this.bridge.session.get()), attempt(() => this.bridge.mcp.sessions()), attempt(() => this.bridge.segments.current()), attempt(() => this.bridge.settings.get())]);
    if (settings.ok) applySettings(this.stores.ui, settings.value);
    if (app.ok) applyAppState(this.stores.app, app.value);
    else this.stores.app.setState({ disconnected: true });
    if (sessions.ok) applySessions(this.stores.sessions, sessions.value);
    if (segments.ok) applySegments(this.stores.segments, segments.value);
  }

  /** Signs in; the new account arrives pushed, the outcome carries a form error. */
  async signIn(request: SignInRequest): Promise<Outcome<void>> {
    const result = await attempt(() => this.bridge.account.signIn(request));
    if (!result.ok) return result;
    if (!isSignedIn(result.value.state)) return { ok: false, error: result.value.error ?? { code: 'authentication_failed', message: 'Sign-in did not complete.' } };
    return { ok: true, value: undefined };
  }

  /** Signs out and forgets everything tenant-scoped the window holds. */
  async signOut(): Promise<void> {
    await attempt(() => this.bridge.account.signOut());
    this.stores.ui.setState({ view: 'segments', pickerOpen: false, segmentPane: { mode: 'none' }, segmentSearch: '', notices: [], dismissedSwitchError: null });
  }

  /**
   * Loads the accessible tenants for `accountId` and builds the picker's tree and index once, off the
   * window's thread: the picker shows with the tree, the search index follows.
   */
  async loadTenants(accountId: string): Promise<void> {
    this.stores.tenants.setState({ accountId, loading: true, error: null });
    let search: Promise<TenantSearchIndex | null> = Promise.resolve(null);
    const result = await attempt(async () => {
      const list = await this.bridge.tenants.list();
      const { id, name, parent, slug } = list.tenants;
      const build = this.catalogs.build(slug === undefined ? { id, name, parent } : { id, name, parent, slug });
      // Taken care of now: a failed build must not leave a rejection nobody waits for.
      search = build.search.catch(() => null);
      return assembleCatalog(list, await build.tree);
    });
    if (this.stores.tenants.getState().accountId !== accountId) return; // signed out or in as someone else meanwhile
    if (!result.ok) {
      this.stores.tenants.setState({ loading: false, error: result.error });
      return;
    }
    const catalog = result.value;
    this.stores.tenants.setState({ catalog, loading: false });
    // Until the index arrives (or if it never does) the picker scans the columns: same answers, slower.
    const index = await search;
    if (index && this.stores.tenants.getState().catalog === catalog) this.stores.tenants.setState({ catalog: catalog.withSearch(index) });
  }

  /** Forgets the tenant list (signed out). */
  clearTenants(): void {
    this.stores.tenants.setState({ accountId: null, catalog: null, loading: false, error: null });
  }

  /**
   * Switches the desktop session. Progress (the desktop session's `switchingTo`) and a failure (the app
   * state's `lastSwitchError`, with the old tenant still active) arrive pushed; true when it switched.
   */
  async switchTenant(tenantId: string): Promise<boolean> {
    this.stores.ui.setState({ dismissedSwitchError: null });
    return (await attempt(() => this.bridge.tenants.switch({ tenantId }))).ok;
  }

  /** Returns the desktop session to its home tenant. */
  async resetTenant(): Promise<boolean> {
    this.stores.ui.setState({ dismissedSwitchError: null });
    return (await attempt(() => this.bridge.tenants.reset())).ok;
  }

  /** Stops waiting for a slow switch: main keeps the tenant it is in and says so in a notice. */
  async cancelSwitch(): Promise<Outcome<CancelSwitchResult>> {
    return attempt(() => this.bridge.tenants.cancelSwitch());
  }

  /** Hides main's last switch failure in this window (it stays in main until a switch succeeds). */
  dismissSwitchError(): void {
    this.stores.ui.setState({ dismissedSwitchError: this.stores.app.getState().app?.desktop.lastSwitchError ?? null });
  }

  /** Pins or unpins a tenant in the picker (kept by main, shared with the tray; the shortcuts arrive pushed). */
  async setPinned(tenantId: string, pinned: boolean): Promise<void> {
    await attempt(() => (pinned ? this.bridge.tenants.pin({ tenantId }) : this.bridge.tenants.unpin({ tenantId })));
  }

  private activeTenantId(): string | undefined {
    return this.stores.app.getState().app?.desktop.activeTenant?.id ?? undefined;
  }

  private expected(): { expectedTenantId?: string } {
    const id = this.activeTenantId();
    return id === undefined ? {} : { expectedTenantId: id };
  }

  /** Loads the desktop tenant's segments and criteria again (Retry); the result also arrives pushed. */
  async reloadSegments(): Promise<void> {
    const result = await attempt(() => this.bridge.segments.current({ reload: true }));
    if (result.ok) applySegments(this.stores.segments, result.value);
  }

  /** Reads one segment fresh from the API (detail view, reload after a conflict). */
  async getSegment(segmentId: string): Promise<Outcome<Segment>> {
    const result = await attempt(() => this.bridge.segments.get({ segmentId, ...this.expected() }));
    if (!result.ok) return result;
    if (result.value.tenantId === this.stores.segments.getState().tenantId) this.stores.segments.setState({ opened: result.value.segment });
    return { ok: true, value: result.value.segment };
  }

  /** Creates a segment in the active tenant (the list gets it pushed). */
  async createSegment(input: { name: string; description?: string; definition: SegmentDefinition }): Promise<Outcome<Segment>> {
    const result = await attempt(() => this.bridge.segments.create({ ...input, ...this.expected() }));
    return result.ok ? { ok: true, value: result.value.segment } : result;
  }

  /** Updates a segment from the revision the edit started at; a change made meanwhile answers `conflict`. */
  async updateSegment(segmentId: string, baseRevision: string, input: { name: string; description?: string; definition: SegmentDefinition }): Promise<Outcome<Segment>> {
    const result = await attempt(() => this.bridge.segments.update({ segmentId, baseRevision, ...input, ...this.expected() }));
    return result.ok ? { ok: true, value: result.value.segment } : result;
  }

  /** Estimates how many fans a definition matches in the active tenant. */
  async previewSegment(definition: SegmentDefinition): Promise<Outcome<SegmentPreview>> {
    return attempt(() => this.bridge.segments.preview({ definition, ...this.expected() }));
  }

  /** Moves one MCP session to a tenant (the desktop's only way to change another session). */
  async moveSession(sessionId: string, tenantId: string): Promise<Outcome<unknown>> {
    return attempt(() => this.bridge.mcp.moveSession({ sessionId, tenantId }));
  }

  /** Loads the newest audit entries matching `query` (replaces the list). */
  async loadAudit(query: AuditQuery): Promise<void> {
    this.stores.audit.setState({ query, loading: true, error: null });
    const result = await attempt(() => this.bridge.mcp.audit({ ...query, limit: 200 }));
    if (this.stores.audit.getState().query !== query) return; // the filters changed while loading
    if (result.ok) this.stores.audit.setState({ entries: result.value.entries, nextBeforeSeq: result.value.nextBeforeSeq, loading: false });
    else this.stores.audit.setState({ loading: false, error: result.error });
  }

  /** Appends the next older page of audit entries. */
  async loadOlderAudit(): Promise<void> {
    const { query, nextBeforeSeq, entries } = this.stores.audit.getState();
    if (nextBeforeSeq === null) return;
    const result = await attempt(() => this.bridge.mcp.audit({ ...query, limit: 200, beforeSeq: nextBeforeSeq }));
    if (this.stores.audit.getState().query !== query || !result.ok) return;
    const seen = new Set(entries.map((e) => e.seq));
    this.stores.audit.setState({ entries: [...entries, ...result.value.entries.filter((e) => !seen.has(e.seq))], nextBeforeSeq: result.value.nextBeforeSeq });
  }

  /** Sets the MCP operation mode (every connected AI session obeys it from its next call). */
  async setMode(mode: OperationMode): Promise<Outcome<unknown>> {
    return attempt(() => this.bridge.mcp.setMode({ mode }));
  }

  /** The bridge's tools (name, title, domain, class); static for a build, so read once by the panel. */
  async listTools(): Promise<Outcome<McpToolList>> {
    return attempt(() => this.bridge.mcp.tools());
  }

  /** Every client the panel can configure, with whether it looks installed here and already has our entry. */
  async listClients(): Promise<Outcome<McpClientList>> {
    return attempt(() => this.bridge.mcp.clients());
  }

  /** Writes the Claude Desktop extension and opens it with the OS (Claude Desktop then offers to install it). */
  async installExtension(): Promise<Outcome<ExtensionInstall>> {
    return attempt(() => this.bridge.mcp.installExtension());
  }

  /** The exact change "connect a client" would make, before it is written (`http`: the HTTP entry). */
  async previewClientConfig(client: McpClient, transport: ClientTransport = 'socket'): Promise<Outcome<ClientConfigPreview>> {
    return attempt(() => this.bridge.mcp.clientConfigPreview({ client, transport }));
  }

  /** Writes the client's MCP entry (after the user saw the preview). */
  async writeClientConfig(client: McpClient, transport: ClientTransport = 'socket'): Promise<Outcome<ClientConfigWrite>> {
    return attempt(() => this.bridge.mcp.clientConfigWrite({ client, transport }));
  }

  /** Turns the loopback HTTP endpoint on or off (its status is pushed with the bridge's). */
  async setHttpEnabled(enabled: boolean): Promise<Outcome<McpHttpStatus>> {
    return attempt(() => this.bridge.mcp.httpEnable({ enabled }));
  }

  /** A new bridge token: the only time it is shown; the previous one stops working. */
  async createHttpToken(): Promise<Outcome<{ token: string; url: string | null }>> {
    return attempt(() => this.bridge.mcp.httpCreateToken());
  }

  /** Revokes the bridge token: HTTP clients are refused until a new one is made. */
  async revokeHttpToken(): Promise<Outcome<McpHttpStatus>> {
    return attempt(() => this.bridge.mcp.httpRevokeToken());
  }

  /** Reads the settings. */
  async getSettings(): Promise<Outcome<Settings>> {
    const result = await attempt(() => this.bridge.settings.get());
    if (result.ok) applySettings(this.stores.ui, result.value);
    return result;
  }

  /** Changes settings. */
  async updateSettings(update: SettingsUpdate): Promise<Outcome<Settings>> {
    const result = await attempt(() => this.bridge.settings.update(update));
    if (result.ok) applySettings(this.stores.ui, result.value);
    return result;
  }

  /** Chooses the window's theme; main keeps it in preferences, its answer is what the window shows. */
  async setTheme(theme: Theme): Promise<Outcome<Settings>> {
    return this.updateSettings({ theme });
  }

  /** Opens or closes the org-picker dialog. */
  setPickerOpen(open: boolean): void {
    this.stores.ui.setState({ pickerOpen: open });
  }
}
