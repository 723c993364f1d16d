/**
 * Small shared schemas of the Nevent API contract (shared/NEVENT-API.md).
 *
 * Rule for everything that comes FROM the API: require only what the code cannot work without, keep
 * every other field as it came (`.loose()`), and read enums as open sets — the known values typed for
 * the UI, anything else passed through as a string. One unexpected value must never fail a whole list.
 * What we SEND is exact: the request schemas and builders say precisely which fields go out.
 */
import { z } from 'zod';

/** A string enum that also accepts values it does not know (the API may add some at any time). */
export type OpenEnum<K extends string> = K | (string & {});

/**
 * An open enum: a known value in any letter case comes out in its canonical spelling (`owner` →
 * `OWNER`); any other non-empty string is kept as sent (trimmed). Not for tool schemas: the transform
 * has no JSON Schema (tools advertise plain strings).
 */
export function openEnum<const K extends readonly [string, ...string[]]>(known: K): z.ZodType<OpenEnum<K[number]>, string> {
  const canonical = new Map(known.map((value) => [value.toLowerCase(), value]));
  return z
    .string()
    .trim()
    .min(1)
    .max(100)
    .transform((value) => canonical.get(value.toLowerCase()) ?? value) as unknown as z.ZodType<OpenEnum<K[number]>, string>;
}

/** Roles the product knows (NEVENT-API.md: SUPERADMIN, OWNER, ADMIN, STAFF; a token may carry none). */
export const knownRoles = ['SUPERADMIN', 'OWNER', 'ADMIN', 'STAFF'] as const;
/** A role the product knows. */
export type KnownRole = (typeof knownRoles)[number];
/** A Nevent user role as the API sends it: a known one or any other string. */
export const RoleSchema = openEnum(knownRoles);
/** A Nevent user role. */
export type Role = OpenEnum<KnownRole>;

/** Membership statuses (AuthVital seed). Only INVITED and SUSPENDED are known not to be switchable. */
export const knownMembershipStatuses = ['ACTIVE', 'INVITED', 'SUSPENDED'] as const;
/** A membership status as the API sends it. */
export const MembershipStatusSchema = openEnum(knownMembershipStatuses);
/** A membership status. */
export type MembershipStatus = OpenEnum<(typeof knownMembershipStatuses)[number]>;

/**
 * Whether a membership can be switched to. A tenant without a status is active; a status
 * we do not know is left for the API to judge (its refusal comes back with its own message), so only
 * the statuses known to block a switch block it here.
 */
export function isSwitchableStatus(status: MembershipStatus | null | undefined): boolean {
  return status !== 'INVITED' && status !== 'SUSPENDED';
}

/**
 * An id as the API sends it: a non-empty string or an integer (kept as its decimal string), so the
 * rest of the product deals with strings only.
 */
export const ApiIdSchema = z.union([z.string().trim().min(1).max(256), z.number().int().safe()]).transform((value) => String(value));

/** A tenant id we accept as input (tool arguments, IPC): opaque, non-empty, printable, bounded. */
export const TenantIdSchema = z
  .string()
  .min(1, 'tenant id is empty')
  .max(128, 'tenant id is longer than 128 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'tenant id may contain only letters, digits, "-", "_", "." and ":"');

/**
 * A segment id we accept as input. Nevent's segments are MongoDB documents (`_id`, 24 hex), but the
 * client does not need that to be true: any short URL-safe id is passed on (encoded) for the API to judge.
 */
export const SegmentIdSchema = z
  .string()
  .min(1, 'segment id is empty')
  .max(64, 'segment id is longer than 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'segment id may contain only letters, digits, "-" and "_"');

/** Thrown by the normalizers below when a body lacks what the code needs; the client names the endpoint. */
export class ApiShapeError extends Error {
  constructor(
    /** The missing or unreadable field, as a dotted path (e.g. `access_token`, `flatList[3].id`). */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiShapeError';
  }
}

/**
 * Success bodies of the data API may be wrapped as `{success: true, data, timestamp}`; this returns the
 * inner `data` when they are, and the body itself when they are not.
 */
export function unwrapDataEnvelope(body: unknown): unknown {
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && (body as { success?: unknown }).success === true && 'data' in body) {
    return (body as { data: unknown }).data;
  }
  return body;
}

/** Reads a list that may come bare or wrapped (`{tenants}`, `{segments}`, Spring `{content}`, `{data}`…). */
export function listOf(body: unknown, keys: readonly string[]): unknown[] | null {
  if (Array.isArray(body)) return body;
  if (body === null || typeof body !== 'object') return null;
  for (const key of keys) {
    const inner = (body as Record<string, unknown>)[key];
    if (Array.isArray(inner)) return inner;
  }
  return null;
}

/**
 * A count or page number as the API sent it, read liberally: a finite number from 0 becomes a whole
 * number (`2.7` → 2); anything else (negative, `-5e-324`, text, null, beyond 2^53) is null, "not said",
 * and the reader falls back to what it knows. One odd number never fails an answer.
 */
export function countOrNull(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > Number.MAX_SAFE_INTEGER) return null;
  return Math.floor(value);
}
