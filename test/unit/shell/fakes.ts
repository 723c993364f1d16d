/** In-memory fakes of the ports the desktop service uses (no core, no MCP, no I/O). */
import type { Segment, Tenant } from '../../../src-shared/api';
import type { AccountStatus, BridgeStatus, McpClient } from '../../../src-shared/ipc';
import type { AuditEntry, SessionSnapshot } from '../../../src-shared/session';
import { DesktopService } from '../../../src-main/app/desktop-service';
import { createDispatcher } from '../../../src-main/app/dispatcher';
import { EventHub } from '../../../src-main/app/event-hub';
import { MemoryJsonStore } from '../../../src-main/app/file-json-store';
import { OperationModeSetting, type ModeChange } from '../../../src-main/app/operation-mode-setting';
import type { AccountCredentials, AccountPort, BridgePort, ClientConfigPort, DemoPort, ExtensionPort, SessionsPort } from '../../../src-main/app/ports';
import { Preferences } from '../../../src-main/app/preferences';
import { CoreError, type SwitchOutcome, type TenantSession } from '../../../src-main/core/tenant-session';
import { FakeTenantSession } from '../../helpers/fake-tenant-session';
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

/** The one fake tenant session (test/helpers), over the demo-like tenants, answering with a token in every value. */
function fakeSession(id: string, kind: 'desktop' | 'mcp', home = 't-root'): FakeTenantSession {
  return new FakeTenantSession({ id, kind, tenants, homeTenantId: home, seedSegments: false, tokenInValues: secretToken });
}

/** Account + sessions in one fake, as the core keeps them together. */
export class FakeCore implements AccountPort {
  desktopSession: FakeTenantSession | null = null;
  readonly mcpSessions: FakeTenantSession[] = [];
  readonly signIns: AccountCredentials[] = [];
  /** How many times the desktop switch path told the account where the desktop is (the org-picker's choice). */
  chooseTenantCalls = 0;
  private readonly accountChanged = listeners<[]>();
  private readonly signedOut = listeners<['signed_out' | 'refresh_refused']>();
  private readonly sessionsChanged = listeners<[]>();
  private readonly segmentWrites = listeners<[{ tenantId: string; segment: Segment }]>();
  private sessionCount = 0;

  status(): AccountStatus {
    const signedIn = this.desktopSession !== null;
    return {
      state: signedIn ? 'active' : 'signedOut',
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
    this.desktopSession = this.adopt(fakeSession(`desktop-${this.sessionCount}`, 'desktop'));
    this.accountChanged.fire();
    this.sessionsChanged.fire();
  }
  async signOut(): Promise<void> {
    this.end('signed_out');
  }
  onDidChange(listener: () => void): () => void {
    return this.accountChanged.add(listener);
  }
  onDidSignOut(listener: (reason: 'signed_out' | 'refresh_refused') => void): () => void {
    return this.signedOut.add(listener);
  }
  onDidWriteSegment(listener: (write: { tenantId: string; segment: Segment }) => void): () => void {
    return this.segmentWrites.add(listener);
  }
  async switchDesktop(tenantId: string | 'home'): Promise<SwitchOutcome> {
    const desktop = this.desktopSession;
    if (desktop === null) throw new CoreError('signed_out', 'signed out');
    const outcome = tenantId === 'home' ? await desktop.resetTenant() : tenantId === desktop.active ? { activeTenantId: tenantId, homeTenantId: desktop.snapshot().homeTenantId, previousTenantId: tenantId } : await desktop.switchTenant(tenantId);
    this.chooseTenantCalls += 1;
    return outcome;
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
    return session.moveTo(tenantId);
  }
  /** Simulates an MCP client connecting. */
  connectMcp(name: string): FakeTenantSession {
    const session = this.adopt(fakeSession(`mcp-${this.mcpSessions.length + 1}`, 'mcp', this.desktopSession?.active ?? 't-root'));
    session.setClientInfo({ name, version: null });
    this.mcpSessions.push(session);
    this.sessionsChanged.fire();
    return session;
  }
  /** Simulates the refresh token being refused: the account signs itself out. */
  expire(): void {
    this.end('refresh_refused');
  }
  private adopt(session: FakeTenantSession): FakeTenantSession {
    session.onDidChange(() => this.sessionsChanged.fire());
    session.onDidWriteSegment(({ tenantId, value }) => this.segmentWrites.fire({ tenantId, segment: value }));
    return session;
  }
  private end(reason: 'signed_out' | 'refresh_refused'): void {
    this.desktopSession = null;
    this.mcpSessions.splice(0);
    this.accountChanged.fire();
    this.signedOut.fire(reason);
    this.sessionsChanged.fire();
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
  recordModeChange(change: ModeChange): void {
    this.append({ kind: 'mode', name: `${change.previous} → ${change.mode}`, sessionId: 'app', clientName: change.by, tenantId: null });
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

/** "Install the extension": records each install; the OS always opens the file. */
export class FakeExtension implements ExtensionPort {
  installs = 0;
  async install() {
    this.installs += 1;
    return { path: '/home/u/.config/nevent-companion/nevent-companion.mcpb', opened: true, reason: null };
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
  const extension = new FakeExtension();
  const mode = new OperationModeSetting('READ_ONLY');
  const demo = new FakeDemo();
  const events = new EventHub();
  const emitted: Array<{ channel: string; payload: unknown }> = [];
  events.subscribe((channel, payload) => emitted.push({ channel, payload }));
  const preferencesStore = new MemoryJsonStore();
  const preferences = new Preferences(preferencesStore, { apiUrl: null, dataApiUrl: null });
  await preferences.load();
  const sessions: SessionsPort = {
    desktop: () => core.desktop(),
    list: () => core.list(),
    switchDesktop: (tenantId) => core.switchDesktop(tenantId),
    cancelDesktopSwitch: () => false,
    move: (id, t) => core.move(id, t),
    onDidChange: (l) => core.onSessionsChange(l),
    onDidWriteSegment: (l) => core.onDidWriteSegment(l),
  };
  // The real HTTP endpoint switch over an in-memory keychain (it is never enabled here: no port is opened).
  const mcpHttp = new McpHttpBridge({ registry: { openMcpSession: () => Promise.reject(new Error('no sessions in shell tests')) }, mode, secretStore: new MemorySecretStore(), version: '0.1.0' });
  const service = new DesktopService({ shell: 'serve', version: '0.1.0', platform: 'linux', account: core, sessions, bridge, clientConfig, extension, demo, mode, mcpHttp, preferences, events, now: () => new Date('2026-01-01T00:00:00Z') });
  service.start();
  const internal: unknown[] = [];
  const dispatch = createDispatcher(service.handlers, (_c, e) => internal.push(e));
  /** Resolves once an emitted event (already, or later) satisfies `test`: an awaited condition, no sleep. */
  const until = (test: (event: { channel: string; payload: unknown }) => boolean): Promise<{ channel: string; payload: unknown }> => {
    const seen = emitted.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const off = events.subscribe((channel, payload) => {
        if (!test({ channel, payload })) return;
        off();
        resolve({ channel, payload });
      });
    });
  };
  /** The events emitted on `channel` so far. */
  const published = (channel: string): unknown[] => emitted.filter((e) => e.channel === channel).map((e) => e.payload);
  return { core, bridge, clientConfig, extension, mode, demo, events, emitted, preferences, preferencesStore, service, dispatch, internal, until, published };
}
