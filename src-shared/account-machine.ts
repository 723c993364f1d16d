/**
 * The account's state machine, as data (STYLE.md 4, 11): the desktop's sign-in flow. A pure reducer;
 * the account in main is its only owner and every change goes through `transitionAccount`.
 *
 * ```
 *             signInStarted              signedIn (several switchable tenants, not restored)
 *  signedOut ─────────────> signingIn ─────────────────────────────────────> choosingTenant
 *     ^  ^                  │   │ signedIn (one tenant, or restored)              │ tenantChosen
 *     │  └─ signInFailed ───┘   v                                                 v
 *     │                      active <──────────────────────────────────────────────┘
 *     │                        │  └─ tenantChosen: the desktop switched (stays active)
 *     └── signedOut(reason) ───┘  (from any state but signedOut; `refresh_refused`: the sign-in ended by itself)
 * ```
 *
 * The machine holds no tenant: where the desktop is lives in the desktop session (its credential's
 * tenant claim), the one place that fact is kept.
 *
 * A refused transition is not an exception: the result says why, and the owner logs it.
 */
import { missingCaseError } from './missing-case';

/** Why the account is signed out. */
export type SignOutReason = 'never_signed_in' | 'signed_out' | 'refresh_refused' | 'sign_in_failed';

/** Every account state. */
export type AccountState =
  | { type: 'signedOut'; reason: SignOutReason }
  | { type: 'signingIn' }
  | { type: 'choosingTenant'; switchableTenantIds: readonly string[] }
  | { type: 'active' };

/** The `type` of an account state. */
export type AccountStateType = AccountState['type'];

/** Everything that can happen to the account. */
export type AccountEvent =
  | { type: 'signInStarted' }
  | { type: 'signInFailed' }
  /** Credentials accepted; `restored` when they came from the keychain (the user chose before: no picker). */
  | { type: 'signedIn'; switchableTenantIds: readonly string[]; restored: boolean }
  /** The org-picker's choice, or later a desktop switch: the desktop session is where the person wants it. */
  | { type: 'tenantChosen' }
  | { type: 'signedOut'; reason: 'signed_out' | 'refresh_refused' };

/** Why a transition was refused: plain data, for logs and tests. */
export interface AccountRejection {
  from: AccountStateType;
  event: AccountEvent['type'];
  reason: string;
}

/** The result of a transition: the next state (the same object when nothing changed), or a rejection. */
export type AccountTransition = { ok: true; state: AccountState } | { ok: false; rejection: AccountRejection };

/** The state before anyone signed in. */
export const initialAccountState: AccountState = { type: 'signedOut', reason: 'never_signed_in' };

/**
 * The one "signed in" rule, for main and the window alike: credentials are held (the org-picker or the
 * main window). Takes the state's `type`, which is also what the window is pushed as the account state.
 */
export function isSignedIn(state: AccountStateType): boolean {
  return state === 'choosingTenant' || state === 'active';
}

const refuse = (state: AccountState, event: AccountEvent, reason: string): AccountTransition => ({ ok: false, rejection: { from: state.type, event: event.type, reason } });

/** The pure transition function: never throws, never mutates. */
export function transitionAccount(state: AccountState, event: AccountEvent): AccountTransition {
  switch (event.type) {
    case 'signInStarted':
      return state.type === 'signedOut' ? { ok: true, state: { type: 'signingIn' } } : refuse(state, event, 'already signed in or signing in; sign out first');
    case 'signInFailed':
      return state.type === 'signingIn' ? { ok: true, state: { type: 'signedOut', reason: 'sign_in_failed' } } : refuse(state, event, 'no sign-in is in progress');
    case 'signedIn': {
      if (state.type !== 'signingIn') return refuse(state, event, 'no sign-in is in progress');
      // Single-tenant mode (AuthVital seed): one switchable tenant means no picker; a restore chose before.
      const pick = !event.restored && event.switchableTenantIds.length > 1;
      return { ok: true, state: pick ? { type: 'choosingTenant', switchableTenantIds: [...event.switchableTenantIds] } : { type: 'active' } };
    }
    case 'tenantChosen':
      if (state.type === 'active') return { ok: true, state };
      if (state.type === 'choosingTenant') return { ok: true, state: { type: 'active' } };
      return refuse(state, event, 'nobody is signed in');
    case 'signedOut':
      if (state.type === 'signedOut') return refuse(state, event, 'already signed out');
      return { ok: true, state: { type: 'signedOut', reason: event.reason } };
    default:
      return missingCaseError(event);
  }
}
