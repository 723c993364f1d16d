/**
 * How a session moves to another tenant: one switch at a time, through the session state machine
 * (src-shared/session-machine.ts), and never half done.
 *
 *   switchRequested ─> POST /users/tenant ─> verify token (tenant, exp, iss, signature) ─┐
 *        │                   │ fails                 │ fails                                │ all awaits done
 *        │                   v                       v                                      v
 *        │            switchFailed: token, tenant, caches untouched         one synchronous step:
 *        │                                                                   cell.replace + new caches
 *        └─ state `switching` (snapshot.switchingTo = to)                    + state active(claim)
 *
 * A call already running keeps the credential its scope pinned (docs/tenant-isolation.md): the switch
 * replaces the session's cell and caches, never a scope's.
 */
import type { AccessTokenClaims, TokenPair } from '../../../src-shared/api';
import { startedSession, transitionSession, type SessionEvent, type SessionState } from '../../../src-shared/session-machine';
import { asCoreError } from '../common/error-data';
import { CoreError } from '../common/core-error';
import { SerialQueue } from '../common/serial-queue';
import type { Authorized } from '../tokens/authorized-requester';
import { tenantOf, type Credential, type CredentialCell } from '../tokens/credential';
import type { PersistedTenant } from '../tokens/scoped-token';
import type { TokenVerifier } from '../tokens/token-verifier';
import type { DataClient } from '../tokens/data-client';
import type { SwitchOutcome } from './tenant-session';

/** What a switch reads and replaces in its session. */
export interface TenantSwitchDeps {
  /** Names the session in a refused transition's log line. */
  sessionId: string;
  /** The session's credential: the switch's one write. */
  cell: CredentialCell;
  verifier: TokenVerifier;
  /** The tenant the API persisted for a SUPERADMIN; a session's own switch is a choice it keeps. */
  persisted: PersistedTenant;
  homeTenantId: string | null;
  /** The session's API client as it is now (the switch request goes with the current token). */
  via: () => DataClient;
  /** Called inside the synchronous step with the new credential in place: the session drops the old tenant's caches. */
  installed: () => void;
  /** The session's state changed (it announces a new snapshot). */
  changed: () => void;
  closed: () => boolean;
  log?: (message: string) => void;
}

/** The switching half of a session: its state, its queue of switches and the one in flight. */
export class TenantSwitch {
  private current: SessionState = startedSession();
  private readonly queue = new SerialQueue();
  /** Rejects the switch in flight with `cancelled` (set only while one runs). */
  private cancelInFlight: (() => void) | null = null;

  constructor(private readonly deps: TenantSwitchDeps) {}

  /** The state machine's current state (active, switching or ended). */
  get state(): SessionState {
    return this.current;
  }

  /** Queues a switch to `target` (an already checked tenant id); switches run one after another. */
  run(target: string): Promise<SwitchOutcome> {
    return this.queue.run(() => this.runNow(target));
  }

  /**
   * Stops waiting for the switch in flight, if any: it fails with `cancelled` and the session stays in
   * its tenant. The API may still carry the switch out; its answer is never installed. False when no
   * switch was in flight.
   */
  cancel(): boolean {
    const cancel = this.cancelInFlight;
    if (cancel === null) return false;
    cancel();
    return true;
  }

  /** The session ended: the state says why, and a switch still waiting finds it closed. */
  end(reason: 'closed' | 'signed_out'): void {
    this.apply({ type: 'ended', reason });
  }

  private async runNow(target: string): Promise<SwitchOutcome> {
    const { cell } = this.deps;
    this.ensureOpen();
    const previousTenantId = tenantOf(cell.current);
    // Switches are serialized by the queue, so a refusal here is a bug: it is logged and reported.
    if (!this.apply({ type: 'switchRequested', to: target })) throw new CoreError('internal_error', 'the session cannot switch now');
    this.deps.changed();
    // The person may give up waiting (`cancel`): the race settles at once, the request's late
    // answer is dropped unread, and the session stays in the tenant it was in.
    const cancelled = new Promise<never>((_resolve, reject) => {
      this.cancelInFlight = () => reject(new CoreError('cancelled', `the switch to tenant ${target} was cancelled; still in ${previousTenantId ?? 'no tenant'}`));
    });
    try {
      const { answer, claims } = await Promise.race([this.request(target), cancelled]);
      this.ensureOpen();
      // ---- one synchronous step: nothing below awaits, so no reader can see a half-switched session.
      const next: Credential = { accessToken: answer.value.accessToken, refreshToken: answer.value.refreshToken ?? answer.credential.refreshToken, claims };
      cell.replace(next);
      this.deps.installed();
      this.apply({ type: 'switchSucceeded' });
      // ----
      // A session's switch is a choice: for a SUPERADMIN the API persisted it, and it stays.
      this.deps.persisted.noteSwitch(tenantOf(next));
      this.deps.changed();
      return { activeTenantId: tenantOf(next) ?? target, homeTenantId: this.deps.homeTenantId, previousTenantId };
    } catch (error) {
      const failure = this.deps.closed() ? new CoreError('signed_out', 'the session ended during the switch') : asCoreError(error);
      if (!this.deps.closed()) {
        this.apply(failure.code === 'cancelled' ? { type: 'switchCancelled' } : { type: 'switchFailed', error: failure.toData() });
        this.deps.changed();
      }
      throw failure;
    } finally {
      this.cancelInFlight = null;
    }
  }

  /** The switch request and the check of its token (what a cancel stops waiting for). */
  private async request(target: string): Promise<{ answer: Authorized<TokenPair>; claims: AccessTokenClaims }> {
    const answer = await this.deps.via().switchTenant(target);
    return { answer, claims: await this.deps.verifier.verify(answer.value.accessToken, target) };
  }

  /** Every state change goes through the machine; a refused event is logged with its reason (never dropped silently). */
  private apply(event: SessionEvent): boolean {
    const result = transitionSession(this.current, event);
    if (result.ok) {
      this.current = result.state;
      return true;
    }
    this.deps.log?.(`session ${this.deps.sessionId}: refused ${result.rejection.event} in ${result.rejection.from}: ${result.rejection.reason}`);
    return false;
  }

  private ensureOpen(): void {
    if (this.deps.closed()) throw new CoreError('signed_out', 'this session has ended');
  }
}
