/**
 * One tenant session's state machine, as data (STYLE.md 4, 11): the desktop session and every MCP
 * session. A pure reducer; the session in main is its only owner.
 *
 * ```
 *   active(t, lastFailure?) ── switchRequested(to) ──> switching(from t, to)
 *        ^      ^                                         │        │
 *        │      └─── switchFailed(error): active(from, error) ─────┘        switchSucceeded(t'):
 *        └─────────────────────────────────────────────────────────────────── active(t')
 *   switching(from, to) ── switchCancelled: active(from), as before the switch (the person gave up waiting)
 *   any ── ended(reason) ──> ended   (final: nothing leaves it)
 * ```
 *
 * `tenantId` is always the tenant claim of the credential in force; a failed switch leaves it, and
 * says why in `lastFailure` until the next switch succeeds.
 */
import { missingCaseError, type AppErrorData } from './errors';

/** A switch that failed: where it went, and why. */
export interface SwitchFailure {
  to: string;
  error: AppErrorData;
}

/** Every session state. */
export type SessionState =
  | { type: 'active'; tenantId: string | null; lastFailure: SwitchFailure | null }
  | { type: 'switching'; from: string | null; to: string; lastFailure: SwitchFailure | null }
  | { type: 'ended'; reason: 'closed' | 'signed_out' };

/** Everything that can happen to a session. */
export type SessionEvent =
  | { type: 'switchRequested'; to: string }
  | { type: 'switchSucceeded'; tenantId: string | null }
  | { type: 'switchFailed'; error: AppErrorData }
  | { type: 'switchCancelled' }
  | { type: 'ended'; reason: 'closed' | 'signed_out' };

/** Why a transition was refused. */
export interface SessionRejection {
  from: SessionState['type'];
  event: SessionEvent['type'];
  reason: string;
}

/** The result of a transition. */
export type SessionTransition = { ok: true; state: SessionState } | { ok: false; rejection: SessionRejection };

/** A session that starts in `tenantId`. */
export function startedSession(tenantId: string | null): SessionState {
  return { type: 'active', tenantId, lastFailure: null };
}

/** The tenant in force (the `from` side while switching; null once ended). */
export function sessionTenantOf(state: SessionState): string | null {
  switch (state.type) {
    case 'active':
      return state.tenantId;
    case 'switching':
      return state.from;
    case 'ended':
      return null;
    default:
      return missingCaseError(state);
  }
}

const refuse = (state: SessionState, event: SessionEvent, reason: string): SessionTransition => ({ ok: false, rejection: { from: state.type, event: event.type, reason } });

/** The pure transition function: never throws, never mutates. */
export function transitionSession(state: SessionState, event: SessionEvent): SessionTransition {
  if (state.type === 'ended') return refuse(state, event, 'the session has ended');
  switch (event.type) {
    case 'switchRequested':
      if (state.type === 'switching') return refuse(state, event, 'a switch is already in flight; switches are serialized');
      return { ok: true, state: { type: 'switching', from: state.tenantId, to: event.to, lastFailure: state.lastFailure } };
    case 'switchSucceeded':
      return state.type === 'switching' ? { ok: true, state: { type: 'active', tenantId: event.tenantId, lastFailure: null } } : refuse(state, event, 'no switch is in flight');
    case 'switchFailed':
      // Nothing changed but the reason, kept until the next switch succeeds.
      return state.type === 'switching' ? { ok: true, state: { type: 'active', tenantId: state.from, lastFailure: { to: state.to, error: event.error } } } : refuse(state, event, 'no switch is in flight');
    case 'switchCancelled':
      // Not a failure: the session is where it was, with what it knew before.
      return state.type === 'switching' ? { ok: true, state: { type: 'active', tenantId: state.from, lastFailure: state.lastFailure } } : refuse(state, event, 'no switch is in flight');
    case 'ended':
      return { ok: true, state: { type: 'ended', reason: event.reason } };
    default:
      return missingCaseError(event);
  }
}
