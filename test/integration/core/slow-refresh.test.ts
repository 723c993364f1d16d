/**
 * A refresh the API answers slowly is waited for, not given up on at the usual request timeout: the API
 * rotates the refresh token as it answers, so a refresh abandoned after the API acted leaves only the
 * spent token, and sending that again is refused as a reuse — the person would be signed out on a slow
 * network (found under load: every socket connection closed). Real core against the demo API.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, type FetchLike } from '../../../src-main/core/http-client';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';

let fixture: CoreFixture | null = null;
let hung: Server;
let hungUrl: string;
beforeAll(async () => {
  // Takes requests and never answers them.
  hung = createServer(() => undefined);
  await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
  hungUrl = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;
});
afterAll(async () => {
  hung.closeAllConnections();
  await new Promise<void>((resolve) => hung.close(() => resolve()));
});
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

/**
 * Every request of the test runs under this timeout, the sign-in and the retried list included, so it is
 * the fixture's usual one: a shorter one (300 ms once) timed the sign-in out on a loaded machine.
 */
const requestTimeoutMs = 5000;

/**
 * The API acts on each refresh at once (the token rotates), but its answer arrives only after a request
 * with the same timeout, sent to a server that never answers, has timed out: the refresh answer is
 * certainly later than the request timeout, with no clock of the test's own.
 */
function slowRefreshAnswers(hungUrl: string): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (String(input).endsWith('/auth/refresh')) {
      const probe = new HttpClient({ timeoutMs: requestTimeoutMs });
      await probe.request({ method: 'GET', baseUrl: hungUrl, path: '/' }).catch((error: { code?: string }) => {
        if (error.code !== 'timeout') throw error;
      });
    }
    return response;
  };
}

describe('a slow refresh', () => {
  it('is waited for past the request timeout: the call answers and the sign-in survives', async () => {
    fixture = await startCoreFixture({ core: { requestTimeoutMs, fetch: slowRefreshAnswers(hungUrl) } });
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
  }, 60_000);
});
