/** In-memory fakes of the ports the desktop service uses (no core, no MCP, no I/O). */
import { isSwitchableStatus, segmentRevision } from '../../../src-shared/api';
import type { Segment, SegmentCreate, SegmentUpdate, Tenant } from '../../../src-shared/api';
import type { AccountStatus, BridgeStatus, McpClient } from '../../../src-shared/ipc';
import type { AuditEntry, OperationMode, SessionSnapshot } from '../../../src-shared/session';
import { DesktopService } from '../../../src-main/app/desktop-service';
import { createDispatcher } from '../../../src-main/app/dispatcher';
import { EventHub } from '../../../src-main/app/event-hub';
import { MemoryJsonStore } from '../../../src-main/app/file-json-store';
import type { AccountCredentials, AccountPort, BridgePort, ClientConfigPort, DemoPort, OperationModeCell, SessionsPort } from '../../../src-main/app/ports';
import { Preferences } from '../../../src-main/app/preferences';
import { CoreError, SegmentConflictError, type SegmentUpdateOptions, type SwitchOutcome, type TenantSession, type TenantsView } from '../../../src-main/core/tenant-session';
import { fakeJwtShape } from '../../helpers/tokens';
import { McpHttpBridge } from '../../../src-main/mcp/http-bridge';
import { MemorySecretStore } from '../../../src-main/core/secret-store';

/** A secret that must never appear in anything sent to the window. */
export const secretToken = fakeJwtShape({ sub: 'secret' }, 'signature', 'RS256');

/** Demo-like tenants. */
export const tenants: Tenant[] = [
  { id: 't-root', name: 'Acme Group', slug: 'acme', parentId: null, level: 0, role: 'OWNER', status: 'ACTIVE' },
  { id: 't-east', name: 'Acme East', parentId: 't-root', level: 1 },
  { id: 't-west', name: 'Acme West', parentId: 't-root', level: 1, status: 'SUSPENDED', statusReason: 'billing' },
];

function listeners<T extends unknown[]>() {
  const set = new Set<(...args: T) => void>();
  return {
    add(listener: (...args: T) => void): () => void {
      set.add(listener);
      return () => set.delete(listener);
    },
    fire(...args: T): void {
      for (const l of [...set]) l(...args);
    },
  };
}

/** A tenant session over the fixed tenants and an in-memory segment store. */
export class FakeTenantSession implements TenantSession {
  readonly kind: 'desktop' | 'mcp';
  active: string;
  readonly home: string;
  readonly segments = new Map<string, Segment>();
  /** Carries a token on purpose: the service must never pass it on. */
  readonly accessToken = secretToken;
  private readonly changed = listeners<[SessionSnapshot]>();
  private seq = 0;
  clientName: string | null = null;

  constructor(readonly id: string, kind: 'desktop' | 'mcp' = 'desktop', home = 't-root') {
    this.kind = kind;
    this.active = home;
    this.home = home;
  }

