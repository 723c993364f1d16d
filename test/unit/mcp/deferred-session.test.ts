/** The stand-in session standalone `mcp` serves while it signs in (start-up). */
import { describe, expect, it } from 'vitest';
import type { SessionSnapshot } from '../../../src-shared/session';
import { DeferredSession, type OpenedSession } from '../../../src-main/mcp/deferred-session';
import type { SwitchOutcome } from '../../../src-main/core/tenant-session';
import { FakeTenantSession } from '../../helpers/fake-tenant-session';

function pending(): { opening: Promise<OpenedSession>; open: (outcome: OpenedSession) => void } {
  let open!: (outcome: OpenedSession) => void;
  const opening = new Promise<OpenedSession>((resolve) => {
    open = resolve;
  });
  return { opening, open };
}

describe('DeferredSession', () => {
  it('gates calls until the session is open, then passes straight through (the gate is synchronous from then on)', async () => {
    const { opening, open } = pending();
    const deferred = new DeferredSession(opening);
    const gate = deferred.gate();
    expect(gate).toBeInstanceOf(Promise);
    const listing = deferred.listSegments({});
    const real = new FakeTenantSession({ activeTenantId: 'tenant-b' });
    open({ ok: true, session: real });
    expect(await gate).toBeNull();
    expect((await listing).tenantId).toBe('tenant-b');
    expect(deferred.gate()).toBeNull();
    expect(deferred.snapshot().activeTenantId).toBe('tenant-b');
    expect(deferred.id).toBe(real.id);
  });

  it('a failed sign-in: the gate and every operation answer with that failure, and nothing else runs', async () => {
    const { opening, open } = pending();
    const deferred = new DeferredSession(opening);
    const failure = { code: 'authentication_failed' as const, message: 'could not sign in: nope' };
    const switching = deferred.switchTenant('tenant-b');
    open({ ok: false, failure });
    await expect(switching).rejects.toMatchObject(failure);
    expect(await deferred.gate()).toEqual(failure);
    expect(deferred.gate()).toEqual(failure);
    await expect(deferred.openScope('tenant-b')).rejects.toMatchObject({ code: 'authentication_failed' });
  });

  it('client info and listeners given before the sign-in reach the session, and an early unsubscribe holds', async () => {
    const { opening, open } = pending();
    const deferred = new DeferredSession(opening);
    const seen: (string | null)[] = [];
    const moves: string[] = [];
    const dropped: SessionSnapshot[] = [];
    deferred.onDidChange((snapshot) => seen.push(snapshot.activeTenantId));
    deferred.onDidMove((outcome: SwitchOutcome) => moves.push(outcome.activeTenantId));
    const unsubscribe = deferred.onDidChange((snapshot) => dropped.push(snapshot));
    unsubscribe();
    deferred.setClientInfo({ name: 'claude-ai', version: '1.0' });
    const real = new FakeTenantSession();
    open({ ok: true, session: real });
    await deferred.settled;
    expect(real.snapshot().clientName).toBe('claude-ai');
    await real.moveTo('tenant-a');
    expect(seen).toContain('tenant-a');
    expect(moves).toEqual(['tenant-a']);
    expect(dropped).toEqual([]);
  });

  it('closed before the sign-in ended: the session is closed as soon as it is there', async () => {
    const { opening, open } = pending();
    const deferred = new DeferredSession(opening);
    deferred.close();
    const real = new FakeTenantSession();
    open({ ok: true, session: real });
    await deferred.settled;
    expect(real.closed).toBe(true);
  });
});
