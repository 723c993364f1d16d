/** Tenants, the tenant tree and accessible tenants (DESIGN §2, §3). */
import { z } from 'zod';
import { MembershipStatusSchema, RoleSchema, TenantIdSchema } from './common';

/** A tenant as `GET /platform/tenants` lists it. */
export const TenantSchema = z.object({
  id: TenantIdSchema,
  name: z.string(),
  slug: z.string(),
  parentId: TenantIdSchema.nullable(),
  level: z.number().int().min(0),
});
/** A tenant. */
export type Tenant = z.infer<typeof TenantSchema>;

/** A tenant as the signed-in user sees it: with the user's role there and membership status. */
export const AccessibleTenantSchema = TenantSchema.extend({
  role: RoleSchema,
  status: MembershipStatusSchema,
  /** Why the tenant is not switchable, when `status` is not ACTIVE. */
  statusReason: z.string().optional(),
});
/** An accessible tenant. */
export type AccessibleTenant = z.infer<typeof AccessibleTenantSchema>;

/** A node of the accessible tenant tree. */
export interface AccessibleTenantNode extends AccessibleTenant {
  children: AccessibleTenantNode[];
}
/** zod schema of a tree node (recursive). */
export const AccessibleTenantNodeSchema: z.ZodType<AccessibleTenantNode> = z.lazy(() =>
  AccessibleTenantSchema.extend({ children: z.array(AccessibleTenantNodeSchema) }),
);

/**
 * `GET /users/accessible-tenants`: `root` is the top of what the user sees (their own tenant, or the
 * platform root for SUPERADMIN), `children` its subtree, `flatList` every accessible tenant in tree order.
 */
export const AccessibleTenantsResponseSchema = z.object({
  root: AccessibleTenantSchema.nullable(),
  children: z.array(AccessibleTenantNodeSchema),
  flatList: z.array(AccessibleTenantSchema),
  totalTenants: z.number().int().min(0),
});
/** Accessible tenants. */
export type AccessibleTenantsResponse = z.infer<typeof AccessibleTenantsResponseSchema>;

/** `GET /platform/tenants` (SUPERADMIN only). */
export const PlatformTenantsResponseSchema = z.array(TenantSchema);
