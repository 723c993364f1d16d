/**
 * The answers of the bridge's tools as the views read them: liberal readers (what a view needs is
 * required, everything else kept), since a view takes its data from whatever its host passes on.
 * The shapes are the tools' outputs (src-main/mcp/wire.ts and the tools' own files).
 */
import { z } from 'zod';
import { SegmentDefinitionSchema } from '../../src-shared/api/segments';

/** A tenant as `nevent_list_tenants` lists it. */
export const TenantAnswerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    parent_id: z.string().nullish(),
    level: z.number().optional(),
    status: z.string().optional(),
    role: z.string().optional(),
    status_reason: z.string().optional(),
  })
  .loose();
/** A listed tenant. */
export type TenantAnswer = z.infer<typeof TenantAnswerSchema>;

/** A page of `nevent_list_tenants`. */
export const TenantPageSchema = z
  .object({
    tenants: z.array(TenantAnswerSchema),
    total: z.number().optional(),
    next_cursor: z.string().optional(),
    home_tenant_id: z.string().nullish(),
    active_tenant_id: z.string().nullish(),
  })
  .loose();
/** A page of tenants. */
export type TenantPage = z.infer<typeof TenantPageSchema>;

/** What `nevent_switch_tenant` answers: where the connection is now, as the new token says. */
export const SwitchAnswerSchema = z.object({ active_tenant_id: z.string(), previous_tenant_id: z.string().nullish(), home_tenant_id: z.string().nullish() }).loose();

/** A segment as `nevent_get_segment` answers it (and `nevent_create_segment` / `nevent_update_segment` inside `segment`). */
export const SegmentAnswerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullish(),
    definition: SegmentDefinitionSchema.nullable(),
    status: z.string().optional(),
    tenant_id: z.string(),
  })
  .loose();
/** A segment. */
export type SegmentAnswer = z.infer<typeof SegmentAnswerSchema>;

/** A fan in a preview's sample. */
export const SampleFanSchema = z.object({ fan_id: z.string().optional(), first_name: z.string().nullish(), last_name: z.string().nullish(), email: z.string().nullish() }).loose();
/** A sampled fan. */
export type SampleFan = z.infer<typeof SampleFanSchema>;

/** What `nevent_segment_preview` answers. */
export const PreviewAnswerSchema = z.object({ estimated_fan_count: z.number(), sample_fans: z.array(SampleFanSchema), tenant_id: z.string() }).loose();
/** A preview. */
export type PreviewAnswer = z.infer<typeof PreviewAnswerSchema>;

/** What `nevent_quote_campaign` answers: the API's quote, read for what a person decides on. */
export const QuoteSchema = z
  .object({
    // The API sends null for what it could not work out (a channel's audience, say): read as absent.
    cost: z.number().nullish(),
    recipientCount: z.number().nullish(),
    affordable: z.boolean().nullish(),
    blocked: z.boolean().nullish(),
    unlimited: z.boolean().nullish(),
    audience: z.object({ uniqueAudience: z.number().nullish(), estimatedEligible: z.record(z.string(), z.unknown()).nullish() }).loose().nullish(),
  })
  .loose();
/** A quote. */
export type Quote = z.infer<typeof QuoteSchema>;

/** A campaign record as the campaign tools answer it. */
export const CampaignAnswerSchema = z
  .object({
    id: z.string(),
    name: z.string().optional(),
    status: z.string().optional(),
    channel: z.string().optional(),
    segmentIds: z.array(z.string()).optional(),
    scheduledTime: z.string().optional(),
  })
  .loose();
/** A campaign. */
export type CampaignAnswer = z.infer<typeof CampaignAnswerSchema>;

/** The tenant an answer came from. */
export const TenantOfAnswerSchema = z.object({ tenant_id: z.string() }).loose();

/** `value` read by `schema`, or null when it does not fit. */
export function readAs<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
