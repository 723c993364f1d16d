/**
 * Property: whatever the interleaving of switches, resets, refreshes, reads, expired tokens and failing
 * switches across two sessions of one account, after every step each session's DataClient holds
 * the same token as its cell and `activeTenantId` is that token's `tenantId` claim; answers
 * report a tenant the session was really in; a refresh token is never sent twice.
 *
 * fast-check's scheduler decides when each request is sent and when each answer is delivered; the
 * requests themselves go to the real demo API over HTTP.
 */
import fc from 'fast-check';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreSession } from '../../../src-main/core/session/core-session';
import type { FetchLike } from '../../../src-main/core/http/http-client';
import type { SwitchFaultKind } from '../../../src-main/demo-api';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { propertyRuns } from '../../helpers/property-runs';
import { activeTenant } from '../../../src-main/core/session/tenant-session';

let fixture: CoreFixture;
let currentFetch: FetchLike = (input, init) => fetch(input, init);

beforeAll(async () => {
  // ES256 + JWKS so that the forged-signature fault is among the generated ones.
  fixture = await startCoreFixture({ user: null, demo: { jwks: true }, core: { fetch: (input, init) => currentFetch(input, init), desktop: false } });
});
afterAll(async () => {
  await fixture.close();
});

const tenants = ['tn-acme', 'tn-acme-es', 'tn-acme-madrid', 'tn-acme-fr', 'tn-acme-paris', 'tn-acme-lyon' /* INVITED */, 'tn-acme-porto' /* SUSPENDED */];
const faultKinds: SwitchFaultKind[] = ['http_500', 'malformed_token', 'wrong_tenant', 'bad_signature', 'alg_none', 'expired_token'];

type Op =
  | { type: 'switch'; session: number; tenant: string }
  | { type: 'reset'; session: number }
  | { type: 'refresh'; session: number }
  | { type: 'read'; session: number; what: 'segments' | 'criteria' | 'capabilities' | 'ads' | 'tenants' }
  | { type: 'expire' }
  | { type: 'fault'; kind: SwitchFaultKind };

const sessionIndex = fc.integer({ min: 0, max: 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('switch' as const), session: sessionIndex, tenant: fc.constantFrom(...tenants) }), weight: 4 },
  { arbitrary: fc.record({ type: fc.constant('reset' as const), session: sessionIndex }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant('refresh' as const), session: sessionIndex }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant('read' as const), session: sessionIndex, what: fc.constantFrom('segments' as const, 'criteria' as const, 'capabilities' as const, 'ads' as const, 'tenants' as const) }), weight: 4 },
  { arbitrary: fc.constant({ type: 'expire' as const }), weight: 1 },
  { arbitrary: fc.record({ type: fc.constant('fault' as const), kind: fc.constantFrom(...faultKinds) }), weight: 1 },
);

// Errors a run may legitimately produce; anything else (refresh_failed, signed_out, internal_error…) fails it.
const expectedErrors = new Set(['tenant_forbidden', 'tenant_not_found', 'api_error', 'invalid_token', 'token_tenant_mismatch']);

/** The active tenant is always the claim of the credential every new call pins (its clients share one requester). */
function checkInvariants(sessions: CoreSession[]): void {
  for (const session of sessions) {
    expect(session.activeTenantId).toBe(decodeJwt(session.credential.accessToken).tenantId);
  }
}

async function read(session: CoreSession, what: Extract<Op, { type: 'read' }>['what']): Promise<string> {
  switch (what) {
    case 'segments': {
      const answer = await activeTenant(session).listSegments({ limit: 3 });
      for (const segment of answer.value.segments) expect(segment.tenantId).toBe(answer.tenantId);
      return answer.tenantId;
    }
    case 'criteria':
      return (await activeTenant(session).segmentationCriteria()).tenantId;
    case 'capabilities': {
      const answer = await activeTenant(session).analyticsCapabilities();
      if (answer.value.tenantId !== undefined) expect(answer.value.tenantId).toBe(answer.tenantId);
      return answer.tenantId;
    }
    case 'ads':
      return (await activeTenant(session).paidAdsStatus('meta')).tenantId;
    case 'tenants':
      return (await session.listTenants()).activeTenantId ?? '';
    default:
      throw new Error('unknown read');
  }
}

