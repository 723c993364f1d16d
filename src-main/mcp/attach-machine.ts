/**
 * The state machine of `mcp --attach` (attach-client.ts), as data: which side answers the AI client —
 * the app's socket or the offline server — and whether the client's lines go straight to it. A pure
 * reducer over any kind of side; the relay is its only owner.
 *
 * ```
 *   waiting ── sideChosen(s, nothing to replay) ──────────────> relaying(s)      lines go straight to s
 *      │    └─ sideChosen(s, replay: the client initialized ─> introducing(s)   lines queue until s
 *      │         with another side; its initialize is resent)       │           answers the replay
 *      │                                                            │ introduced(s)
 *      │                                                            v
 *      ^── sideLost(s) ── introducing(s) or relaying(s) <───────────┘
 *   introducing / relaying ── sideChosen(s') ──> introducing(s') or relaying(s')   (the app came back)
 *   any ── clientGone ──> finished   (final: nothing leaves it)
 * ```
 *
 * A refused transition is not an exception: the result says why, and the relay says it on stderr.
 */
import { missingCaseError } from '../../src-shared/missing-case';

/** Every state of the relay; `S` is a side (the relay's backend object: compared by identity). */
export type AttachState<S> =
  /** No side yet, or the last one was lost: the client's lines queue. */
  | { type: 'waiting' }
  /** `side` was sent the client's `initialize` again (under `replayKey`); lines queue until it answers. */
  | { type: 'introducing'; side: S; replayKey: string }
  /** `side` answers the client: lines go straight to it. */
  | { type: 'relaying'; side: S }
  /** The client hung up. */
  | { type: 'finished' };

/** Everything that can happen to the relay. */
export type AttachEvent<S> =
  /** `side` answers from now on; `replayKey` when the client's initialize was replayed to it (null: nothing to replay). */
  | { type: 'sideChosen'; side: S; replayKey: string | null }
  /** `side` answered the replayed initialize sent under `replayKey`. */
  | { type: 'introduced'; side: S; replayKey: string }
  /** `side`'s connection is gone. */
  | { type: 'sideLost'; side: S }
  /** The AI client hung up (stdin ended or stdout failed). */
  | { type: 'clientGone' };

/** Why a transition was refused: plain data, for the relay's stderr and tests. */
export interface AttachRejection {
  from: AttachState<unknown>['type'];
  event: AttachEvent<unknown>['type'];
  reason: string;
}

/** The result of a transition. */
export type AttachTransition<S> = { ok: true; state: AttachState<S> } | { ok: false; rejection: AttachRejection };

/** The relay before its first side. */
export const initialAttachState: AttachState<never> = { type: 'waiting' };

/** The side in force (introducing or relaying), or null. */
export function sideOf<S>(state: AttachState<S>): S | null {
  switch (state.type) {
    case 'introducing':
    case 'relaying':
      return state.side;
    case 'waiting':
    case 'finished':
      return null;
    default:
      return missingCaseError(state);
  }
}

const refuse = <S>(state: AttachState<S>, event: AttachEvent<S>, reason: string): AttachTransition<S> => ({ ok: false, rejection: { from: state.type, event: event.type, reason } });

/** The pure transition function: never throws, never mutates. */
export function transitionAttach<S>(state: AttachState<S>, event: AttachEvent<S>): AttachTransition<S> {
  if (state.type === 'finished') return refuse(state, event, 'the client has hung up');
  switch (event.type) {
    case 'sideChosen':
      return { ok: true, state: event.replayKey === null ? { type: 'relaying', side: event.side } : { type: 'introducing', side: event.side, replayKey: event.replayKey } };
    case 'introduced':
      if (state.type !== 'introducing' || state.side !== event.side || state.replayKey !== event.replayKey) return refuse(state, event, 'that side is not being introduced under that key');
      return { ok: true, state: { type: 'relaying', side: state.side } };
    case 'sideLost':
      if (sideOf(state) !== event.side) return refuse(state, event, 'that side is not the one in force');
      return { ok: true, state: { type: 'waiting' } };
    case 'clientGone':
      return { ok: true, state: { type: 'finished' } };
    default:
      return missingCaseError(event);
  }
}
