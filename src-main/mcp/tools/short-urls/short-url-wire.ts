/** What the short-URL tools answer with: links and objects as the API sent them, empty fields dropped. */
import { z } from 'zod';
import { ParentShortCodeSchema, ShortUrlIdSchema, type ShortUrl } from '../../../../src-shared/api';
import { compact } from '../../../core/domains/compact';

/** A link in a tool answer: `id` plus every non-empty field the API sent. */
export const LinkOutSchema = z.object({ id: z.string() }).loose();

/**
 * The output of a list answer: the list and the tenant typed, the page fields (`total`, `page`, …)
 * passed as they are (a smaller `tools/list` entry; the description says what they are).
 */
export function listOutput<K extends string>(key: K): z.ZodObject<Record<K | 'tenant_id', z.ZodType>> {
  return z.object({ [key]: z.array(ObjectOutSchema), tenant_id: z.string() } as Record<K | 'tenant_id', z.ZodType>).loose();
}

/** Any API object in a tool answer (metrics, destinations, clicks). */
export const ObjectOutSchema = z.object({}).loose();

/** The `id` input of a single-link tool. */
export const linkIdInput = ShortUrlIdSchema.describe('From nevent_list_short_urls.');

/** The `parentShortCode` input of the per-user link tools. */
export const parentShortCodeInput = ParentShortCodeSchema.describe('Code of the parent (campaign) link.');

/** A link without its empty fields. */
export function linkOut(link: ShortUrl): ShortUrl {
  return compact(link);
}
