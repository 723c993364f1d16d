import { describe, expect, it } from 'vitest';
import {
  active,
  choosingTenant,
  currentTenantOf,
  isSignedIn,
  signedOut,
  signingIn,
  switching,
  transition,
  type TenantEvent,
  type TenantState,
} from '../../../src-shared/tenant-state';

function next(state: TenantState, event: TenantEvent): TenantState {
  const result = transition(state, event);
  if (!result.ok) throw new Error(`rejected: ${result.rejection.reason}`);
  return result.state;
}

function rejected(state: TenantState, event: TenantEvent) {
  const result = transition(state, event);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.state)}`);
  return result.rejection;
}

const signedInMany: TenantEvent = { type: 'signedIn', tenantId: 'home', switchableTenantIds: ['home', 'b', 'c'], restored: false };

describe('tenant state machine: allowed transitions', () => {
  it('signedOut → signingIn on signInStarted', () => {
    expect(next(signedOut(), { type: 'signInStarted' })).toEqual(signingIn());
  });

  it('signingIn → signedOut on signInFailed', () => {
    expect(next(signingIn(), { type: 'signInFailed' })).toEqual(signedOut());
  });

  it('signingIn → choosingTenant when several tenants are switchable', () => {
    expect(next(signingIn(), signedInMany)).toEqual(choosingTenant('home', ['home', 'b', 'c']));
  });

  it('signingIn → active in single-tenant mode (no picker)', () => {
    expect(next(signingIn(), { type: 'signedIn', tenantId: 'only', switchableTenantIds: ['only'], restored: false })).toEqual(active('only'));
    // No list at all (it could not be fetched): stay in the token's tenant.
    expect(next(signingIn(), { type: 'signedIn', tenantId: 'only', switchableTenantIds: [], restored: false })).toEqual(active('only'));
  });

  it('signingIn → active when restored from the keychain (the user chose before)', () => {
    expect(next(signingIn(), { ...signedInMany, restored: true } as TenantEvent)).toEqual(active('home'));
  });

  it('choosingTenant → active when the current tenant is chosen', () => {
    expect(next(choosingTenant('home', ['home', 'b']), { type: 'tenantChosen', tenantId: 'home' })).toEqual(active('home'));
  });

  it('choosingTenant → switching(from, to) when another tenant is chosen', () => {
    expect(next(choosingTenant('home', ['home', 'b']), { type: 'tenantChosen', tenantId: 'b' })).toEqual(switching('home', 'b'));
  });

  it('active → switching(from, to) on switchRequested', () => {
    expect(next(active('a'), { type: 'switchRequested', to: 'b' })).toEqual(switching('a', 'b'));
  });

  it('switching → active(claim tenant) on switchSucceeded', () => {
    expect(next(switching('a', 'b'), { type: 'switchSucceeded', tenantId: 'b' })).toEqual(active('b'));
  });

  it('switching → active(from) on switchFailed: errors return to the previous active state', () => {
    expect(next(switching('a', 'b'), { type: 'switchFailed' })).toEqual(active('a'));
  });

  it('any signed-in state → signedOut on refreshFailed', () => {
    for (const state of [active('a'), switching('a', 'b'), choosingTenant('a', ['a', 'b'])]) {
      expect(next(state, { type: 'refreshFailed' })).toEqual(signedOut());
    }
  });

  it('any state but signedOut → signedOut on signOut (also cancels a sign-in)', () => {
    for (const state of [signingIn(), active('a'), switching('a', 'b'), choosingTenant('a', ['a', 'b'])]) {
      expect(next(state, { type: 'signOut' })).toEqual(signedOut());
    }
  });

  it('walks the whole happy path', () => {
    let state: TenantState = signedOut();
    for (const event of [
      { type: 'signInStarted' },
      signedInMany,
      { type: 'tenantChosen', tenantId: 'b' },
      { type: 'switchSucceeded', tenantId: 'b' },
      { type: 'switchRequested', to: 'c' },
      { type: 'switchFailed' },
      { type: 'switchRequested', to: 'home' },
      { type: 'switchSucceeded', tenantId: 'home' },
      { type: 'signOut' },
    ] satisfies TenantEvent[]) {
      state = next(state, event);
    }
    expect(state).toEqual(signedOut());
  });

  it('never mutates its input', () => {
    const state = Object.freeze(active('a'));
    expect(() => transition(state, { type: 'switchRequested', to: 'b' })).not.toThrow();
    expect(state).toEqual(active('a'));
  });
});

describe('tenant state machine: forbidden transitions return a typed rejection', () => {
  const cases: [string, TenantState, TenantEvent][] = [
    ['sign in twice', active('a'), { type: 'signInStarted' }],
    ['sign in while signing in', signingIn(), { type: 'signInStarted' }],
    ['signInFailed without a sign-in', active('a'), { type: 'signInFailed' }],
    ['signedIn without a sign-in', signedOut(), signedInMany],
    ['signedIn while active', active('a'), signedInMany],
    ['choose a tenant with no picker open', active('a'), { type: 'tenantChosen', tenantId: 'b' }],
    ['choose a tenant while signed out', signedOut(), { type: 'tenantChosen', tenantId: 'b' }],
    ['switch while signed out', signedOut(), { type: 'switchRequested', to: 'b' }],
    ['switch while signing in', signingIn(), { type: 'switchRequested', to: 'b' }],
    ['switch from the picker (choose instead)', choosingTenant('a', ['a', 'b']), { type: 'switchRequested', to: 'b' }],
    ['a second switch while one is in flight', switching('a', 'b'), { type: 'switchRequested', to: 'c' }],
    ['switchSucceeded with no switch in flight', active('a'), { type: 'switchSucceeded', tenantId: 'b' }],
    ['switchFailed with no switch in flight', active('a'), { type: 'switchFailed' }],
    ['switchSucceeded after sign-out', signedOut(), { type: 'switchSucceeded', tenantId: 'b' }],
    ['refreshFailed while signed out', signedOut(), { type: 'refreshFailed' }],
    ['refreshFailed while signing in', signingIn(), { type: 'refreshFailed' }],
    ['sign out twice', signedOut(), { type: 'signOut' }],
  ];

  it.each(cases)('%s', (_name, state, event) => {
    const rejection = rejected(state, event);
    expect(rejection).toMatchObject({ type: 'rejected', from: state.type, event: event.type });
    expect(rejection.reason.length).toBeGreaterThan(0);
  });
});

describe('tenant state helpers', () => {
  it('knows the current tenant and whether credentials are held', () => {
    expect(currentTenantOf(switching('a', 'b'))).toBe('a');
    expect(currentTenantOf(choosingTenant('a', []))).toBe('a');
    expect(currentTenantOf(signedOut())).toBeNull();
    expect(isSignedIn(active(null))).toBe(true);
    expect(isSignedIn(signingIn())).toBe(false);
  });
});
