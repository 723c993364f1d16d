/**
 * The tenant session: one tenant context — the desktop's, or one MCP connection's — with one credential
 * cell and the caches of the tenant it is in. It knows where it is and with which token; what the API
 * offers lives in the domain modules (../domains), which a call reaches through the scope it opens here.
 *
 * - A call opens a scope (tenant-scope.ts) that pins the credential it runs with, so a switch here never
 *   redirects a call already running (docs/tenant-isolation.md).
 * - Switches run one at a time through the session state machine (tenant-switch.ts).
 * - Calls that name another tenant run on the account's token of that tenant (tenant-homes.ts).
 *
 * `activeTenantId` is always the `tenantId` claim of the credential in the cell: there is no second copy
 * that could drift from the token.
 */
import { randomUUID } from 'node:crypto';
import { firstIssue } from '../../../src-shared/zod-issue';
import { TenantIdSchema, type Segment, type Tenant } from '../../../src-shared/api';
import type { SessionKind, SessionSnapshot } from '../../../src-shared/session';
import type { SessionState } from '../../../src-shared/session-machine';
import type { Clock } from '../common/clock';
import { CoreError } from '../common/core-error';
import { Emitter } from '../common/emitter';
import { parseInput } from '../common/input-check';
import type { Scoped } from '../http/api-call';
import type { HttpClient } from '../http/http-client';
import { CredentialCell, tenantOf, type Credential } from '../tokens/credential';
import type { ApiUrls } from '../tokens/data-client';
import { PersistedTenant } from '../tokens/scoped-token';
import { TenantTokens } from '../tokens/tenant-tokens';
import type { TokenBroker } from '../tokens/token-broker';
import type { TokenVerifier } from '../tokens/token-verifier';
import { createScopeHost } from './scope-host';
import { SessionActivity } from './session-activity';
import { TenantHomes } from './tenant-homes';
import { TenantCaches, TenantScope, type ScopeHost } from './tenant-scope';
import type { SwitchOutcome, TenantSession, TenantsView } from './tenant-session';
import { TenantSwitch } from './tenant-switch';

/** What a session needs; assembled by the registry. */
export interface CoreSessionDeps {
  kind: SessionKind;
  credential: Credential;
  urls: ApiUrls;
  http: HttpClient;
  verifier: TokenVerifier;
  broker: TokenBroker;
  clock: Clock;
  id?: string;
  clientInfo?: { name: string | null; version: string | null };
  /** Where refused state transitions are reported (never silently dropped). */
  log?: (message: string) => void;
  /** The account's per-tenant token cache (docs/tenant-isolation.md); one of its own when absent. */
  tenantTokens?: TenantTokens;
  /** The tenant the API has persisted for a SUPERADMIN, shared by the account's sessions; one of its own when absent. */
  persistedTenant?: PersistedTenant;
  /** The tenant list the sign-in read with this access token, if it is still unclaimed (read once, not twice). */
  signInTenants?: (accessToken: string) => Tenant[] | null;
}

/** The TenantSession implementation. */
export class CoreSession implements TenantSession {
  readonly id: string;
  readonly kind: SessionKind;
  /** The tenant of the token the session started with (its `tenantId` claim); reset returns here. */
  readonly homeTenantId: string | null;

  private readonly cell: CredentialCell;
  private readonly abort = new AbortController();
  private readonly changeEmitter = new Emitter<SessionSnapshot>();
  private readonly endEmitter = new Emitter<SessionSnapshot>();
  private readonly moveEmitter = new Emitter<SwitchOutcome>();
  private readonly writeEmitter = new Emitter<Scoped<Segment>>();
  /** The active tenant's caches; a switch replaces the object (calls pinned before keep the old one). */
  private caches = new TenantCaches();
  private readonly activity: SessionActivity;
  private readonly switcher: TenantSwitch;
  /** What this session lends the scopes of its calls. */
  private readonly host: ScopeHost;
  /** Named tenants' credentials and this session's caches of them. */
  private readonly homes: TenantHomes;

  /** Fires after every change of the snapshot. */
  readonly onDidChange = this.changeEmitter.event;
  /** Fires once when the session ends (closed or signed out). */
  readonly onDidEnd = this.endEmitter.event;
  /** Fires after the desktop moved this session to another tenant (`moveTo`), never for its own switches. */
  readonly onDidMove = this.moveEmitter.event;
  /** Fires after a call of this session created or updated a segment (the window shows it without reloading). */
  readonly onDidWriteSegment = this.writeEmitter.event;

  constructor(private readonly deps: CoreSessionDeps) {
    this.id = deps.id ?? randomUUID();
    this.kind = deps.kind;
    this.cell = new CredentialCell(deps.credential);
    this.homeTenantId = tenantOf(deps.credential);
    this.activity = new SessionActivity(new Date(deps.clock.now()).toISOString(), deps.clientInfo);
    const persisted = deps.persistedTenant ?? new PersistedTenant(this.homeTenantId);
    const announceWrite = (written: Scoped<Segment>): void => {
      if (!this.closed) this.writeEmitter.fire(written);
    };
    const { host, scopedTokens } = createScopeHost({ ...deps, persisted, signal: this.abort.signal, announceWrite });
    this.host = host;
    this.homes = new TenantHomes({ tenantTokens: deps.tenantTokens ?? new TenantTokens({ clock: deps.clock }), scopedTokens, broker: deps.broker, via: () => this.activeScope().data });
    this.switcher = new TenantSwitch({
      sessionId: this.id,
      cell: this.cell,
      verifier: deps.verifier,
      persisted,
      homeTenantId: this.homeTenantId,
      via: () => this.activeScope().data,
      installed: () => {
        this.caches = new TenantCaches();
      },
      changed: () => this.changed(),
      closed: () => this.closed,
      ...(deps.log === undefined ? {} : { log: deps.log }),
    });
  }

