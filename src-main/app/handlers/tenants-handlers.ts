/**
 * `tenants.*`: the desktop's tenants, its one switch path (`sessions.switchDesktop`) and the shortcuts.
 * The list is the effects' (loaded once per desktop session), so the picker and the tray share it.
 */
import { tenantColumns, type TenantRef } from '../../../src-shared/ipc';
import { CoreError } from '../../core/common/core-error';
import type { RequestHandlers } from '../dispatcher';
import { requireDesktop, requireUserId, type HandlerContext } from './context';

type TenantsChannels = 'tenants.list' | 'tenants.switch' | 'tenants.reset' | 'tenants.cancelSwitch' | 'tenants.pin' | 'tenants.unpin';

export function tenantsHandlers(ctx: HandlerContext): Pick<RequestHandlers, TenantsChannels> {
  const { sessions, preferences, effects } = ctx;

  /** The tenant as the API listed it (a pin keeps the API's name); asks again when it is not in the list held. */
  const tenantRef = async (tenantId: string): Promise<TenantRef> => {
    requireDesktop(ctx);
    let view = await effects.tenants();
    if (!view.tenants.some((t) => t.id === tenantId)) view = await effects.tenants(true);
    const tenant = view.tenants.find((t) => t.id === tenantId);
    if (tenant === undefined) throw new CoreError('tenant_not_found', `Tenant ${tenantId} is not one you can access.`, 'tenantId');
    return { id: tenant.id, name: tenant.name };
  };

  return {
    'tenants.list': async () => {
      requireDesktop(ctx);
      const view = await effects.tenants();
      // Columns, not one object per tenant: 100,000 tenants cross as a few flat arrays (tenant-columns.ts).
      return { ...view, tenants: tenantColumns(view.tenants), ...effects.shortcuts() };
    },
    'tenants.switch': async ({ tenantId }) => sessions.switchDesktop(tenantId),
    'tenants.reset': async () => sessions.switchDesktop('home'),
    'tenants.cancelSwitch': async () => {
      const cancelled = sessions.cancelDesktopSwitch();
      if (cancelled) effects.switchCancelled();
      return { cancelled };
    },
    'tenants.pin': async ({ tenantId }) => preferences.setPinned(requireUserId(ctx), await tenantRef(tenantId), true),
    'tenants.unpin': async ({ tenantId }) => {
      const userId = requireUserId(ctx);
      const pinned = preferences.shortcuts(userId).pinned.find((t) => t.id === tenantId);
      // Not pinned: nothing to change (and nothing made up to change it with).
      return pinned === undefined ? preferences.shortcuts(userId) : preferences.setPinned(userId, pinned, false);
    },
  };
}
