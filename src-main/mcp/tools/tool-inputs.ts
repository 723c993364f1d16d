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

/** Any JSON value a filter compares with, bounded (strings ≤ 1000, lists ≤ 100). */
export const FilterValueSchema = z.union([z.string().max(1000), z.number(), z.boolean(), z.null(), z.array(z.union([z.string().max(1000), z.number(), z.boolean()])).max(100)]);