  snapshot(): SessionSnapshot {
    return { id: this.id, kind: this.kind, clientName: this.clientName, clientVersion: null, activeTenantId: this.active, homeTenantId: this.home, role: 'OWNER', switching: false, createdAt: '2026-01-01T00:00:00.000Z', lastToolCall: null, callCount: 0 };
  }
  /** Tenant-per-call is the MCP bridge's; the shell never uses it. */
  inTenant(): Promise<never> {
    return Promise.reject(new Error('not used by the shell'));
  }
  onDidChange(listener: (s: SessionSnapshot) => void): () => void {
    return this.changed.add(listener);
  }
  setClientInfo(info: { name: string | null }): void {
    this.clientName = info.name;
  }
  recordToolCall(): void {}
  async listTenants(): Promise<TenantsView> {
    return { tenants, role: 'OWNER', homeTenantId: this.home, activeTenantId: this.active };
  }
  async switchTenant(tenantId: string): Promise<SwitchOutcome> {
    const tenant = tenants.find((t) => t.id === tenantId);
    if (tenant === undefined) throw new CoreError('tenant_not_found', `Unknown tenant ${tenantId}.`);
    if (!isSwitchableStatus(tenant.status)) throw new CoreError('tenant_forbidden', `Membership in ${tenant.name} is ${tenant.status ?? 'unknown'}.`);
    const previous = this.active;
    this.active = tenantId;
    this.changed.fire(this.snapshot());
    return { activeTenantId: tenantId, homeTenantId: this.home, previousTenantId: previous };
  }
  async resetTenant(): Promise<SwitchOutcome> {
    return this.switchTenant(this.home);
  }
  private scoped<T>(value: T) {
    const withToken = Array.isArray(value) ? value.map((item: object) => ({ ...item, accessToken: secretToken })) : { ...value, accessToken: secretToken };
    return { tenantId: this.active, value: withToken as T };
  }
  async listSegments(query: { search?: string }) {
    const segments = [...this.segments.values()].filter((s) => s.tenantId === this.active && (query.search === undefined || s.name.includes(query.search)));
    return this.scoped({ segments, nextCursor: null });
  }
  async getSegment(id: string) {
    const segment = this.segments.get(id);
    if (segment === undefined || segment.tenantId !== this.active) throw new CoreError('not_found', `Segment ${id} not found.`);
    return this.scoped(segment);
  }
  async createSegment(input: SegmentCreate) {
    this.seq += 1;
    const id = this.seq.toString(16).padStart(24, '0');
    const segment: Segment = { id, name: input.name, description: input.description ?? null, definition: input.definition, tenantId: this.active, createdAt: '2026-01-01T00:00:00.000Z', modifiedAt: `2026-01-01T00:00:00.${String(this.seq).padStart(3, '0')}Z` };
    this.segments.set(id, segment);
    return this.scoped(segment);
  }
  async updateSegment(id: string, input: SegmentUpdate, options: SegmentUpdateOptions = {}) {
    const current = this.segments.get(id);
    if (current === undefined || current.tenantId !== this.active) throw new CoreError('not_found', `Segment ${id} not found.`);
    if (options.baseRevision !== undefined && options.baseRevision !== segmentRevision(current)) throw new SegmentConflictError(current, options.baseRevision);
    this.seq += 1;
    const next: Segment = { ...current, ...(input.name === undefined ? {} : { name: input.name }), ...(input.definition === undefined ? {} : { definition: input.definition }), modifiedAt: `2026-01-02T00:00:00.${String(this.seq).padStart(3, '0')}Z` };
    this.segments.set(id, next);
    return this.scoped(next);
  }
  async previewSegment() {
    return this.scoped({ estimated_fan_count: 42, sample_fans: [{ fan_id: 'f1', first_name: 'Fan', last_name: 'One' }] });
  }
  async segmentationCriteria() {
    return this.scoped([{ id: 'city', type: 'profile_property', label: 'City', operators: ['eq'], valueType: 'TEXT' }]);
  }
  async listCampaigns() {
    return this.scoped({ campaigns: [], ignoredFilters: [] });
  }
  async analyticsCapabilities() {
    return this.scoped({});
  }
  async paidAdsStatus() {
    return this.scoped({ connected: false, provider: 'meta', accountId: null, accountName: null, lastSyncAt: null });
  }
  close(): void {}
}

/** Account + sessions in one fake, as the core keeps them together. */
export class FakeCore implements AccountPort, SessionsPort {
  desktopSession: FakeTenantSession | null = null;
  readonly mcpSessions: FakeTenantSession[] = [];
  readonly signIns: AccountCredentials[] = [];
  private readonly accountChanged = listeners<[]>();
  private readonly sessionsChanged = listeners<[]>();
  private sessionCount = 0;

  status(): AccountStatus {
    const signedIn = this.desktopSession !== null;
    return {
      state: signedIn ? 'signed_in' : 'signed_out',
      needsTenantChoice: false,
      user: signedIn ? { id: 'u-owner', email: 'owner@demo.nevent.local', name: 'Olivia Owner', role: 'OWNER' } : null,
      apiUrl: signedIn ? 'http://127.0.0.1:1' : null,
      dataApiUrl: null,
      demo: false,
      remembered: false,
      keychain: 'unavailable',
      notice: null,
      error: null,
    };
  }
  async signIn(credentials: AccountCredentials): Promise<void> {
    if (credentials.kind === 'password' && credentials.password !== 'demo') throw new CoreError('authentication_failed', 'Wrong email or password.');
    this.signIns.push(credentials);
    this.sessionCount += 1;
    this.desktopSession = new FakeTenantSession(`desktop-${this.sessionCount}`);
    this.desktopSession.onDidChange(() => this.sessionsChanged.fire());
    this.accountChanged.fire();
  }
  async signOut(): Promise<void> {
    this.desktopSession = null;
    this.accountChanged.fire();
  }
  onDidChange(listener: () => void): () => void {
    return this.accountChanged.add(listener);
  }
  onSessionsChange(listener: () => void): () => void {
    return this.sessionsChanged.add(listener);
  }
  desktop(): TenantSession | null {
    return this.desktopSession;
  }
  list(): SessionSnapshot[] {
    return [...(this.desktopSession === null ? [] : [this.desktopSession.snapshot()]), ...this.mcpSessions.map((s) => s.snapshot())];
  }
  async move(sessionId: string, tenantId: string): Promise<SwitchOutcome> {
    const session = this.mcpSessions.find((s) => s.id === sessionId);
    if (session === undefined) throw new CoreError('not_found', 'no such session');
    const outcome = await session.switchTenant(tenantId);
    this.sessionsChanged.fire();
    return outcome;
  }
  /** Simulates an MCP client connecting. */
  connectMcp(name: string): FakeTenantSession {
    const session = new FakeTenantSession(`mcp-${this.mcpSessions.length + 1}`, 'mcp', this.desktopSession?.active ?? 't-root');
    session.clientName = name;
    this.mcpSessions.push(session);
    this.sessionsChanged.fire();
    return session;
  }
  /** Simulates the refresh token being refused: the account signs itself out. */
  expire(): void {
    this.desktopSession = null;
    this.accountChanged.fire();
  }
}

