/**
 * The account and session machines (src-shared): every state × every event, so a new state or event
 * that is not handled fails here; the transitions the flows rely on; refusals that change nothing.
 */
import { describe, expect, it } from 'vitest';
import { initialAccountState, isSignedIn, transitionAccount, type AccountEvent, type AccountState } from '../../../src-shared/account-machine';
import { startedSession, transitionSession, type SessionEvent, type SessionState } from '../../../src-shared/session-machine';

const accountStates: AccountState[] = [
  { type: 'signedOut', reason: 'never_signed_in' },
  { type: 'signingIn' },
  { type: 'choosingTenant', switchableTenantIds: ['home', 'b'] },
  { type: 'active' },
];
const accountEvents: AccountEvent[] = [
  { type: 'signInStarted' },
  { type: 'signInFailed' },
  { type: 'signedIn', switchableTenantIds: ['home', 'b', 'c'], restored: false },
  { type: 'tenantChosen' },
  { type: 'signedOut', reason: 'refresh_refused' },
];

function accountNext(state: AccountState, event: AccountEvent): AccountState {
  const result = transitionAccount(state, event);
  if (!result.ok) throw new Error(`refused: ${result.rejection.reason}`);
  return result.state;
}

describe('account machine', () => {
  it('walks the sign-in flow: signedOut → signingIn → choosingTenant → active', () => {
    let state = initialAccountState;
    state = accountNext(state, { type: 'signInStarted' });
    expect(state).toEqual({ type: 'signingIn' });
    state = accountNext(state, { type: 'signedIn', switchableTenantIds: ['home', 'b'], restored: false });
    expect(state).toEqual({ type: 'choosingTenant', switchableTenantIds: ['home', 'b'] });
    state = accountNext(state, { type: 'tenantChosen' });
    expect(state).toEqual({ type: 'active' });
    state = accountNext(state, { type: 'signedOut', reason: 'refresh_refused' });
    expect(state).toEqual({ type: 'signedOut', reason: 'refresh_refused' });
    expect(isSignedIn(state.type)).toBe(false);
  });

  it('skips the picker for one switchable tenant, and for a restored sign-in', () => {
    expect(accountNext({ type: 'signingIn' }, { type: 'signedIn', switchableTenantIds: ['only'], restored: false })).toEqual({ type: 'active' });
    expect(accountNext({ type: 'signingIn' }, { type: 'signedIn', switchableTenantIds: ['home', 'b'], restored: true })).toEqual({ type: 'active' });
  });

  it('a failed sign-in says so; a desktop switch once active changes nothing (same object)', () => {
    expect(accountNext({ type: 'signingIn' }, { type: 'signInFailed' })).toEqual({ type: 'signedOut', reason: 'sign_in_failed' });
    const active: AccountState = { type: 'active' };
    expect(accountNext(active, { type: 'tenantChosen' })).toBe(active);
  });

  it('answers every state × event, refusing with a reason and never throwing', () => {
    const table = accountStates.map((state) => accountEvents.map((event) => (transitionAccount(state, event).ok ? 'ok' : 'refused')));
    expect(table).toEqual([
      // signInStarted, signInFailed, signedIn, tenantChosen, signedOut
      ['ok', 'refused', 'refused', 'refused', 'refused'],
      ['refused', 'ok', 'ok', 'refused', 'ok'],
      ['refused', 'refused', 'refused', 'ok', 'ok'],
      ['refused', 'refused', 'refused', 'ok', 'ok'],
    ]);
    const refusal = transitionAccount({ type: 'active' }, { type: 'signInStarted' });
    expect(refusal).toEqual({ ok: false, rejection: { from: 'active', event: 'signInStarted', reason: expect.stringMatching(/sign out first/) } });
  });
});

const sessionStates: SessionState[] = [startedSession(), { type: 'switching', to: 'b', lastFailure: null }, { type: 'ended', reason: 'closed' }];
const error = { code: 'tenant_forbidden' as const, message: 'no' };
const sessionEvents: SessionEvent[] = [{ type: 'switchRequested', to: 'b' }, { type: 'switchSucceeded' }, { type: 'switchFailed', error }, { type: 'switchCancelled' }, { type: 'ended', reason: 'signed_out' }];

function sessionNext(state: SessionState, event: SessionEvent): SessionState {
  const result = transitionSession(state, event);
  if (!result.ok) throw new Error(`refused: ${result.rejection.reason}`);
  return result.state;
}

describe('session machine', () => {
  it('active ⇄ switching: a success moves, a failure stays and keeps where it went and why until the next success', () => {
    let state = startedSession();
    state = sessionNext(state, { type: 'switchRequested', to: 'b' });
    expect(state).toEqual({ type: 'switching', to: 'b', lastFailure: null });
    state = sessionNext(state, { type: 'switchFailed', error });
    expect(state).toEqual({ type: 'active', lastFailure: { to: 'b', error } });
    state = sessionNext(state, { type: 'switchRequested', to: 'c' });
    expect(state).toMatchObject({ type: 'switching', to: 'c', lastFailure: { to: 'b' } });
    state = sessionNext(state, { type: 'switchSucceeded' });
    expect(state).toEqual({ type: 'active', lastFailure: null });
  });

  it('a cancelled switch goes back to where it was, keeping what it knew (no new failure)', () => {
    let state = sessionNext(startedSession(), { type: 'switchRequested', to: 'b' });
    state = sessionNext(state, { type: 'switchFailed', error });
    state = sessionNext(state, { type: 'switchRequested', to: 'c' });
    expect(sessionNext(state, { type: 'switchCancelled' })).toEqual({ type: 'active', lastFailure: { to: 'b', error } });
  });

  it('answers every state × event; ended is final', () => {
    const table = sessionStates.map((state) => sessionEvents.map((event) => (transitionSession(state, event).ok ? 'ok' : 'refused')));
    expect(table).toEqual([
      // switchRequested, switchSucceeded, switchFailed, switchCancelled, ended
      ['ok', 'refused', 'refused', 'refused', 'ok'],
      ['refused', 'ok', 'ok', 'ok', 'ok'],
      ['refused', 'refused', 'refused', 'refused', 'refused'],
    ]);
  });
});
