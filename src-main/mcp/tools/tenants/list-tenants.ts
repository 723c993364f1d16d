/** `nevent_list_tenants`: the tenants this session's user can see (paged, searchable), and where the session is. */
import { foldText } from '../../../../src-shared/text-fold';
import { z } from 'zod';
import { defineTool } from '../../tool';
import { cursorInput, pageSizeInput } from '../list-page';
import { decodePageCursor, encodePageCursor } from '../../page-cursor';
import { TenantOutSchema, tenantOut, type TenantOut } from '../../wire';

/** Default page: sized for a model's context (about 100 tenants is ~8 KB). */
const defaultLimit = 100;
const maxLimit = 500;
/**
 * A page's tenants stay within this many bytes of JSON whatever `limit` asks (a page ≤ 24 KiB,
 * with room left for the envelope's ids and cursor); a page cut short still says where to go on.
 */
const pageTenantBytes = 23 * 1024;

/** As many of `tenants` (from the start) as fit the page's byte budget, at least one. */
function fitPage(tenants: readonly TenantOut[]): TenantOut[] {
  let bytes = 0;
  for (let i = 0; i < tenants.length; i++) {
    bytes += Buffer.byteLength(JSON.stringify(tenants[i]), 'utf8') + 1;
    if (bytes > pageTenantBytes && i > 0) return tenants.slice(0, i);
  }
  return [...tenants];
}

/** `nevent_list_tenants` tool. */
export const listTenantsTool = defineTool({
  name: 'nevent_list_tenants',
  domain: 'tenants',
  title: 'List accessible tenants',
  description: 'Lists the tenants (organizations) the user can reach and which one is active; call it first to pick the tenant_id for later calls (switchable:false ones cannot be used).',
  access: 'read',
  tenantScoped: false,
  input: z.object({
    search: z.string().max(200).optional().describe('Text in tenant names or ids.'),
    limit: pageSizeInput(maxLimit, defaultLimit),
    cursor: cursorInput,
  }),
  output: z.object({
    tenants: z.array(TenantOutSchema),
    count: z.number().int(),
    total: z.number().int(),
    next_cursor: z.string().optional(),
    home_tenant_id: z.string().nullable(),
    active_tenant_id: z.string().nullable(),
    role: z.string().nullable(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { session }) {
    // Case and accents aside, as every search of the app: `malaga` finds `Málaga`.
    const query = foldText(args.search?.trim() ?? '');
    const offset = args.cursor === undefined ? 0 : decodePageCursor('tenants', args.cursor, query);
    const limit = args.limit ?? defaultLimit;
    const view = await session.listTenants();
    const matching = query === '' ? view.tenants : view.tenants.filter((t) => foldText(t.name).includes(query) || foldText(t.id).includes(query));
    const page = fitPage(matching.slice(offset, offset + limit).map(tenantOut));
    const next = offset + page.length < matching.length ? encodePageCursor('tenants', offset + page.length, query) : undefined;
    return {
      tenants: page,
      count: page.length,
      total: matching.length,
      ...(next === undefined ? {} : { next_cursor: next }),
      home_tenant_id: view.homeTenantId,
      active_tenant_id: view.activeTenantId,
      role: view.role,
    };
  },
});