/** The bridge and audit log. */
export class FakeBridge implements BridgePort {
  state: BridgeStatus = { state: 'listening', socketPath: '/tmp/nevent-test.sock', sessionCount: 0, error: null };
  readonly entries: AuditEntry[] = [];
  private readonly changed = listeners<[]>();
  private readonly appended = listeners<[AuditEntry]>();
  status(): BridgeStatus {
    return this.state;
  }
  onDidChange(listener: () => void): () => void {
    return this.changed.add(listener);
  }
  auditEntries(): readonly AuditEntry[] {
    return this.entries;
  }
  onDidAppendAudit(listener: (entry: AuditEntry) => void): () => void {
    return this.appended.add(listener);
  }
  append(partial: Partial<AuditEntry> & Pick<AuditEntry, 'name'>): AuditEntry {
    const entry: AuditEntry = { seq: this.entries.length + 1, at: 'now', sessionId: 'mcp-1', clientName: 'claude-ai', kind: 'tool', tenantId: 't-root', argKeys: [], result: 'ok', durationMs: 3, ...partial };
    this.entries.push(entry);
    this.appended.fire(entry);
    return entry;
  }
}

/** Client config previews. */
export class FakeClientConfig implements ClientConfigPort {
  writes: McpClient[] = [];
  async list() {
    return { clients: [{ client: 'cursor' as const, label: 'Cursor', path: '/home/u/.cursor/mcp.json', format: 'json' as const, installed: true, configured: false }] };
  }
  async preview(client: McpClient) {
    return { client, path: `/home/u/.config/${client}.json`, exists: false, current: null, proposed: '{"mcpServers":{}}', changed: true };
  }
  async write(client: McpClient) {
    this.writes.push(client);
    return { client, path: `/home/u/.config/${client}.json`, written: true, backupPath: null };
  }
}

/** A mode cell. */
export class FakeMode implements OperationModeCell {
  constructor(public mode: OperationMode = 'READ_ONLY') {}
  get(): OperationMode {
    return this.mode;
  }
  set(mode: OperationMode): void {
    this.mode = mode;
  }
}

/** A demo port. */
export class FakeDemo implements DemoPort {
  starts = 0;
  async ensureStarted() {
    this.starts += 1;
    return { apiUrl: 'http://127.0.0.1:9', dataApiUrl: 'http://127.0.0.1:9/data' };
  }
}

/** A service over fakes, started, with every emitted event recorded. */
export async function createTestService() {
  const core = new FakeCore();
  const bridge = new FakeBridge();
  const clientConfig = new FakeClientConfig();
  const mode = new FakeMode();
  const demo = new FakeDemo();
  const events = new EventHub();
  const emitted: Array<{ channel: string; payload: unknown }> = [];
  events.subscribe((channel, payload) => emitted.push({ channel, payload }));
  const preferences = new Preferences(new MemoryJsonStore(), { operationMode: 'READ_ONLY', apiUrl: null, dataApiUrl: null });
  await preferences.load();
  const sessions: SessionsPort = { desktop: () => core.desktop(), list: () => core.list(), move: (id, t) => core.move(id, t), onDidChange: (l) => core.onSessionsChange(l) };
  // The real HTTP endpoint switch over an in-memory keychain (it is never enabled here: no port is opened).
  const mcpHttp = new McpHttpBridge({ registry: { openMcpSession: () => Promise.reject(new Error('no sessions in shell tests')) }, mode, secretStore: new MemorySecretStore(), version: '0.1.0' });
  const service = new DesktopService({ shell: 'serve', version: '0.1.0', platform: 'linux', account: core, sessions, bridge, clientConfig, demo, mode, mcpHttp, preferences, events, now: () => new Date('2026-01-01T00:00:00Z') });
  service.start();
  const internal: unknown[] = [];
  const dispatch = createDispatcher(service.handlers, (_c, e) => internal.push(e));
  return { core, bridge, clientConfig, mode, demo, events, emitted, preferences, service, dispatch, internal };
}
