/** The shared inputs and outputs of the paid-media tools (upstream's camelCase id names). */
import { z } from 'zod';
import { IsoDaySchema, PaidMediaIdSchema, PaidMediaProviderSchema, type ApiObject } from '../../../../src-shared/api';
import { compactRows, insightsTotals, insightsWindow, type InsightsWindow } from '../../../core/domains/paid-media';

/** The `provider` input. */
export const providerInput = PaidMediaProviderSchema;

/** A provider's id input (campaign, ad group, ad: the provider's own ids). */
export const paidIdInput = PaidMediaIdSchema;

/** The window inputs of the insights reads. */
export const windowInput = {
  from: IsoDaySchema.optional().describe('yyyy-MM-dd; default: a week to `to`.'),
  to: IsoDaySchema.optional().describe('Default today.'),
};

/** Any API object in an answer. */
export const ObjectOutSchema = z.object({}).loose();

/** The insights answer: the window, the totals, and the daily rows without empty fields. */
export const InsightsOutSchema = z.object({ totals: ObjectOutSchema, rows: z.array(ObjectOutSchema), tenant_id: z.string() }).loose();

/** The output of a list answer: the list and the tenant typed, `count`/`total`/`next_cursor` passed as they are. */
export function listOutput<K extends string>(key: K): z.ZodObject<Record<K | 'tenant_id', z.ZodType>> {
  return z.object({ [key]: z.array(ObjectOutSchema), tenant_id: z.string() } as Record<K | 'tenant_id', z.ZodType>).loose();
}

/** The window asked for, with today's date filling what is missing. */
export function windowOf(args: { from?: string | undefined; to?: string | undefined }): InsightsWindow {
  return insightsWindow({ ...(args.from === undefined ? {} : { from: args.from }), ...(args.to === undefined ? {} : { to: args.to }) }, new Date());
}

/** The insights answer for daily rows of `window`. */
export function insightsOut(window: InsightsWindow, rows: ApiObject[], tenantId: string): Record<string, unknown> & z.infer<typeof InsightsOutSchema> {
  return { ...window, totals: { ...insightsTotals(rows) }, rows: compactRows(rows), count: rows.length, tenant_id: tenantId };
}
