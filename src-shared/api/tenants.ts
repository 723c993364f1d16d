/**
 * Tenants as the Nevent API sends them (NEVENT-API.md "Tenants").
 *
 * A tenant record guarantees only `id` (or `_id`) — and usually `name`; `domain`, `level`, `parentId` are
 * optional, `slug`, `status`, `role` are not promised. Two endpoints list them:
 *
 *   GET /platform/tenants           SUPERADMIN: array, {tenants} or Spring {content}   (403 for others)
 *   GET /users/accessible-tenants   {root, children (tree), flatList (includes root), totalTenants}
 *
 * `normalize…` turn either into one de-duplicated list in tree order with `parentId` and `level` filled
 * in where the answer lets us know them (a tree node's parent, a parent's level + 1). Tenants are never
 * written back, so the normalized view holds only the fields the product shows (unlike segments, whose
 * records are kept whole for read-modify-write).
 */
import { firstIssue } from '../zod-issue';
import { z } from 'zod';
import { ApiIdSchema, ApiShapeError, listOf, MembershipStatusSchema, RoleSchema, type MembershipStatus, type Role } from './common';

/** One tenant record in any of the API's listings. Only an id is required; everything else is kept. */
export const TenantRecordSchema = z
  .object({
    id: ApiIdSchema.optional(),
    _id: ApiIdSchema.optional(),
    name: z.string().nullish(),
    slug: z.string().nullish(),
    domain: z.string().nullish(),
    parentId: ApiIdSchema.nullish(),
    level: z.number().int().min(0).nullish(),
    status: MembershipStatusSchema.nullish(),
    role: RoleSchema.nullish(),
    statusReason: z.string().nullish(),
  })
  .loose();

/** A tenant, normalized: always an id, a name to show and the tree fields (null when unknown). */
export interface Tenant {
  id: string;
  /** The API's name; the slug, domain or id when it sent none (something must be shown). */
  name: string;
  parentId: string | null;
  /** Depth in the tree (0 at the top of what the user sees), null when the answer cannot tell. */
  level: number | null;
  slug?: string;
  domain?: string;
  /** Membership status when the API gives one; absent means active. */
  status?: MembershipStatus;
  /** The user's role in this tenant when the API gives one; absent means the token's role. */
  role?: Role;
  /** Why the membership is not active, when the API says. */
  statusReason?: string;
}

/** A tenant as the signed-in user sees it (the same record; status and role when known). */
export type AccessibleTenant = Tenant;

type TenantRecord = z.infer<typeof TenantRecordSchema>;

function toTenant(record: TenantRecord, at: string): Tenant {
  const id = record.id ?? record._id;
  if (id === undefined) throw new ApiShapeError(`${at}.id`, `a tenant record has no id (${at})`);
  const tenant: Tenant = { id, name: record.name?.trim() || record.slug || record.domain || id, parentId: record.parentId ?? null, level: record.level ?? null };
  if (record.slug) tenant.slug = record.slug;
  if (record.domain) tenant.domain = record.domain;
  if (record.status) tenant.status = record.status;
  if (record.role) tenant.role = record.role;
  if (record.statusReason) tenant.statusReason = record.statusReason;
  return tenant;
}

/** A plain id as `ApiIdSchema` keeps it unchanged: a string of 1–256 characters with nothing to trim. */
function isPlainId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 256 && value.trim() === value;
}

function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

/**
 * The usual record (`{id, name, parentId?, level?, slug?, domain?}` of plain strings and integers, no
 * membership fields) read without zod: a platform list of 100,000 tenants is mostly these, and zod costs
 * several microseconds each. Null for anything else, which `TenantRecordSchema` then reads — so this
 * accepts only records the schema would read to the same values (unit-tested against it), never more.
 */
function plainRecord(raw: unknown): TenantRecord | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  if (!isPlainId(r.id) || r._id !== undefined) return null;
  if (!isAbsent(r.status) || !isAbsent(r.role) || !isAbsent(r.statusReason)) return null;
  const { name, slug, domain, parentId, level } = r;
  if (!isAbsent(name) && typeof name !== 'string') return null;
  if (!isAbsent(slug) && typeof slug !== 'string') return null;
  if (!isAbsent(domain) && typeof domain !== 'string') return null;
  if (!isAbsent(parentId) && !isPlainId(parentId)) return null;
  if (!isAbsent(level) && !(typeof level === 'number' && Number.isSafeInteger(level) && level >= 0)) return null;
  return { id: r.id, name: name as string | null | undefined, slug: slug as string | null | undefined, domain: domain as string | null | undefined, parentId: parentId as string | null | undefined, level: level as number | null | undefined };
}

/**
 * Reads one tenant record liberally; `at` names it in errors. `fastPath: false` reads through the schema
 * only: the reference the fast path is tested against.
 */
export function parseTenantRecord(raw: unknown, at: string, fastPath = true): Tenant {
  const plain = fastPath ? plainRecord(raw) : null;
  if (plain !== null) return toTenant(plain, at);
  return parseRecord(raw, at);
}

function parseRecord(raw: unknown, at: string): Tenant {
  const parsed = TenantRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    const where = issue.path === '' ? at : `${at}.${issue.path}`;
    throw new ApiShapeError(where, `a tenant record cannot be read at ${where}: ${issue.message}`);
  }
  return toTenant(parsed.data, at);
}

