/**
 * Fault controls over HTTP for out-of-process tests (Playwright against `serve --demo`):
 * `POST /__demo/faults` and `GET /__demo/stats`. Unauthenticated on purpose: fake data, loopback only.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { DemoContext } from '../demo-context';
import { readJsonBody } from '../request-body';

const SwitchFaultKindSchema = z.enum(['http_500', 'http_503', 'timeout', 'malformed_token', 'wrong_tenant', 'bad_signature', 'alg_none', 'expired_token']);

/** `POST /__demo/faults` body: any combination; `reset` applies first. */
const FaultRequestSchema = z
  .object({
    reset: z.boolean().optional(),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    failNextSwitches: z.object({ n: z.number().int().min(0).max(10_000), kind: SwitchFaultKindSchema }).optional(),
    expireAccessTokens: z.boolean().optional(),
    refreshInOtherTenant: z.number().int().min(0).max(10_000).optional(),
    refuseRefreshIn: z.string().min(1).max(200).optional(),
    accessTokenTtlSeconds: z.number().int().min(0).max(365 * 24 * 3600).optional(),
  })
  .strict();

/** The path prefix of the control routes (not counted in stats, never delayed). */
export const demoControlPrefix = '/__demo';

/** Registers the control routes. */
export function registerDemoControlRoutes(app: Hono, deps: DemoContext): void {
  app.post(`${demoControlPrefix}/faults`, async (c) => {
    const body = await readJsonBody(c, FaultRequestSchema);
    const faults = deps.faults;
    if (body.reset === true) faults.reset();
    if (body.latencyMs !== undefined) faults.setLatency(body.latencyMs);
    if (body.failNextSwitches !== undefined) faults.failNextSwitches(body.failNextSwitches.n, body.failNextSwitches.kind);
    if (body.expireAccessTokens === true) faults.expireAccessTokens();
    if (body.refreshInOtherTenant !== undefined) faults.refreshInOtherTenant(body.refreshInOtherTenant);
    if (body.refuseRefreshIn !== undefined) faults.refuseRefreshIn(body.refuseRefreshIn);
    if (body.accessTokenTtlSeconds !== undefined) faults.setAccessTokenTtl(body.accessTokenTtlSeconds);
    return c.json({ ok: true, stats: faults.stats(), latencyMs: faults.latencyMs, accessTokenTtlSeconds: faults.accessTokenTtlSeconds });
  });

  app.get(`${demoControlPrefix}/stats`, (c) => c.json(deps.faults.stats()));
}
