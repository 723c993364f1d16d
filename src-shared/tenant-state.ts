/**
 * The tenant state machine, as data (STYLE.md 4): a union tagged by `type`, one factory per state, a
 * pure `transition(state, event)`. Used by every session (active ⇄ switching, signed out) and by the
 * account for the desktop's sign-in flow.
 *
 * ```
 *             signInStarted              signedIn (several switchable tenants)
 *  signedOut ─────────────> signingIn ───────────────────────────> choosingTenant
 *     ^  ^                  │   │ signedIn (one tenant, or restored)    │ tenantChosen(t)
 *     │  └─ signInFailed ───┘   v                                       │ (t = current: active)
 *     │                      active(tenant) <───────────────────────────┘
 *     │                       │    ^    ^
 *     │       switchRequested │    │    │ switchFailed: back to active(from), nothing changed
 *     │                       v    │    │
 *     │                     switching(from, to) ── switchSucceeded(t) ──> active(t)
 *     │
 *     └── signOut (from any other state) / refreshFailed (from any signed-in state)
 * ```
 *
 * A forbidden transition is not an exception: `transition` returns `{ ok: false, rejection }`.
 */
import { missingCaseError } from './errors';

/** Nobody is signed in (or the account was signed out, or a refresh was refused). */
export interface SignedOutState {
  type: 'signedOut';
}
/** Credentials are being checked. */
export interface SigningInState {
  type: 'signingIn';
}
/**
 * Signed in with several switchable tenants: the org-picker is shown. `tenantId` is the token's tenant
 * (null for an unscoped token, as everywhere below).
 */
export interface ChoosingTenantState {
  type: 'choosingTenant';
  tenantId: string | null;
  switchableTenantIds: readonly string[];
}
/** Working in one tenant. */
export interface ActiveState {
  type: 'active';
  tenantId: string | null;
}
/** A switch is in flight; `from` stays in force until it succeeds. */
export interface SwitchingState {
  type: 'switching';
  from: string | null;
  to: string;
}

/** Every tenant state. */
export type TenantState = SignedOutState | SigningInState | ChoosingTenantState | ActiveState | SwitchingState;
/** The `type` of a tenant state. */
export type TenantStateType = TenantState['type'];

/** Factory: signed out. */
export function signedOut(): SignedOutState {
  return { type: 'signedOut' };
}
/** Factory: signing in. */
export function signingIn(): SigningInState {
  return { type: 'signingIn' };
}
/** Factory: choosing a tenant in the org-picker. */
export function choosingTenant(tenantId: string | null, switchableTenantIds: readonly string[]): ChoosingTenantState {
  return { type: 'choosingTenant', tenantId, switchableTenantIds: [...switchableTenantIds] };
}
/** Factory: active in a tenant. */
export function active(tenantId: string | null): ActiveState {
  return { type: 'active', tenantId };
}
/** Factory: switching from one tenant to another. */
export function switching(from: string | null, to: string): SwitchingState {
  return { type: 'switching', from, to };
}

/** Everything that can happen to a tenant state. */
export type TenantEvent =
  | { type: 'signInStarted' }
  | { type: 'signInFailed' }
  /**
   * Credentials accepted. `tenantId` is the token's tenant; `switchableTenantIds` the ACTIVE
   * memberships; `restored` when they came from the keychain (the user chose before: no picker).
   */
  | { type: 'signedIn'; tenantId: string | null; switchableTenantIds: readonly string[]; restored: boolean }
  | { type: 'tenantChosen'; tenantId: string }
  | { type: 'switchRequested'; to: string }
  /** `tenantId` is the new token's claim. */
  | { type: 'switchSucceeded'; tenantId: string }
  | { type: 'switchFailed' }
  | { type: 'refreshFailed' }
  | { type: 'signOut' };
/** The `type` of a tenant event. */
export type TenantEventType = TenantEvent['type'];

/** Why a transition was refused: plain data, for logs and tests. */
export interface TransitionRejection {
  type: 'rejected';
  from: TenantStateType;
  event: TenantEventType;
  reason: string;
}

/** The result of `transition`: the next state, or a typed rejection (state unchanged). */
export type TransitionResult = { ok: true; state: TenantState } | { ok: false; rejection: TransitionRejection };

function ok(state: TenantState): TransitionResult {
  return { ok: true, state };
}

function reject(state: TenantState, event: TenantEvent, reason: string): TransitionResult {
  return { ok: false, rejection: { type: 'rejected', from: state.type, event: event.type, reason } };
}

/** The tenant a state is working in, if any (the `from` side while switching). */
export function currentTenantOf(state: TenantState): string | null {
  switch (state.type) {
    case 'signedOut':
    case 'signingIn':
      return null;
    case 'choosingTenant':
    case 'active':
      return state.tenantId;
    case 'switching':
      return state.from;
    default:
      return missingCaseError(state);
  }
}

/** True when credentials are held (every state but signedOut and signingIn). */
export function isSignedIn(state: TenantState): boolean {
  return state.type !== 'signedOut' && state.type !== 'signingIn';
}

/** The pure transition function: never throws, never mutates. */
export function transition(state: TenantState, event: TenantEvent): TransitionResult {
  switch (event.type) {
    case 'signInStarted':
      return state.type === 'signedOut' ? ok(signingIn()) : reject(state, event, 'already signed in or signing in; sign out first');
    case 'signInFailed':
      return state.type === 'signingIn' ? ok(signedOut()) : reject(state, event, 'no sign-in is in progress');
    case 'signedIn': {
      if (state.type !== 'signingIn') return reject(state, event, 'no sign-in is in progress');
      // Single-tenant mode (AuthVital seed): exactly one accessible tenant means no picker.
      const pick = !event.restored && event.switchableTenantIds.length > 1;
      return ok(pick ? choosingTenant(event.tenantId, event.switchableTenantIds) : active(event.tenantId));
    }
    case 'tenantChosen':
      if (state.type !== 'choosingTenant') return reject(state, event, 'the org-picker is not open');
      return ok(event.tenantId === state.tenantId ? active(state.tenantId) : switching(state.tenantId, event.tenantId));
    case 'switchRequested':
      if (state.type === 'switching') return reject(state, event, 'a switch is already in flight; switches are serialized');
      if (state.type !== 'active') return reject(state, event, 'no active tenant to switch from');
      return ok(switching(state.tenantId, event.to));
    case 'switchSucceeded':
      return state.type === 'switching' ? ok(active(event.tenantId)) : reject(state, event, 'no switch is in flight');
    case 'switchFailed':
      // Errors return to the previous active state: nothing changed.
      return state.type === 'switching' ? ok(active(state.from)) : reject(state, event, 'no switch is in flight');
    case 'refreshFailed':
      return isSignedIn(state) ? ok(signedOut()) : reject(state, event, 'not signed in');
    case 'signOut':
      // Also cancels a sign-in in progress.
      return state.type === 'signedOut' ? reject(state, event, 'already signed out') : ok(signedOut());
    default:
      return missingCaseError(event);
  }
}