  /** The tenant of the token in the cell right now. */
  get activeTenantId(): string | null {
    return tenantOf(this.cell.current);
  }

  /** The credential in force (tests and the registry copy it; never leaves the main process). */
  get credential(): Credential {
    return this.cell.current;
  }

  /** True once the session has ended. */
  get closed(): boolean {
    return this.abort.signal.aborted;
  }

  /** The state machine's current state (active, switching or ended). */
  get sessionState(): SessionState {
    return this.switcher.state;
  }

  snapshot(): SessionSnapshot {
    const state = this.switcher.state;
    const lastFailure = state.type === 'ended' ? null : (state.lastFailure ?? null);
    return {
      id: this.id,
      kind: this.kind,
      ...this.activity.fields(),
      activeTenantId: this.activeTenantId,
      homeTenantId: this.homeTenantId,
      role: this.cell.current.claims.role ?? null,
      switchingTo: state.type === 'switching' ? state.to : null,
      lastSwitchError: lastFailure?.error ?? null,
      lastSwitchTarget: lastFailure?.to ?? null,
    };
  }

  setClientInfo(info: { name: string | null; version: string | null }): void {
    this.activity.setClient(info);
    this.changed();
  }

  /** Counts a tool call for the snapshot (`lastToolCall`, `callCount`); the MCP bridge calls it. */
  recordToolCall(name: string): void {
    this.activity.recordToolCall(name);
    this.changed();
  }

  async listTenants(): Promise<TenantsView> {
    this.ensureOpen();
    const early = this.deps.signInTenants?.(this.cell.current.accessToken) ?? null;
    if (early !== null) return { tenants: early, role: this.cell.current.claims.role ?? null, homeTenantId: this.homeTenantId, activeTenantId: this.activeTenantId };
    const { credential, value } = await this.activeScope().data.listTenants();
    return { tenants: value, role: credential.claims.role ?? null, homeTenantId: this.homeTenantId, activeTenantId: tenantOf(credential) };
  }

  async switchTenant(tenantId: string): Promise<SwitchOutcome> {
    return this.switcher.run(parseInput(TenantIdSchema, tenantId, 'tenantId'));
  }

  /** The desktop's sessions panel moves this session: a switch the session did not ask for, announced as such. */
  async moveTo(tenantId: string): Promise<SwitchOutcome> {
    const outcome = await this.switchTenant(tenantId);
    this.moveEmitter.fire(outcome);
    return outcome;
  }

  resetTenant(): Promise<SwitchOutcome> {
    if (this.homeTenantId === null) {
      return Promise.reject(new CoreError('no_home_tenant', 'this session started with a token that names no tenant (no tenantId claim), so there is no home tenant to return to'));
    }
    return this.switchTenant(this.homeTenantId);
  }

  /** Stops waiting for the switch in flight (tenant-switch.ts); false when none was in flight. */
  cancelSwitch(): boolean {
    return this.switcher.cancel();
  }

  /**
   * The scope one call runs in (docs/tenant-isolation.md), with its credential pinned now:
   * - no tenant named, or the active one named: the session's credential as it is at this moment;
   * - another tenant: the account's per-tenant credential (tenant-tokens.ts), minted once through the
   *   switch endpoint and checked like a switch, without moving this session.
   * A later switch of this session changes neither. Rejects like a switch for an unreachable tenant
   * (`tenant_forbidden`, `tenant_not_found`, naming `tenant_id`); `invalid_request` for a malformed id.
   */
  async openScope(tenantId?: string): Promise<TenantScope> {
    this.ensureOpen();
    // Pinned before any await: what "the active tenant when the call started" means.
    const active = this.activeScope();
    if (tenantId === undefined) return active;
    const parsed = TenantIdSchema.safeParse(tenantId);
    if (!parsed.success) throw new CoreError('invalid_request', `tenant_id is not a tenant id (${firstIssue(parsed.error).message}); take one from nevent_list_tenants`, 'tenant_id');
    if (parsed.data === active.tenantId) return active;
    const home = await this.homes.home(parsed.data);
    this.ensureOpen();
    return new TenantScope(this.host, home);
  }

  /** Renews the current credential now (the same path a 401 takes); used by tests and the tray. */
  async refresh(): Promise<void> {
    this.ensureOpen();
    const current = this.cell.current;
    const renewed = await this.host.renewer.renew(current);
    if (!this.closed) this.cell.replaceIf(current, renewed);
  }

  close(): void {
    this.end();
  }

  /**
   * Ends the session: requests in flight are aborted and reject with `signed_out` (calls pinned to
   * other tenants included: they share this session's signal); queued switches find the session
   * closed; listeners are dropped after one last `onDidEnd`.
   */
  end(reason: 'closed' | 'signed_out' = 'closed'): void {
    if (this.closed) return;
    this.abort.abort(new CoreError('signed_out', reason === 'signed_out' ? 'the account was signed out' : 'the session was closed'));
    this.homes.clear();
    this.switcher.end(reason);
    this.endEmitter.fire(this.snapshot());
    for (const emitter of [this.changeEmitter, this.endEmitter, this.moveEmitter, this.writeEmitter]) emitter.dispose();
  }

  /** A scope pinned to the session's credential as it is now, with the active tenant's caches. */
  private activeScope(): TenantScope {
    return new TenantScope(this.host, { cell: this.cell, caches: this.caches });
  }

  private ensureOpen(): void {
    if (this.closed) throw new CoreError('signed_out', 'this session has ended');
  }

  private changed(): void {
    if (!this.closed) this.changeEmitter.fire(this.snapshot());
  }
}
