/** What every route of the demo API needs; assembled once per server in server.ts. */
import type { Context } from 'hono';
import type { DemoAccount } from './demo-users';
import type { FaultController } from './fault-controller';
import type { ListPaging } from './list-paging';
import { DemoHttpError } from './http-error';
import type { TenantAccess } from './tenant-access';
import type { TenantDirectory } from './tenant-directory';
import type { TenantDataStore } from './tenant-data-store';
import type { TokenService, VerifiedAccess } from './token-service';

/** Dependencies of the route modules. */
export interface DemoContext {
  directory: TenantDirectory;
  access: TenantAccess;
  tokens: TokenService;
  faults: FaultController;
  data: TenantDataStore;
  accounts: readonly DemoAccount[];
  segmentListShape: 'array' | 'segments' | 'content';
  /** Which lists page their answer (list-paging.ts). */
  listPaging: ListPaging;
  /** user name → the tenant a SUPERADMIN switched to last (persisted server-side, as upstream). */
  persistedTenants: Map<string, string>;
  /** Waits `ms`, or less when the server is closing (so `close()` never waits for injected delays). */
  sleep(ms: number): Promise<void>;
  now(): Date;
  /** True for a Host header naming this server on loopback (refuses DNS-rebinding requests). */
  isOwnHost(host: string | undefined): boolean;
}

/** A request's verified bearer and its account. */
export interface Caller extends VerifiedAccess {
  account: DemoAccount;
}

/** A caller whose token is scoped to a tenant. */
export interface ScopedCaller extends Caller {
  tenantId: string;
}

/** Like `authenticate`, for tenant-scoped endpoints: an unscoped token is refused with 400. */
export async function authenticateScoped(c: Context, deps: DemoContext): Promise<ScopedCaller> {
  const caller = await authenticate(c, deps);
  if (caller.tenantId === null) {
    throw new DemoHttpError(400, 'invalid_request', 'This token is not scoped to a tenant: choose one first with POST /users/tenant');
  }
  return { ...caller, tenantId: caller.tenantId };
}

/** Verifies the bearer token of a request; throws 401 when missing, malformed, expired or forged. */
export async function authenticate(c: Context, deps: DemoContext): Promise<Caller> {
  const header = c.req.header('authorization');
  if (header === undefined || header.trim() === '') throw new DemoHttpError(401, 'authentication_failed', 'Missing bearer token');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null || match[1] === undefined) throw new DemoHttpError(401, 'authentication_failed', 'Authorization header must be "Bearer <token>"');
  const verified = await deps.tokens.verifyAccess(match[1], (userId) => deps.accounts.find((a) => a.id === userId)?.name);
  const account = deps.accounts.find((a) => a.name === verified.userName);
  if (account === undefined) throw new DemoHttpError(401, 'invalid_token', 'Access token is invalid');
  return { ...verified, account };
}
