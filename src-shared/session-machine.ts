/**
 * One tenant session's state machine, as data (STYLE.md 4, 11): the desktop session and every MCP
 * session. A pure reducer; the session in main is its only owner.
 *
 * ```
 *   active(lastFailure?) ── switchRequested(to) ──> switching(to)
 *        ^      ^                                      │        │
 *        │      └─── switchFailed(error): active(error) ┘        │ switchSucceeded:
 *        └───────────────────────────────────────────────────────┘ active (no failure)
 *   switching(to) ── switchCancelled: active, as before the switch (the person gave up waiting)
 *   any ── ended(reason) ──> ended   (final: nothing leaves it)
 * ```
 *
 * The machine holds no tenant: the tenant in force is the tenant claim of the session's credential, the
 * one place that fact lives. A failed switch leaves the credential as it was, and says why in
 * `lastFailure` until the next switch succeeds.
 */
import { type AppErrorData } from './errors';
import { missingCaseError } from './missing-case';

/** A switch that failed: where it went, and why. */
export interface SwitchFailure {
  to: string;
  error: AppErrorData;
}

/** Every session state. */
export type SessionState =
  | { type: 'active'; lastFailure: SwitchFailure | null }
  | { type: 'switching'; to: string; lastFailure: SwitchFailure | null }
  | { type: 'ended'; reason: 'closed' | 'signed_out' };

/** Everything that can happen to a session. */
export type SessionEvent =
  | { type: 'switchRequested'; to: string }
  | { type: 'switchSucceeded' }
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

/** A session that has just started (in the tenant of its credential). */
export function startedSession(): SessionState {
  return { type: 'active', lastFailure: null };
}

const refuse = (state: SessionState, event: SessionEvent, reason: string): SessionTransition => ({ ok: false, rejection: { from: state.type, event: event.type, reason } });

/** The pure transition function: never throws, never mutates. */
export function transitionSession(state: SessionState, event: SessionEvent): SessionTransition {
  if (state.type === 'ended') return refuse(state, event, 'the session has ended');
  switch (event.type) {
    case 'switchRequested':
      if (state.type === 'switching') return refuse(state, event, 'a switch is already in flight; switches are serialized');
      return { ok: true, state: { type: 'switching', to: event.to, lastFailure: state.lastFailure } };
    case 'switchSucceeded':
      return state.type === 'switching' ? { ok: true, state: { type: 'active', lastFailure: null } } : refuse(state, event, 'no switch is in flight');
    case 'switchFailed':
      // Nothing changed but the reason, kept until the next switch succeeds.
      return state.type === 'switching' ? { ok: true, state: { type: 'active', lastFailure: { to: state.to, error: event.error } } } : refuse(state, event, 'no switch is in flight');
    case 'switchCancelled':
      // Not a failure: the session is where it was, with what it knew before.
      return state.type === 'switching' ? { ok: true, state: { type: 'active', lastFailure: state.lastFailure } } : refuse(state, event, 'no switch is in flight');
    case 'ended':
      return { ok: true, state: { type: 'ended', reason: event.reason } };
    default:
      return missingCaseError(event);
  }
}
