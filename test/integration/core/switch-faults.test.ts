import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SwitchFaultKind } from '../../../src-main/demo-api';
import type { ErrorCode } from '../../../src-shared/errors';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';

const faults: [SwitchFaultKind, ErrorCode][] = [
  ['http_500', 'api_error'],
  ['http_503', 'api_unavailable'],
  ['timeout', 'timeout'],
  ['malformed_token', 'invalid_token'],
  ['wrong_tenant', 'token_tenant_mismatch'],
  ['bad_signature', 'invalid_token'],
  ['alg_none', 'invalid_token'],
  ['expired_token', 'invalid_token'],
];

/**
 * Twice: HS256 tokens and no published keys, like the real API (the client checks claims only, so a
 * forged signature is the API's to refuse, not the client's), and ES256 with a JWKS, where the client
 * verifies signatures too and refuses a token signed with an unknown key.
 */
describe.each([
  { mode: 'HS256, claims only (like the real API)', jwks: false },
  { mode: 'ES256 with a JWKS (signatures verified)', jwks: true },
])('a failed switch changes nothing (seed 000: JWT atomicity) — $mode', ({ jwks }) => {
  let fixture: CoreFixture;
  beforeAll(async () => {
    // Short enough to keep the `timeout` case quick, long enough for a loaded CI machine.
    fixture = await startCoreFixture({ demo: { jwks }, core: { requestTimeoutMs: 1500 } });
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('verifies signatures exactly when the API publishes keys', async () => {
    const verifier = fixture.core.account.context?.verifier;
    expect(await verifier?.verifiesSignatures()).toBe(jwks);
  });

  it.each(faults.filter(([kind]) => jwks || kind !== 'bad_signature'))('%s → %s; token, tenant and caches unchanged; both clients share the token', async (kind, code) => {
    const session = fixture.core.registry.desktop;
    if (session === null) throw new Error('no desktop session');
    await session.segmentationCriteria();
    await session.analyticsCapabilities();
    const before = session.credential;
    const tenantBefore = session.activeTenantId;
    const criteriaCalls = fixture.http.count('/segmentation/criteria');
    const capabilityCalls = fixture.http.count('/analytics/capabilities');

    fixture.demo.faults.failNextSwitches(1, kind);
    const error = await session.switchTenant('tn-acme-madrid').catch((e: unknown) => e);
    expect(error).toMatchObject({ code });
    // No token text in the message, whatever went wrong.
    expect(String((error as Error).message)).not.toMatch(/eyJ|rt_/);

    expect(session.credential).toBe(before);
    expect(session.activeTenantId).toBe(tenantBefore);
    expect(session.snapshot().switchingTo).toBeNull();
    expect(session.sessionState).toEqual({ type: 'active', lastFailure: { to: 'tn-acme-madrid', error: expect.objectContaining({ code }) } });
    const scope = await session.openScope();
    expect(scope.data.credential).toBe(before);
    expect(scope.paidMedia.credential).toBe(before);

    // Caches: still there (no refetch) and still the old tenant's.
    expect((await session.segmentationCriteria()).tenantId).toBe(tenantBefore);
    expect((await session.analyticsCapabilities()).tenantId).toBe(tenantBefore);
    expect(fixture.http.count('/segmentation/criteria')).toBe(criteriaCalls);
    expect(fixture.http.count('/analytics/capabilities')).toBe(capabilityCalls);

    // On the wire, both clients still send the very same (old) token.
    fixture.http.clear();
    await session.listSegments({ limit: 1 });
    await session.paidAdsStatus('meta');
    const bearers = new Set(fixture.http.requests.map((r) => r.bearer));
    expect([...bearers]).toEqual([before.accessToken]);
  });

  it('switches normally once the faults are spent', async () => {
    const session = fixture.core.registry.desktop;
    if (session === null) throw new Error('no desktop session');
    const outcome = await session.switchTenant('tn-acme-madrid');
    expect(outcome.activeTenantId).toBe('tn-acme-madrid');
    fixture.http.clear();
    await session.listSegments({ limit: 1 });
    await session.paidAdsStatus('google');
    expect(new Set(fixture.http.requests.map((r) => r.bearer))).toEqual(new Set([session.credential.accessToken]));
  });
});