describe('tenant session under random interleavings (fast-check scheduler, real demo API)', () => {
  it('keeps both clients on one token and activeTenantId on that token’s tenant after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(opArb, { minLength: 1, maxLength: 10 }), async (s, ops) => {
        fixture.demo.faults.reset();
        currentFetch = (input, init) => fetch(input, init);
        await fixture.core.account.signIn({ type: 'password', email: 'owner@demo.nevent.local', password: 'demo' }, { persist: false });
        const sessions = [fixture.core.registry.openMcpSession(), fixture.core.registry.openMcpSession()];
        const history = sessions.map((x) => new Set([x.activeTenantId ?? '']));
        // The tenant a session last announced: its token may only change tenant through a switch.
        const announced = sessions.map((x) => x.activeTenantId);
        for (const [i, session] of sessions.entries()) {
          session.onDidChange((snap) => {
            history[i]?.add(snap.activeTenantId ?? '');
            announced[i] = snap.activeTenantId;
          });
        }
        const check = () => {
          checkInvariants(sessions);
          sessions.forEach((session, i) => expect(session.activeTenantId).toBe(announced[i]));
        };
        currentFetch = async (input, init) => {
          const path = new URL(input).pathname;
          await s.schedule(Promise.resolve(), `send ${path}`);
          const response = await fetch(input, init);
          const body = await response.text();
          return s.schedule(Promise.resolve(new Response(body, { status: response.status, headers: response.headers })), `answer ${path}`);
        };

        const failures: string[] = [];
        const reads: { session: number; tenant: string }[] = [];
        const run = async (op: Op, index: number): Promise<void> => {
          await s.schedule(Promise.resolve(), `start op ${index} ${op.type}`);
          try {
            switch (op.type) {
              case 'switch': {
                const outcome = await sessions[op.session]?.switchTenant(op.tenant);
                expect(outcome?.activeTenantId).toBe(op.tenant);
                return;
              }
              case 'reset': {
                const outcome = await sessions[op.session]?.resetTenant();
                expect(outcome?.activeTenantId).toBe('tn-acme');
                return;
              }
              case 'refresh':
                await sessions[op.session]?.refresh();
                return;
              case 'read': {
                const session = sessions[op.session];
                if (session !== undefined) reads.push({ session: op.session, tenant: await read(session, op.what) });
                return;
              }
              case 'expire':
                fixture.demo.faults.expireAccessTokens();
                return;
              case 'fault':
                fixture.demo.faults.failNextSwitches(1, op.kind);
                return;
              default:
                throw new Error('unknown op');
            }
          } catch (error) {
            if (error instanceof Error && error.name === 'AssertionError') throw error;
            const code = (error as { code?: string }).code ?? String(error);
            if (!expectedErrors.has(code)) failures.push(`${op.type}: ${code}: ${(error as Error).message}`);
          }
        };

        let finished = false;
        const all = Promise.all(ops.map((op, i) => run(op, i))).finally(() => {
          finished = true;
        });
        check();
        // Bounded by time, not steps: real HTTP answers are slower on a loaded machine.
        const deadline = Date.now() + 20_000;
        while (!finished && Date.now() < deadline) {
          if (s.count() > 0) {
            await s.waitNext(1);
            check();
          } else {
            // A real HTTP answer is on its way; it will be scheduled when it arrives.
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
        }
        expect(finished, `ops still pending after 20 s: ${s.report().filter((t) => t.status === 'pending').map((t) => t.label).join(', ')}`).toBe(true);
        await all;
        currentFetch = (input, init) => fetch(input, init);
        check();

        expect(failures).toEqual([]);
        for (const r of reads) expect(history[r.session]?.has(r.tenant)).toBe(true);
        expect(fixture.demo.faults.stats().refreshReuseRejected).toBe(0);
        expect(fixture.core.account.status().signedIn).toBe(true);
        for (const session of sessions) session.close();
      }),
      propertyRuns('session: random switches, resets and reads', 40),
    );
  });
});
