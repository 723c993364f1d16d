/**
 * The accessible tenants as the window receives them (`tenants.list`): columns, one entry per tenant
 * in list order, holding only what the org-picker shows — id, name, the parent (as a position in the
 * columns), and slug, status, role and the status reason where the API gave any.
 *
 *   main: Tenant[] ──tenantColumns()──> {id[], name[], parent[], slug?[], …} ──IPC / HTTP──> renderer
 *                                                                                 └─ tenantAt(columns, i)
 *
 * At 100,000 tenants this is about half the bytes of one object per tenant, and checking it is one
 * tight loop per column instead of 100,000 object parses (zod runs without its JIT in the window).
 * A column of optional values is sent only when some tenant has one.
 */
import { z } from 'zod';
import type { MembershipStatus, Role } from '../api';

/** The tenant columns. Every column has one entry per tenant. */
export interface TenantColumns {
  id: string[];
  name: string[];
  /** Position of the tenant's parent in these columns; -1 when it has none in the list. */
  parent: number[];
  /** Null where a tenant has none; the whole column is absent when no tenant has one. */
  slug?: (string | null)[];
  status?: (MembershipStatus | null)[];
  role?: (Role | null)[];
  statusReason?: (string | null)[];
}

/** One tenant read back from the columns: what the picker, the header and the panels show of it. */
export interface TenantEntry {
  id: string;
  name: string;
  parentId: string | null;
  slug?: string;
  status?: MembershipStatus;
  role?: Role;
  statusReason?: string;
}

/** What `tenantColumns` reads of a tenant (the core's normalized tenant has all of it). */
export interface ColumnSource {
  id: string;
  name: string;
  parentId: string | null;
  slug?: string | undefined;
  status?: MembershipStatus | undefined;
  role?: Role | undefined;
  statusReason?: string | undefined;
}

const optionalColumns = ['slug', 'status', 'role', 'statusReason'] as const;

/** Builds the columns from a tenant list (main); a parent not in the list becomes -1. */
export function tenantColumns(tenants: readonly ColumnSource[]): TenantColumns {
  const n = tenants.length;
  const position = new Map<string, number>();
  for (let i = 0; i < n; i++) position.set((tenants[i] as ColumnSource).id, i);
  const columns: TenantColumns = { id: new Array<string>(n), name: new Array<string>(n), parent: new Array<number>(n) };
  for (let i = 0; i < n; i++) {
    const t = tenants[i] as ColumnSource;
    columns.id[i] = t.id;
    columns.name[i] = t.name;
    columns.parent[i] = t.parentId === null ? -1 : (position.get(t.parentId) ?? -1);
  }
  for (const key of optionalColumns) {
    if (!tenants.some((t) => t[key] !== undefined)) continue;
    const column = new Array<string | null>(n);
    for (let i = 0; i < n; i++) column[i] = (tenants[i] as ColumnSource)[key] ?? null;
    columns[key] = column;
  }
  return columns;
}

/** The number of tenants in the columns. */
export function columnsSize(columns: TenantColumns): number {
  return columns.id.length;
}

/** Tenant `index` as an entry (only the fields it has). */
export function tenantAt(columns: TenantColumns, index: number): TenantEntry {
  const parent = columns.parent[index] ?? -1;
  const entry: TenantEntry = { id: columns.id[index] as string, name: columns.name[index] as string, parentId: parent < 0 ? null : (columns.id[parent] ?? null) };
  const slug = columns.slug?.[index];
  const status = columns.status?.[index];
  const role = columns.role?.[index];
  const statusReason = columns.statusReason?.[index];
  if (slug !== undefined && slug !== null) entry.slug = slug;
  if (status !== undefined && status !== null) entry.status = status;
  if (role !== undefined && role !== null) entry.role = role;
  if (statusReason !== undefined && statusReason !== null) entry.statusReason = statusReason;
  return entry;
}

function everyString(column: unknown, n: number, nullable: boolean, nonEmpty: boolean): boolean {
  if (!Array.isArray(column) || column.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const v: unknown = column[i];
    if (typeof v === 'string') {
      if (nonEmpty && v.length === 0) return false;
    } else if (!(nullable && v === null)) return false;
  }
  return true;
}

/** Why `value` is not tenant columns, or null when it is. One loop per column; no per-tenant objects. */
export function tenantColumnsIssue(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'the tenant columns are not an object';
  const c = value as Record<string, unknown>;
  if (!Array.isArray(c.id)) return 'the tenant columns have no id column';
  const n = c.id.length;
  if (!everyString(c.id, n, false, true)) return 'a tenant id is not a non-empty string';
  if (!everyString(c.name, n, false, false)) return 'the name column is not one string per tenant';
  const parent = c.parent;
  if (!Array.isArray(parent) || parent.length !== n) return 'the parent column is not one position per tenant';
  for (let i = 0; i < n; i++) {
    const p: unknown = parent[i];
    if (!(typeof p === 'number' && Number.isInteger(p) && p >= -1 && p < n)) return `tenant ${i} has a parent position outside the list`;
  }
  for (const key of optionalColumns) {
    if (c[key] !== undefined && !everyString(c[key], n, true, true)) return `the ${key} column is not one string or null per tenant`;
  }
  return null;
}

/** Tenant columns, checked column by column (see `tenantColumnsIssue`); passed through unchanged. */
export const TenantColumnsSchema = z.custom<TenantColumns>().superRefine((value, ctx) => {
  const issue = tenantColumnsIssue(value);
  if (issue !== null) ctx.addIssue({ code: 'custom', message: issue });
});
