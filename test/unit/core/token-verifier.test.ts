import { describe, expect, it } from 'vitest';
import { TokenVerifier, type JwksSetting } from '../../../src-main/core/tokens/token-verifier';
import { FakeClock } from '../../helpers/fake-clock';
import { fakeFetch } from '../../helpers/fake-fetch';
import { esSigner, hsToken, noneToken } from '../../helpers/tokens';

const apiUrl = 'http://api.test';

function verifier(clock: FakeClock, options: { jwks?: JwksSetting; issuer?: string; fetch?: ReturnType<typeof fakeFetch> } = {}) {
  const fake = options.fetch ?? fakeFetch();
  return new TokenVerifier({ apiUrl, clock, fetch: fake.fetch, ...(options.jwks === undefined ? {} : { jwks: options.jwks }), ...(options.issuer === undefined ? {} : { issuer: options.issuer }) });
}

describe('TokenVerifier without a JWKS (claims only, like the real API)', () => {
  const clock = new FakeClock();
  const now = clock.now();

  it('accepts a token for the requested tenant and returns its claims', async () => {
    const claims = await verifier(clock).verify(await hsToken({ tenantId: 'tenant-b' }, now), 'tenant-b');
    expect(claims.tenantId).toBe('tenant-b');
  });

  it('refuses a token for another tenant (token_tenant_mismatch)', async () => {
    await expect(verifier(clock).verify(await hsToken({ tenantId: 'tenant-a' }, now), 'tenant-b')).rejects.toMatchObject({ code: 'token_tenant_mismatch' });
    await expect(verifier(clock).verify(await hsToken({ tenantId: null }, now), 'tenant-b')).rejects.toMatchObject({ code: 'token_tenant_mismatch' });
  });

  it('refuses alg none, a missing signature, garbage and missing claims (invalid_token)', async () => {
    const v = verifier(clock);
    await expect(v.verify(noneToken({ tenantId: 'tenant-b' }, now), 'tenant-b')).rejects.toMatchObject({ code: 'invalid_token', message: expect.stringContaining('alg: none') });
    const [h, p] = (await hsToken({ tenantId: 'tenant-b' }, now)).split('.');
    await expect(v.verify(`${h}.${p}.`, 'tenant-b')).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(v.verify('this-is-not-a-jwt', 'tenant-b')).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(v.verify('a.b.c', 'tenant-b')).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('reads the claims liberally: STAFF, an unknown role or none, and the tenant in activeTenantId', async () => {
    const v = verifier(clock);
    await expect(v.verify(await hsToken({ tenantId: 'tenant-b', role: 'STAFF' }, now), 'tenant-b')).resolves.toMatchObject({ role: 'STAFF', tenantId: 'tenant-b' });
    await expect(v.verify(await hsToken({ tenantId: 'tenant-b', role: 'USER' }, now), 'tenant-b')).resolves.toMatchObject({ role: 'USER' });
    const roleless = await v.verify(await hsToken({ tenantId: 'tenant-b', role: null }, now), 'tenant-b');
    expect(roleless.role).toBeUndefined();
    await expect(v.verify(await hsToken({ tenantId: 'tenant-b', tenantClaim: 'activeTenantId' }, now), 'tenant-b')).resolves.toMatchObject({ tenantId: 'tenant-b', subject: 'usr-1' });
    await expect(v.verify(await hsToken({ tenantId: 'tenant-c', tenantClaim: 'activeTenantId' }, now), 'tenant-b')).rejects.toMatchObject({ code: 'token_tenant_mismatch' });
  });

  it('refuses an expired token, by the clock it is given', async () => {
    const token = await hsToken({ tenantId: 'tenant-b', exp: Math.floor(now / 1000) + 60 }, now);
    const c = new FakeClock(now);
    await expect(verifier(c).verify(token, 'tenant-b')).resolves.toBeTruthy();
    c.advance(61_000);
    await expect(verifier(c).verify(token, 'tenant-b')).rejects.toMatchObject({ code: 'invalid_token', message: expect.stringContaining('expired') });
  });

  it('checks iss when one is configured', async () => {
    const v = verifier(clock, { issuer: 'nevent' });
    await expect(v.verify(await hsToken({ tenantId: 't', iss: 'nevent' }, now), 't')).resolves.toBeTruthy();
    await expect(v.verify(await hsToken({ tenantId: 't', iss: 'evil' }, now), 't')).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(v.verify(await hsToken({ tenantId: 't' }, now), 't')).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('accepts any tenant when none is expected (sign-in)', async () => {
    await expect(verifier(clock).verify(await hsToken({ tenantId: null }, now), null)).resolves.toMatchObject({ sub: 'usr-1' });
  });

  it('decodes stored tokens without the expiry check, but never alg none', async () => {
    const c = new FakeClock(now + 10 * 3600_000);
    expect(verifier(c).decodeStored(await hsToken({ tenantId: 't' }, now)).tenantId).toBe('t');
    expect(() => verifier(c).decodeStored(noneToken({}, now))).toThrow(/alg: none/);
  });
});

describe('TokenVerifier with a JWKS', () => {
  it('discovers the JWKS once, then checks signatures', async () => {
    const clock = new FakeClock(Date.now());
    const signer = await esSigner();
    const other = await esSigner();
    const fake = fakeFetch();
    fake.on('GET /.well-known/jwks.json', () => [200, signer.jwks]);
    const v = verifier(clock, { fetch: fake });
    expect(await v.verifiesSignatures()).toBe(true);
    await expect(v.verify(await signer.sign({ tenantId: 't' }, clock.now()), 't')).resolves.toMatchObject({ tenantId: 't' });
    await expect(v.verify(await other.sign({ tenantId: 't' }, clock.now()), 't')).rejects.toMatchObject({ code: 'invalid_token' });
    // An HMAC token cannot be checked against a public key: refused, not trusted.
    await expect(v.verify(await hsToken({ tenantId: 't' }, clock.now()), 't')).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(v.verify(noneToken({ tenantId: 't' }, clock.now()), 't')).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(v.verify(await signer.sign({ tenantId: 'u' }, clock.now()), 't')).rejects.toMatchObject({ code: 'token_tenant_mismatch' });
    await v.verify(await signer.sign({ tenantId: 't' }, clock.now()), 't');
    // One discovery request; jose's key set fetches once more for itself and then caches.
    expect(fake.count('GET /.well-known/jwks.json')).toBeLessThanOrEqual(2);
  });

  it('falls back to claims only when the API publishes no JWKS (404), and remembers that', async () => {
    const clock = new FakeClock();
    const fake = fakeFetch();
    const v = verifier(clock, { fetch: fake });
    await v.verify(await hsToken({ tenantId: 't' }, clock.now()), 't');
    await v.verify(await hsToken({ tenantId: 't' }, clock.now()), 't');
    expect(fake.count('GET /.well-known/jwks.json')).toBe(1);
    expect(await v.verifiesSignatures()).toBe(false);
  });

  it('does not cache a failed discovery (5xx): the next call asks again', async () => {
    const clock = new FakeClock();
    const fake = fakeFetch();
    fake.on('GET /.well-known/jwks.json', () => [503, null]);
    const v = verifier(clock, { fetch: fake });
    await expect(v.verify(await hsToken({ tenantId: 't' }, clock.now()), 't')).rejects.toMatchObject({ code: 'api_unavailable' });
    fake.on('GET /.well-known/jwks.json', () => [404, null]);
    await expect(v.verify(await hsToken({ tenantId: 't' }, clock.now()), 't')).resolves.toBeTruthy();
  });

  it("uses no JWKS at all with jwks: 'none'", async () => {
    const clock = new FakeClock();
    const fake = fakeFetch();
    await verifier(clock, { fetch: fake, jwks: 'none' }).verify(await hsToken({ tenantId: 't' }, clock.now()), 't');
    expect(fake.calls).toHaveLength(0);
  });
});
