/**
 * Everything the window asks main to do. Components call these; only these (and the start-up wiring)
 * write the mirrored stores, so the stores stay a read-only copy of main's truth (STYLE.md 3).
 */
import type { SegmentDefinition } from '../../src-shared/api';
import type { AppErrorData } from '../../src-shared/errors';
import { toBridgeError } from '../../src-shared/ipc';
import type {
  AuditQuery,
  ClientConfigPreview,
  ClientConfigWrite,
  McpClient,
  NeventBridge,
  SegmentPreview,
  SegmentView as Segment,
  Settings,
  SettingsUpdate,
  SignInRequest,
} from '../../src-shared/ipc';
import type { OperationMode } from '../../src-shared/session';
import { applyAppState } from '../stores/app-state-store';
import { applySessions } from '../stores/sessions-store';
import { upsertSegment } from '../stores/segments-store';
import type { Stores } from '../stores/stores';
import { buildCatalog } from '../stores/tenants-store';

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
  ) {}

  /** Reads the whole app state (start-up, reconnect). */
  async refreshAppState(): Promise<void> {
    const result = await attempt(() => this.bridge.session.get());
    if (result.ok) applyAppState(this.stores.app, result.value);
    else this.stores.app.setState({ disconnected: true });
  }

  /** Signs in; the app-state event carries the new account, the outcome carries a form error. */
  async signIn(request: SignInRequest): Promise<Outcome<void>> {
    const result = await attempt(() => this.bridge.account.signIn(request));
    await this.refreshAppState();
    if (!result.ok) return result;
    if (result.value.state !== 'signed_in') return { ok: false, error: result.value.error ?? { code: 'authentication_failed', message: 'Sign-in did not complete.' } };
    return { ok: true, value: undefined };
  }

  /** Signs out and forgets everything tenant-scoped the window holds. */
  async signOut(): Promise<void> {
    await attempt(() => this.bridge.account.signOut());
    this.stores.ui.setState({ view: 'segments', pickerOpen: false, segmentPane: { mode: 'none' }, segmentSearch: '', notices: [] });
    await this.refreshAppState();
  }

  /** Loads the accessible tenants for `accountId` and builds the picker's index once. */
  async loadTenants(accountId: string): Promise<void> {
    this.stores.tenants.setState({ accountId, loading: true, error: null });
    const result = await attempt(() => this.bridge.tenants.list());
    if (this.stores.tenants.getState().accountId !== accountId) return; // signed out or in as someone else meanwhile
    if (result.ok) this.stores.tenants.setState({ catalog: buildCatalog(result.value), loading: false });
    else this.stores.tenants.setState({ loading: false, error: result.error });
  }

  /** Forgets the tenant list (signed out). */
  clearTenants(): void {
    this.stores.tenants.setState({ accountId: null, catalog: null, loading: false, error: null, attempt: { state: 'idle' } });
  }

  /** Switches the desktop session; on failure the old tenant stays active and the attempt says why. */
  async switchTenant(tenantId: string): Promise<boolean> {
    return this.runSwitch('switch', tenantId, () => this.bridge.tenants.switch({ tenantId }));
  }

  /** Returns the desktop session to its home tenant. */
  async resetTenant(): Promise<boolean> {
    const home = this.stores.app.getState().app?.desktop.homeTenantId ?? null;
    return this.runSwitch('reset', home, () => this.bridge.tenants.reset());
  }

  private async runSwitch(kind: 'switch' | 'reset', targetId: string | null, run: () => Promise<unknown>): Promise<boolean> {
    const fromTenantId = this.stores.app.getState().app?.desktop.activeTenant?.id ?? null;
    this.stores.tenants.setState({ attempt: { state: 'pending', kind, targetId } });
    const result = await attempt(run);
    await this.refreshAppState();
    if (result.ok) {
      this.stores.tenants.setState({ attempt: { state: 'idle' } });
      return true;
    }
    this.stores.tenants.setState({ attempt: { state: 'failed', kind, targetId, fromTenantId, error: result.error } });
    return false;
  }

  /** Hides the last switch failure. */
  dismissSwitchError(): void {
    this.stores.tenants.setState({ attempt: { state: 'idle' } });
  }

  /** Pins or unpins a tenant in the picker (kept by main, shared with the tray). */
  async setPinned(tenantId: string, pinned: boolean): Promise<void> {
    await attempt(() => (pinned ? this.bridge.tenants.pin({ tenantId }) : this.bridge.tenants.unpin({ tenantId })));
    await this.refreshAppState();
  }

  private activeTenantId(): string | undefined {
    return this.stores.app.getState().app?.desktop.activeTenant?.id ?? undefined;
  }

  private expected(): { expectedTenantId?: string } {
    const id = this.activeTenantId();
    return id === undefined ? {} : { expectedTenantId: id };
  }

  /** Loads the active tenant's segments; an answer for a tenant that is no longer active is dropped. */
  async loadSegments(): Promise<void> {
    const tenantId = this.activeTenantId() ?? null;
    const keep = this.stores.segments.getState().tenantId === tenantId;
    this.stores.segments.setState({ tenantId, loading: true, error: null, ...(keep ? {} : { segments: [] }) });
    if (tenantId === null) return void this.stores.segments.setState({ loading: false });
    const result = await attempt(() => this.bridge.segments.list({ limit: 200, expectedTenantId: tenantId }));
    if (this.activeTenantId() !== tenantId) return;
    if (result.ok && result.value.tenantId === tenantId) this.stores.segments.setState({ segments: result.value.segments, more: result.value.nextCursor !== null, loading: false });
    else if (!result.ok) this.stores.segments.setState({ loading: false, error: result.error });
  }

  /** Loads the segmentation criteria of the active tenant (labels and the builder's catalog). */
  async loadCriteria(): Promise<void> {
    const tenantId = this.activeTenantId() ?? null;
    if (tenantId === null) return;
    const result = await attempt(() => this.bridge.segments.criteria({ expectedTenantId: tenantId }));
    if (this.activeTenantId() !== tenantId) return;
    if (result.ok) {
      const criteria = result.value.criteria;
      this.stores.segments.setState({ criteriaTenantId: result.value.tenantId, criteria, criteriaById: new Map(criteria.map((c) => [c.id, c])), criteriaError: null });
    } else this.stores.segments.setState({ criteriaError: result.error });
  }

  /** Reads one segment fresh from the API (detail view, reload after a conflict). */
  async getSegment(segmentId: string): Promise<Outcome<Segment>> {
    const result = await attempt(() => this.bridge.segments.get({ segmentId, ...this.expected() }));
    if (!result.ok) return result;
    this.mergeSegment(result.value.segment, result.value.tenantId);
    return { ok: true, value: result.value.segment };
  }

  /** Creates a segment in the active tenant. */
  async createSegment(input: { name: string; description?: string; definition: SegmentDefinition }): Promise<Outcome<Segment>> {
    const result = await attempt(() => this.bridge.segments.create({ ...input, ...this.expected() }));
    if (!result.ok) return result;
    this.mergeSegment(result.value.segment, result.value.tenantId);
    return { ok: true, value: result.value.segment };
  }

  /** Updates a segment from the revision the edit started at; a change made meanwhile answers `conflict`. */
  async updateSegment(segmentId: string, baseRevision: string, input: { name: string; description?: string; definition: SegmentDefinition }): Promise<Outcome<Segment>> {
    const result = await attempt(() => this.bridge.segments.update({ segmentId, baseRevision, ...input, ...this.expected() }));
    if (!result.ok) return result;
    this.mergeSegment(result.value.segment, result.value.tenantId);
    return { ok: true, value: result.value.segment };
  }

  /** Puts a segment answered in `tenantId` into the list, when the list shows that tenant. */
  private mergeSegment(segment: Segment, tenantId: string): void {
    const state = this.stores.segments.getState();
    if (state.tenantId === tenantId) this.stores.segments.setState({ segments: upsertSegment(state.segments, segment) });
  }

  /** Estimates how many fans a definition matches in the active tenant. */
  async previewSegment(definition: SegmentDefinition): Promise<Outcome<SegmentPreview>> {
    return attempt(() => this.bridge.segments.preview({ definition, ...this.expected() }));
  }

  /** Loads the sessions list (the MCP panel; later changes arrive as events). */
  async loadSessions(): Promise<void> {
    const result = await attempt(() => this.bridge.mcp.sessions());
    if (result.ok) applySessions(this.stores.sessions, result.value);
  }

  /** Moves one MCP session to a tenant (the desktop's only way to change another session). */
  async moveSession(sessionId: string, tenantId: string): Promise<Outcome<unknown>> {
    const result = await attempt(() => this.bridge.mcp.moveSession({ sessionId, tenantId }));
    await this.loadSessions();
    return result;
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

  /** Sets the MCP operation mode. */
  async setMode(mode: OperationMode): Promise<Outcome<unknown>> {
    const result = await attempt(() => this.bridge.mcp.setMode({ mode }));
    await this.refreshAppState();
    return result;
  }

  /** The exact change "connect a client" would make, before it is written. */
  async previewClientConfig(client: McpClient): Promise<Outcome<ClientConfigPreview>> {
    return attempt(() => this.bridge.mcp.clientConfigPreview({ client }));
  }

  /** Writes the client's MCP entry (after the user saw the preview). */
  async writeClientConfig(client: McpClient): Promise<Outcome<ClientConfigWrite>> {
    return attempt(() => this.bridge.mcp.clientConfigWrite({ client }));
  }

  /** Reads the settings. */
  async getSettings(): Promise<Outcome<Settings>> {
    return attempt(() => this.bridge.settings.get());
  }

  /** Changes settings. */
  async updateSettings(update: SettingsUpdate): Promise<Outcome<Settings>> {
    const result = await attempt(() => this.bridge.settings.update(update));
    await this.refreshAppState();
    return result;
  }

  /** Opens or closes the org-picker dialog. */
  setPickerOpen(open: boolean): void {
    this.stores.ui.setState({ pickerOpen: open });
  }
}
