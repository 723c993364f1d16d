/** `nevent_help` guidance on tenants: who sees what, switching, resetting, and isolation per call. */
import type { HelpGuide } from '../../tool';

const guidance = `# Tenants

## Who sees what

| Role | What it can see |
|------|-----------------|
| \`SUPERADMIN\` | All tenants in the system |
| \`OWNER\` | Their own tenant and all child tenants |
| \`ADMIN\` | Only their own tenant |

The role of the signed-in user (the token the session started with) decides which tenants
\`nevent_list_tenants\` returns. Tenants form a tree: \`parent_id\` and \`level\` place each one.

Each tenant also carries the membership \`status\`:

- \`ACTIVE\`: a member; can be switched to (\`switchable: true\`).
- \`INVITED\`: invited but not accepted yet; shown, not switchable.
- \`SUSPENDED\`: access suspended; shown, not switchable.

A user with exactly one tenant is simply in it: there is nothing to pick.

## Basic multi-tenant workflow

\`\`\`
1. nevent_list_tenants    → list accessible tenants (returns tenant ids)
2. nevent_switch_tenant   → set the active tenant for this session
3. nevent_reset_tenant    → restore the origin (home) tenant
\`\`\`

### Example conversation

\`\`\`
User: "List the available tenants"
→ nevent_list_tenants returns [tenant-abc, tenant-xyz, tenant-def]

User: "Switch to tenant-xyz"
→ nevent_switch_tenant({ tenantId: "tenant-xyz" })
→ Response: { active_tenant_id: "tenant-xyz" }

User: "List the campaigns"
→ nevent_list_campaigns queries in the context of tenant-xyz

User: "Go back to the original tenant"
→ nevent_reset_tenant()
→ Response: { active_tenant_id: "tenant-abc" }
\`\`\`

## What a switch does (\`nevent_switch_tenant\`)

1. Calls the Nevent tenant-switch endpoint with \`{ tenantId }\` (\`tenant_id\` is accepted too).
2. The API checks that the user may enter that tenant and returns a token scoped to it.
3. The analytics (data) client and the paid-media client start using the new token **at once**.
4. Cached capabilities and segmentation criteria are **cleared**: later calls fetch the new tenant's.
5. \`active_tenant_id\` comes from the new token's tenant claim. Check it in the answer before you go on.

If the call fails, **nothing changes**: same token, same tenant, same caches.

## Reset (\`nevent_reset_tenant\`)

Goes back to \`home_tenant_id\`, the tenant of the sign-in this session started with, with the same
rotation and cache clearing. If the original sign-in had no tenant, it fails with \`no_home_tenant\`
and nothing changes. Switch and reset work in every operation mode.

## Isolation: pass \`tenant_id\` on every call

- Every tenant-scoped tool accepts an optional \`tenant_id\`: the call **runs in that tenant** with a
  token scoped to it (obtained and checked like a switch, then reused), and the active tenant stays
  where it is. A tenant the account cannot use (or that does not exist) fails with \`tenant_not_found\`,
  and a tenant's name where its id belongs with \`invalid_request\` giving the id: names are not ids.
  Nothing falls back to another tenant.
- AI clients often carry several conversations over one connection, and the 2026-07-28 protocol has no
  sessions at all. The only thing that keeps conversations apart is the \`tenant_id\` each one passes.
  So after a switch or reset, pass its \`switched_to_tenant_id\` on every later call.
- A call without \`tenant_id\` runs in the connection's active tenant (switch, work, reset), which
  another conversation on the same connection may have moved. The desktop app keeps its own tenant.
- A call's tenant is fixed when it starts: once running, every request it makes stays in that tenant,
  even if the connection is switched meanwhile; its answer's \`tenant_id\` says where it ran.`;

/** The tenant help topics. */
export const tenantsGuides: readonly HelpGuide[] = [{ topic: 'tenants', guidance }];
