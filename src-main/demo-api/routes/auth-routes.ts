/**
 * Sign-in, refresh, who-am-I and the tenant switch (DESIGN §3), plus switch fault injection.
 *
 *   POST /auth/admin/login {email,password} -> {loggedIn, access_token, refresh_token}   (home tenant)
 *   POST /auth/refresh {refreshToken}        -> {access_token, refresh_token}             (same tenant, old token spent)
 *   GET  /auth/me                            -> {id, email, name, role, tenantId}
 *   POST /users/tenant {tenantId}            -> {access_token, refresh_token}             (scoped to tenantId)
 */
import type { Context, Hono } from 'hono';
import { LoginRequestSchema, RefreshRequestSchema, SwitchTenantRequestSchema } from '../../../src-shared/api';
import type { Me, Tenant } from '../../../src-shared/api';
import { missingCaseError } from '../../../src-shared/errors';
import { authenticate } from '../demo-context';
import type { Caller, DemoContext } from '../demo-context';
import type { SwitchFaultKind } from '../demo-api-types';
import { DemoHttpError } from '../http-error';
import { readJsonBody } from '../request-body';

/** How long an injected `timeout` holds the switch request (close() cuts it short). */
const timeoutFaultMs = 120_000;

/** Registers the auth and switch routes. */
export function registerAuthRoutes(app: Hono, deps: DemoContext): void {
  app.post('/auth/admin/login', async (c) => {
    const body = await readJsonBody(c, LoginRequestSchema);
    const account = deps.accounts.find((a) => a.email === body.email.toLowerCase() && a.password === body.password);
    if (account === undefined) throw new DemoHttpError(401, 'authentication_failed', 'Invalid email or password');
    // `?unscoped=true` issues a token without tenant claims (AuthVital's unscoped token): the client
    // must pick a tenant first, and has no home tenant to reset to.
    const tenant = c.req.query('unscoped') === 'true' ? null : deps.directory.require(account.homeTenantId);
    return c.json({ loggedIn: true, ...(await tokenPair(deps, account.name, tenant)) });
  });

  app.post('/auth/refresh', async (c) => {
    deps.faults.count('refreshCalls');
    const body = await readJsonBody(c, RefreshRequestSchema);
    const { userName, tenantId } = deps.tokens.consumeRefresh(body.refreshToken);
    const tenant = tenantId === null ? null : deps.directory.get(tenantId);
    if (tenant === undefined) throw new DemoHttpError(401, 'refresh_failed', 'Refresh token is invalid');
    return c.json(await tokenPair(deps, userName, tenant));
  });

  app.get('/auth/me', async (c) => {
    const caller = await authenticate(c, deps);
    const me: Me = { id: caller.account.id, email: caller.account.email, name: caller.account.displayName, role: caller.account.role, tenantId: caller.tenantId };
    return c.json(me);
  });

  app.post('/users/tenant', async (c) => {
    deps.faults.count('switchCalls');
    const caller = await authenticate(c, deps);
    const body = await readJsonBody(c, SwitchTenantRequestSchema);
    const fault = deps.faults.takeSwitchFault();
    if (fault !== undefined) return injectSwitchFault(c, deps, caller, body.tenantId, fault);
    const tenant = deps.access.checkSwitch(caller.account, body.tenantId);
    return c.json(await tokenPair(deps, caller.account.name, tenant));
  });
}

async function tokenPair(deps: DemoContext, userName: string, tenant: Tenant | null): Promise<{ access_token: string; refresh_token: string }> {
  const account = deps.accounts.find((a) => a.name === userName);
  if (account === undefined) throw new DemoHttpError(401, 'refresh_failed', 'Refresh token is invalid');
  return { access_token: await deps.tokens.issueAccess(account, tenant), refresh_token: deps.tokens.issueRefresh(userName, tenant?.id ?? null) };
}

/** Answers a switch the way the queued fault says; the refresh token in a faulty answer is never valid. */
async function injectSwitchFault(c: Context, deps: DemoContext, caller: Caller, requestedId: string, kind: SwitchFaultKind): Promise<Response> {
  const current = caller.tenantId === null ? deps.access.rootOf(caller.account) : deps.directory.require(caller.tenantId);
  const target = deps.directory.get(requestedId) ?? current;
  const refresh_token = deps.tokens.bogusRefreshToken();
  const account = caller.account;
  switch (kind) {
    case 'http_500':
      throw new DemoHttpError(500, 'api_error', 'Injected fault: the tenant switch failed on the server');
    case 'http_503':
      throw new DemoHttpError(503, 'api_unavailable', 'Injected fault: the service is temporarily unavailable');
    case 'timeout':
      await deps.sleep(timeoutFaultMs);
      throw new DemoHttpError(503, 'api_unavailable', 'Injected fault: the switch timed out');
    case 'malformed_token':
      return c.json({ access_token: 'this-is-not-a-jwt', refresh_token });
    case 'wrong_tenant': {
      // A validly signed token for some other tenant than the one requested.
      const other = target.id === current.id ? (deps.directory.all().find((t) => t.id !== target.id) ?? target) : current;
      return c.json({ access_token: await deps.tokens.issueAccess(account, other), refresh_token });
    }
    case 'bad_signature':
      return c.json({ access_token: await deps.tokens.issueAccess(account, target, { foreignKey: true }), refresh_token });
    case 'alg_none':
      return c.json({ access_token: deps.tokens.unsignedToken(account, target), refresh_token });
    case 'expired_token':
      return c.json({ access_token: await deps.tokens.issueAccess(account, target, { issuedSecondsAgo: 3600, ttlSeconds: 1800 }), refresh_token });
    default:
      return missingCaseError(kind);
  }
}
