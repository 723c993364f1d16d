import { describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../../src-main/core/http/http-client';
import { CoreError } from '../../../src-main/core/common/core-error';
import { TokenBroker, type Rotation } from '../../../src-main/core/tokens/token-broker';

/** A fake refresh endpoint with single-use, rotating refresh tokens (like the demo and real APIs). */
function rotatingApi() {
  const sent: string[] = [];
  const used = new Set<string>();
  let seq = 0;
  let release: (() => void) | null = null;
  let gate: Promise<void> | null = null;
  return {
    sent,
    hold() {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    release() {
      release?.();
      gate = null;
    },
    async refresh(token: string) {
      sent.push(token);
      if (gate !== null) await gate;
      if (used.has(token) || token.startsWith('dead')) throw new HttpStatusError('refresh_failed', 'refresh token was already used', 401);
      used.add(token);
      seq += 1;
      return { accessToken: `access-${seq}`, refreshToken: `refresh-${seq}` };
    },
  };
}

describe('TokenBroker', () => {
  it('shares one refresh among concurrent callers holding the same token', async () => {
    const api = rotatingApi();
    const broker = new TokenBroker({ refresh: (t) => api.refresh(t) });
    api.hold();
    const pending = Array.from({ length: 20 }, () => broker.refresh('refresh-0'));
    api.release();
    const pairs = await Promise.all(pending);
    expect(api.sent).toEqual(['refresh-0']);
    expect(new Set(pairs.map((p) => p.accessToken))).toEqual(new Set(['access-1']));
    expect(broker.refreshesSent).toBe(1);
  });

  it('never sends a refresh token twice: a late holder gets the newest pair along the rotation chain', async () => {
    const api = rotatingApi();
    const broker = new TokenBroker({ refresh: (t) => api.refresh(t) });
    await broker.refresh('refresh-0');
    await broker.refresh('refresh-1');
    // Someone still holding refresh-0 (an MCP session copied before the rotations):
    expect(await broker.refresh('refresh-0')).toEqual({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    expect(api.sent).toEqual(['refresh-0', 'refresh-1']);
  });

  it('exchanges the newest token when the remembered access token is the one just refused', async () => {
    const api = rotatingApi();
    const broker = new TokenBroker({ refresh: (t) => api.refresh(t) });
    await broker.refresh('refresh-0');
    const pair = await broker.refresh('refresh-0', 'access-1');
    expect(pair.accessToken).toBe('access-2');
    expect(api.sent).toEqual(['refresh-0', 'refresh-1']);
  });

  it('keeps the old refresh token when the API sends none (and may send it again later)', async () => {
    const sent: string[] = [];
    const broker = new TokenBroker({
      refresh: async (t) => {
        sent.push(t);
        return { accessToken: `a${sent.length}` };
      },
    });
    expect(await broker.refresh('r')).toEqual({ accessToken: 'a1', refreshToken: 'r' });
    expect(await broker.refresh('r', 'a1')).toEqual({ accessToken: 'a2', refreshToken: 'r' });
  });

  it('reports rotations so the account can update the keychain', async () => {
    const api = rotatingApi();
    const broker = new TokenBroker({ refresh: (t) => api.refresh(t) });
    const rotations: Rotation[] = [];
    broker.onDidRotate((r) => rotations.push(r));
    await broker.refresh('refresh-0');
    expect(rotations).toEqual([{ previous: 'refresh-0', next: { accessToken: 'access-1', refreshToken: 'refresh-1' } }]);
  });

  it('a refusal rejects every holder with refresh_failed, is reported once, and is not retried', async () => {
    const api = rotatingApi();
    const broker = new TokenBroker({ refresh: (t) => api.refresh(t) });
    const refused: string[] = [];
    broker.onDidRefuse((t) => refused.push(t));
    const results = await Promise.allSettled([broker.refresh('dead-1'), broker.refresh('dead-1')]);
    expect(results.every((r) => r.status === 'rejected' && (r.reason as CoreError).code === 'refresh_failed')).toBe(true);
    await expect(broker.refresh('dead-1')).rejects.toMatchObject({ code: 'refresh_failed' });
    expect(api.sent).toEqual(['dead-1']);
    expect(refused).toEqual(['dead-1']);
  });

  it("a per-tenant credential's own refresh token, and its rotations, are refused without reporting the account's refusal", async () => {
    const api = rotatingApi();
    const broker = new TokenBroker({ refresh: (t) => api.refresh(t) });
    const refused: string[] = [];
    broker.onDidRefuse((t) => refused.push(t));
    broker.markTenantScoped('refresh-0');
    // Rotated once: the new refresh token is the tenant's too.
    await expect(broker.refresh('refresh-0')).resolves.toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    expect(broker.isTenantScoped('refresh-1')).toBe(true);
    broker.markTenantScoped('dead-tenant');
    await expect(broker.refresh('dead-tenant')).rejects.toMatchObject({ code: 'refresh_failed', message: expect.stringContaining('this tenant') });
    await expect(broker.refresh('dead-tenant')).rejects.toMatchObject({ code: 'refresh_failed' });
    expect(refused).toEqual([]);
    // The account's own token refused is still the account's refusal.
    await expect(broker.refresh('dead-account')).rejects.toMatchObject({ code: 'refresh_failed' });
    expect(refused).toEqual(['dead-account']);
  });

  it('does not remember a failure to answer (timeout, 5xx): the token was not refused', async () => {
    let calls = 0;
    const broker = new TokenBroker({
      refresh: async () => {
        calls += 1;
        if (calls === 1) throw new CoreError('timeout', 'no answer');
        return { accessToken: 'a', refreshToken: 'r2' };
      },
    });
    const refused: string[] = [];
    broker.onDidRefuse((t) => refused.push(t));
    await expect(broker.refresh('r1')).rejects.toMatchObject({ code: 'timeout' });
    await expect(broker.refresh('r1')).resolves.toEqual({ accessToken: 'a', refreshToken: 'r2' });
    expect(refused).toEqual([]);
  });

  it('forgets the oldest rotations beyond its bound', async () => {
    const api = rotatingApi();
    const broker = new TokenBroker({ refresh: (t) => api.refresh(t), maxRemembered: 2 });
    await broker.refresh('refresh-0');
    await broker.refresh('refresh-1');
    await broker.refresh('refresh-2');
    expect(broker.latest('refresh-0')).toBeNull();
    expect(broker.latest('refresh-1')?.refreshToken).toBe('refresh-3');
  });
});
