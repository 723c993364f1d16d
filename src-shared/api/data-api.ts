/** The data API: segmentation criteria, preview, analytics capabilities (DESIGN §3). */
import { z } from 'zod';
import { dataEnvelopeSchema } from './common';
import { SegmentDefinitionSchema, ValueTypeSchema } from './segments';

/** A segmentation criterion from `GET /segmentation/criteria`. */
export const CriterionSchema = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string(),
  operators: z.array(z.string()),
  valueType: ValueTypeSchema,
  /** Choices for ENTITY criteria. */
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
/** A segmentation criterion. */
export type Criterion = z.infer<typeof CriterionSchema>;

/** Enveloped criteria response. */
export const CriteriaResponseSchema = dataEnvelopeSchema(z.object({ criteria: z.array(CriterionSchema) }));

/** `POST /segments/preview` body (data API). */
export const PreviewRequestSchema = z.object({ definition: SegmentDefinitionSchema });

/** A sample fan in a preview. */
export const SampleFanSchema = z.object({ id: z.string(), name: z.string(), email: z.string().optional() }).loose();

/** Preview result. */
export const PreviewSchema = z.object({
  estimated_fan_count: z.number().int().min(0),
  sample_fans: z.array(SampleFanSchema),
});
/** Preview result. */
export type Preview = z.infer<typeof PreviewSchema>;

/** Enveloped preview response. */
export const PreviewResponseSchema = dataEnvelopeSchema(PreviewSchema);

/** Analytics capabilities: an open object; the demo API fills a few known fields. */
export const CapabilitiesSchema = z
  .object({
    tenantId: z.string().optional(),
    features: z.record(z.string(), z.boolean()).optional(),
    channels: z.array(z.string()).optional(),
    metrics: z.array(z.string()).optional(),
  })
  .loose();
/** Analytics capabilities. */
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

/** Enveloped capabilities response. */
export const CapabilitiesResponseSchema = dataEnvelopeSchema(CapabilitiesSchema);