/**
 * Merges records into a de-duplicated list (first occurrence keeps its place; later ones only fill
 * fields it lacks) and fills `level` from the parent chain where it is missing.
 */
function mergeTenants(lists: Iterable<Tenant>): Tenant[] {
  const byId = new Map<string, Tenant>();
  for (const tenant of lists) {
    const seen = byId.get(tenant.id);
    if (seen === undefined) {
      byId.set(tenant.id, tenant);
      continue;
    }
    if (seen.parentId === null && tenant.parentId !== null) seen.parentId = tenant.parentId;
    if (seen.level === null && tenant.level !== null) seen.level = tenant.level;
    seen.slug ??= tenant.slug;
    seen.domain ??= tenant.domain;
    seen.status ??= tenant.status;
    seen.role ??= tenant.role;
    seen.statusReason ??= tenant.statusReason;
    if (seen.name === seen.id && tenant.name !== tenant.id) seen.name = tenant.name;
  }
  const tenants = [...byId.values()];
  fillLevels(tenants, byId);
  return tenants;
}

/** Levels from parents, iteratively (no recursion on untrusted depth); a cycle leaves levels null. */
function fillLevels(tenants: readonly Tenant[], byId: ReadonlyMap<string, Tenant>): void {
  for (const tenant of tenants) {
    if (tenant.level !== null) continue;
    const chain: Tenant[] = [];
    let current: Tenant | undefined = tenant;
    while (current !== undefined && current.level === null && !chain.includes(current) && chain.length < 10_000) {
      chain.push(current);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    if (current !== undefined && current.level === null) continue; // a cycle: leave it unknown
    let level = current === undefined ? -1 : (current.level as number);
    for (let i = chain.length - 1; i >= 0; i -= 1) {
      level += 1;
      (chain[i] as Tenant).level = level;
    }
  }
}

/**
 * `GET /platform/tenants` in any of its shapes, normalized: an array, `{tenants}`, a Spring `{content}`
 * page, or one tenant record on its own (upstream's parser accepts that too). Throws ApiShapeError when
 * it is none of these.
 */
export function normalizePlatformTenants(body: unknown): Tenant[] {
  const single = body !== null && typeof body === 'object' && !Array.isArray(body) && ('id' in body || '_id' in body) ? [body] : null;
  const list = listOf(body, ['tenants', 'content', 'data', 'items']) ?? single;
  if (list === null) throw new ApiShapeError('(root)', 'the tenant list is neither an array, a {tenants} or {content} page, nor one tenant');
  return mergeTenants(list.map((raw, i) => parseTenantRecord(raw, `[${i}]`)));
}

/**
 * `GET /users/accessible-tenants`, normalized: `flatList` (which includes `root`) merged with what the
 * tree says (`root` + nested `children`), each tenant once. Throws ApiShapeError when neither a flat
 * list nor a tree is there.
 */
export function normalizeAccessibleTenants(body: unknown): Tenant[] {
  if (body === null || typeof body !== 'object') throw new ApiShapeError('(root)', 'the accessible-tenants answer is not an object');
  const record = body as { root?: unknown; children?: unknown; flatList?: unknown };
  const flat = Array.isArray(record.flatList) ? record.flatList : Array.isArray(body) ? (body as unknown[]) : null;
  const hasTree = (record.root !== undefined && record.root !== null) || Array.isArray(record.children);
  if (flat === null && !hasTree) throw new ApiShapeError('flatList', 'the accessible-tenants answer has neither flatList nor root/children');
  const fromTree = treeTenants(record.root, record.children);
  const fromFlat = (flat ?? []).map((raw, i) => parseTenantRecord(raw, `flatList[${i}]`));
  // The root first (a flatList may or may not include it), then the flat list in the API's order,
  // then the tree fills parents and anything the list lacks.
  const root = record.root !== undefined && record.root !== null ? fromTree.slice(0, 1) : [];
  return mergeTenants([...root, ...fromFlat, ...fromTree]);
}

/** The tenants of a `{root, children}` tree with `parentId` taken from the nesting. Iterative. */
function treeTenants(root: unknown, children: unknown): Tenant[] {
  const out: Tenant[] = [];
  const stack: { raw: unknown; parentId: string | null; at: string }[] = [];
  let rootId: string | null = null;
  if (root !== undefined && root !== null) {
    const tenant = parseTenantRecord(root, 'root');
    rootId = tenant.id;
    out.push(tenant);
    pushChildren(stack, (root as { children?: unknown }).children, rootId, 'root.children');
  }
  pushChildren(stack, children, rootId, 'children');
  while (stack.length > 0) {
    const { raw, parentId, at } = stack.pop() as { raw: unknown; parentId: string | null; at: string };
    const tenant = parseTenantRecord(raw, at);
    if (tenant.parentId === null && parentId !== null && parentId !== tenant.id) tenant.parentId = parentId;
    out.push(tenant);
    pushChildren(stack, (raw as { children?: unknown }).children, tenant.id, `${at}.children`);
  }
  return out;
}

function pushChildren(stack: { raw: unknown; parentId: string | null; at: string }[], children: unknown, parentId: string | null, at: string): void {
  if (!Array.isArray(children)) return;
  // Reversed so the stack pops them in the API's order (tree order for the merged list).
  for (let i = children.length - 1; i >= 0; i -= 1) {
    if (children[i] !== null && typeof children[i] === 'object') stack.push({ raw: children[i], parentId, at: `${at}[${i}]` });
  }
}
