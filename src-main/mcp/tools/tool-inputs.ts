/** Input pieces several tools share: ids as the Nevent API takes them, bounded, with one-line descriptions. */
import { z } from 'zod';

/** An id of a Nevent record (campaign, image…): opaque, short, URL-safe; the API judges whether it exists in the tenant. */
export const RecordIdSchema = z
  .string()
  .min(1, 'id is empty')
  .max(128, 'id is longer than 128 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'id may contain only letters, digits, "-", "_", "." and ":"');

/** A field or table name of the analytics API. */
export const AnalyticsNameSchema = z.string().min(1).max(128);

/** Any JSON value a filter compares with, bounded (strings ≤ 1000, lists ≤ 100 scalars); advertised as any value. */
export const FilterValueSchema = z.unknown().refine((value) => {
  const scalar = (v: unknown): boolean => v === null || typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length <= 1000);
  return scalar(value) || (Array.isArray(value) && value.length <= 100 && value.every(scalar));
}, 'a value is a string (≤ 1000 characters), number, boolean, null or a list of up to 100 of them');
