/**
 * What a model is told when the tenant it named cannot be used, in words it can act on:
 *
 * - a tenant's *name* where an id belongs ("Acme Lisbon") is answered with the id it names, from the
 *   account's own tenant list ("names are not ids: use tn-acme-lisbon");
 * - a tenant the account may not use and a tenant that does not exist get the same neutral sentence and
 *   the same code: the API's refusal names a forbidden tenant ("no access to tenant Acme Lyon"), which
 *   would tell a model (and whoever steers it) that an id it guessed exists, and what it is called.
 */
import { TenantIdSchema } from '../../src-shared/api';
import type { AppErrorData } from '../../src-shared/errors';
import type { TenantSession } from '../core/session/tenant-session';

/**
 * True for a refusal of the tenant a call or a switch named, `requested`: the API would not let the
 * account in, or it is not an id at all (as opposed to anything else said about those inputs).
 */
export function isTenantRefusal(data: AppErrorData, requested: string): boolean {
  if (data.code === 'tenant_forbidden' || data.code === 'tenant_not_found') return true;
  const aboutTenant = (data.code === 'invalid_request' || data.code === 'validation_failed') && (data.param === 'tenant_id' || data.param === 'tenantId');
  return aboutTenant && !TenantIdSchema.safeParse(requested).success;
}

/** True for text a person could have named a tenant with: short, one line, no path separators. */
function looksLikeName(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what a name never has.
  return text.trim().length > 0 && text.length <= 120 && !/[/\\\u0000-\u001f]/.test(text);
}

/** The tenant a model asked for, shown bounded (it may be anything). */
function shown(requested: string): string {
  return JSON.stringify(requested.length > 80 ? `${requested.slice(0, 79)}…` : requested);
}

/**
 * The refusal rewritten for a model: names are matched against the account's own tenants (never another
 * account's), every other refusal is the one neutral sentence. `param` names the input the model used.
 */
export async function explainTenantRefusal(data: AppErrorData, requested: string, session: Pick<TenantSession, 'listTenants'>, param: string): Promise<AppErrorData> {
  const wanted = requested.trim().toLowerCase();
  let named: { id: string; name: string } | undefined;
  // Only what could be a name is looked up (the account's own list, one read): a path or a wall of text
  // is refused without another request.
  if (looksLikeName(requested)) {
    try {
      named = (await session.listTenants()).tenants.find((tenant) => tenant.name.trim().toLowerCase() === wanted && tenant.id !== requested);
    } catch {
      // Without the list, the refusal is said without the hint.
    }
  }
  if (named !== undefined) {
    return { code: 'invalid_request', message: `Names are not ids: ${shown(requested)} is the name of tenant "${named.id}". Pass ${param}: "${named.id}" (ids come from nevent_list_tenants).`, param };
  }
  if (!TenantIdSchema.safeParse(requested).success) {
    return { code: 'invalid_request', message: `${shown(requested)} is not a tenant id: names are not ids, use an id from nevent_list_tenants (letters, digits, "-", "_", "." and ":").`, param };
  }
  return { code: 'tenant_not_found', message: `Tenant ${shown(requested)} is not available to this account: it does not exist, or the account may not use it. Nothing was done. nevent_list_tenants lists the tenants it can use, with their status (only ACTIVE ones work).`, param };
}
