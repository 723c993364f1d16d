/** `GET /platform/tenants` (SUPERADMIN only) and `GET /users/accessible-tenants` (everyone, by role). */
import type { Hono } from 'hono';
import { authenticate } from '../demo-context';
import type { DemoContext } from '../demo-context';
import { DemoHttpError } from '../http-error';

/** Registers the tenant listing routes. */
export function registerTenantRoutes(app: Hono, deps: DemoContext): void {
  app.get('/platform/tenants', async (c) => {
    const caller = await authenticate(c, deps);
    if (caller.account.role !== 'SUPERADMIN') throw new DemoHttpError(403, 'forbidden', 'Only SUPERADMIN users may list all platform tenants');
    return c.body(deps.access.platformJson(), 200, { 'content-type': 'application/json' });
  });

  app.get('/users/accessible-tenants', async (c) => {
    const caller = await authenticate(c, deps);
    return c.body(deps.access.treeJson(caller.account), 200, { 'content-type': 'application/json' });
  });
}
