/**
 * Sign-in, refresh, who-am-I and the tenant switch, in the real API's shapes (both token
 * namings appear, as they do upstream), plus switch and refresh fault injection.
 *
 *   POST /auth/admin/login {email,password} -> {loggedIn, access_token, refresh_token?}   (home tenant)
 *   POST /auth/refresh {refreshToken}        -> {accessToken, refreshToken}               (old token spent)
 *   GET  /auth/me                            -> {_id, email, firstName, lastName, role, tenantId}
 *   POST /users/tenant {tenantId}            -> {accessToken, refreshToken}               (scoped to tenantId)
 *
 * A SUPERADMIN's switch is persisted on the user record (NEVENT-API.md): their next refresh comes back
 * in the tenant they switched to last, whatever tenant the refresh token was issued in.
 */
import type { Context, Hono } from 'hono';
import { LoginRequestSchema, RefreshRequestSchema, SwitchTenantRequestSchema } from '../../../src-shared/api';
import { missingCaseError } from '../../../src-shared/missing-case';
import type { DemoTenant } from '../demo-records';
import { authenticate } from '../demo-context';
import type { Caller, DemoContext } from '../demo-context';
import type { DemoAccount } from '../demo-users';
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
    const pair = await tokenPair(deps, account.name, tenant);
    return c.json(account.issuesRefreshTokens ? { loggedIn: true, access_token: pair.accessToken, refresh_token: pair.refreshToken } : { loggedIn: true, access_token: pair.accessToken });
  });

  app.post('/auth/refresh', async (c) => {
    deps.faults.count('refreshCalls');
    const body = await readJsonBody(c, RefreshRequestSchema);
    const { userName, tenantId } = deps.tokens.consumeRefresh(body.refreshToken);
    if (deps.faults.refusesRefreshIn(tenantId)) throw new DemoHttpError(401, 'refresh_failed', 'Refresh token is no longer valid for this tenant');
    const account = deps.accounts.find((a) => a.name === userName);
    const issuedIn = tenantId === null ? null : deps.directory.get(tenantId);
    if (account === undefined || issuedIn === undefined) throw new DemoHttpError(401, 'refresh_failed', 'Refresh token is invalid');
    let tenant: DemoTenant | null = issuedIn;
    const persisted = account.role === 'SUPERADMIN' ? deps.persistedTenants.get(account.name) : undefined;
    if (persisted !== undefined) tenant = deps.directory.get(persisted) ?? tenant;
    if (deps.faults.takeRefreshInOtherTenant()) tenant = otherVisibleTenant(deps, account, tenant);
    const pair = await tokenPair(deps, userName, tenant);
    return c.json({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
  });

  app.get('/auth/me', async (c) => {
    const caller = await authenticate(c, deps);
    const [firstName, ...rest] = caller.account.displayName.split(' ');
    return c.json({ _id: caller.account.id, email: caller.account.email, firstName, lastName: rest.join(' '), role: caller.account.role, tenantId: caller.tenantId });
  });

  app.post('/users/tenant', async (c) => {
    deps.faults.count('switchCalls');
    const caller = await authenticate(c, deps);
    const body = await readJsonBody(c, SwitchTenantRequestSchema);
    const fault = deps.faults.takeSwitchFault();
    if (fault !== undefined) return injectSwitchFault(c, deps, caller, body.tenantId, fault);
    const tenant = deps.access.checkSwitch(caller.account, body.tenantId);
    if (caller.account.role === 'SUPERADMIN') deps.persistedTenants.set(caller.account.name, tenant.id);
    const pair = await tokenPair(deps, caller.account.name, tenant);
    return c.json({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
  });
}

async function tokenPair(deps: DemoContext, userName: string, tenant: DemoTenant | null): Promise<{ accessToken: string; refreshToken: string }> {
  const account = deps.accounts.find((a) => a.name === userName);
  if (account === undefined) throw new DemoHttpError(401, 'refresh_failed', 'Refresh token is invalid');
  return { accessToken: await deps.tokens.issueAccess(account, tenant), refreshToken: deps.tokens.issueRefresh(userName, tenant?.id ?? null) };
}

/**
 * Some tenant other than `tenant` for the "refresh comes back elsewhere" fault: one the account can see
 * when there is one, else any other (a one-tenant user must still meet the fault, as `DemoFaults` says).
 */
function otherVisibleTenant(deps: DemoContext, account: DemoAccount, tenant: DemoTenant | null): DemoTenant | null {
  return deps.access.list(account).find((t) => t.id !== tenant?.id && account.memberships[t.id] === undefined) ?? deps.directory.all().find((t) => t.id !== tenant?.id) ?? tenant;
}

/** Answers a switch the way the queued fault says; the refresh token in a faulty answer is never valid. */
async function injectSwitchFault(c: Context, deps: DemoContext, caller: Caller, requestedId: string, kind: SwitchFaultKind): Promise<Response> {
  const current = caller.tenantId === null ? deps.access.rootOf(caller.account) : deps.directory.require(caller.tenantId);
  const refreshToken = deps.tokens.bogusRefreshToken();
  const target = deps.directory.get(requestedId) ?? current;
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
      return c.json({ accessToken: 'this-is-not-a-jwt', refreshToken });
    case 'wrong_tenant': {
      // A validly signed token for some other tenant than the one requested.
      const other = target.id === current.id ? (deps.directory.all().find((t) => t.id !== target.id) ?? target) : current;
      return c.json({ accessToken: await deps.tokens.issueAccess(account, other), refreshToken });
    }
    case 'bad_signature':
      return c.json({ accessToken: await deps.tokens.issueAccess(account, target, { foreignKey: true }), refreshToken });
    case 'alg_none':
      return c.json({ accessToken: deps.tokens.unsignedToken(account, target), refreshToken });
    case 'expired_token':
      return c.json({ accessToken: await deps.tokens.issueAccess(account, target, { issuedSecondsAgo: 3600, ttlSeconds: 1800 }), refreshToken });
    default:
      return missingCaseError(kind);
  }
}
