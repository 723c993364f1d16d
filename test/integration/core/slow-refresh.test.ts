/**
 * A refresh the API answers slowly is waited for, not given up on at the usual request timeout: the API
 * rotates the refresh token as it answers, so a refresh abandoned after the API acted leaves only the
 * spent token, and sending that again is refused as a reuse — the person would be signed out on a slow
 * network (found under load: every socket connection closed). Real core against the demo API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../../src-main/core/http-client';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';

let fixture: CoreFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

const requestTimeoutMs = 300;

/** The API acts on each refresh at once (the token rotates) but its answer arrives three request timeouts later. */
const slowRefreshAnswers: FetchLike = async (input, init) => {
  const response = await fetch(input, init);
  if (String(input).endsWith('/auth/refresh')) await new Promise((resolve) => setTimeout(resolve, 3 * requestTimeoutMs));
  return response;
};

describe('a slow refresh', () => {
  it('is waited for past the request timeout: the call answers and the sign-in survives', async () => {
    fixture = await startCoreFixture({ core: { requestTimeoutMs, fetch: slowRefreshAnswers } });
    const desktop = fixture.core.registry.desktop;
    if (desktop === null) throw new Error('no desktop session');
    const signedOut: string[] = [];
    fixture.core.account.onDidSignOut(({ reason }) => signedOut.push(reason));

    fixture.demo.faults.expireAccessTokens();
    const answer = await desktop.listSegments({ limit: 1 });
    expect(answer.tenantId).toBe('tn-acme');
    expect(signedOut).toEqual([]);
    expect(fixture.demo.faults.stats().refreshCalls).toBe(1);
    expect(fixture.demo.faults.stats().refreshReuseRejected).toBe(0);
    // And the renewed sign-in keeps working.
    expect((await desktop.listSegments({ limit: 1 })).tenantId).toBe('tn-acme');
  }, 30_000);
});
