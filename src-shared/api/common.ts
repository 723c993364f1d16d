/** Small shared schemas of the Nevent API contract (DESIGN §3). */
import { z } from 'zod';

/** Nevent user roles; they decide tenant visibility. */
export const RoleSchema = z.enum(['SUPERADMIN', 'OWNER', 'ADMIN']);
/** A Nevent user role. */
export type Role = z.infer<typeof RoleSchema>;

/** Membership status (AuthVital seed): only ACTIVE is switchable. */
export const MembershipStatusSchema = z.enum(['ACTIVE', 'INVITED', 'SUSPENDED']);
/** A membership status. */
export type MembershipStatus = z.infer<typeof MembershipStatusSchema>;

/** A tenant id: opaque, non-empty, printable, bounded. */
export const TenantIdSchema = z
  .string()
  .min(1, 'tenant id is empty')
  .max(128, 'tenant id is longer than 128 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'tenant id may contain only letters, digits, "-", "_", "." and ":"');

/** A 24-hex MongoDB ObjectId, as Nevent uses for segments. */
export const ObjectIdSchema = z.string().regex(/^[0-9a-f]{24}$/, 'must be a 24-character hexadecimal id');

/**
 * The API's error body. The demo API sends `{statusCode, error, message, code?, param?}`
 * (NestJS style); real responses may carry `message` as an array of strings.
 */
export const ApiErrorBodySchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.union([z.string(), z.array(z.string())]),
  code: z.string().optional(),
  param: z.string().optional(),
});
/** The API's error body. */
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

/** The data API's envelope `{success, data, timestamp}`. */
export function dataEnvelopeSchema<T extends z.ZodType>(data: T) {
  return z.object({ success: z.literal(true), data, timestamp: z.string() });
}

/** The data API's error envelope. */
export const DataErrorEnvelopeSchema = z.object({
  success: z.literal(false),
  error: z.object({ code: z.string(), message: z.string(), param: z.string().optional() }),
  timestamp: z.string(),
});
