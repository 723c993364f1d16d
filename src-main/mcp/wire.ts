/**
 * The shapes the MCP tools answer with: snake_case as Nevent AI's tools use, plus the
 * mappers from the API's records. Output schemas are derived from these and every answer is checked
 * against them before it leaves, so the shapes and what a call returns cannot drift apart (`tools/list`
 * does not advertise them: lean-schema.ts). Fields the API did not send are left out
 * rather than made up; enums from the API are plain strings here (the API may send values we do not know).
 */
import { z } from 'zod';
import { isSwitchableStatus, SegmentDefinitionSchema } from '../../src-shared/api';
import type { Criterion, PaidAdsStatus, Segment, Tenant } from '../../src-shared/api';
import { operatorsFor } from '../../src-shared/segment-definition-check';

/** A tenant as the tools show it. */
export const TenantOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  parent_id: z.string().nullable().optional(),
  level: z.number().int().optional(),
  status: z.string().optional().describe('Membership status; absent means active.'),
  role: z.string().optional().describe("The user's role there, when the API says."),
  switchable: z.literal(false).optional().describe('Present only when the membership cannot be switched to.'),
  status_reason: z.string().optional(),
});
/** A tenant as the tools show it. */
export type TenantOut = z.infer<typeof TenantOutSchema>;

/** Maps a tenant to its tool shape (only the fields the API gave). */
export function tenantOut(tenant: Tenant): TenantOut {
  const out: TenantOut = { id: tenant.id, name: tenant.name };
  if (tenant.parentId !== null) out.parent_id = tenant.parentId;
  if (tenant.level !== null) out.level = tenant.level;
  if (tenant.status !== undefined) out.status = tenant.status;
  if (tenant.role !== undefined) out.role = tenant.role;
  if (!isSwitchableStatus(tenant.status)) out.switchable = false;
  if (tenant.statusReason !== undefined) out.status_reason = tenant.statusReason;
  return out;
}

/** A segment with its definition (null: the API sent none, or one this bridge cannot read). */
export const SegmentOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  definition: SegmentDefinitionSchema.nullable(),
  status: z.string().optional(),
  estimated_count: z.number().optional(),
  created_at: z.string().optional(),
  modified_at: z.string().optional(),
  last_executed_at: z.string().optional(),
  tenant_id: z.string(),
});
/** A segment with its definition. */
export type SegmentOut = z.infer<typeof SegmentOutSchema>;

/** Maps a segment to its tool shape; `tenantId` is the tenant the answer came from. */
export function segmentOut(segment: Segment, tenantId: string): SegmentOut {
  const out: SegmentOut = { id: segment.id, name: segment.name, description: segment.description ?? null, definition: segment.definition, tenant_id: tenantId };
  if (typeof segment.status === 'string') out.status = segment.status;
  if (typeof segment.estimatedCount === 'number') out.estimated_count = segment.estimatedCount;
  if (typeof segment.createdAt === 'string') out.created_at = segment.createdAt;
  if (typeof segment.modifiedAt === 'string') out.modified_at = segment.modifiedAt;
  if (typeof segment.lastExecutedAt === 'string') out.last_executed_at = segment.lastExecutedAt;
  return out;
}

/** A segment in a list: no definition (fetch it with `nevent_get_segment`). */
export const SegmentSummaryOutSchema = SegmentOutSchema.omit({ definition: true, tenant_id: true }).extend({
  stanza_count: z.number().int().optional(),
});
/** A segment in a list. */
export type SegmentSummaryOut = z.infer<typeof SegmentSummaryOutSchema>;

/** Maps a segment to its list shape. */
export function segmentSummaryOut(segment: Segment): SegmentSummaryOut {
  const { definition, tenant_id: _tenant, ...rest } = segmentOut(segment, '');
  return definition === null ? rest : { ...rest, stanza_count: definition.stanzas.length };
}

/** A segmentation criterion: operators as offered (the API's list, else the defaults of its value type). */
export const CriterionOutSchema = z.object({
  id: z.string(),
  type: z.string().optional(),
  label: z.string(),
  operators: z.array(z.string()),
  value_type: z.string().optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
/** A segmentation criterion. */
export type CriterionOut = z.infer<typeof CriterionOutSchema>;

/** Maps a criterion to its tool shape. */
export function criterionOut(criterion: Criterion): CriterionOut {
  const out: CriterionOut = { id: criterion.id, label: criterion.label, operators: [...operatorsFor(criterion)] };
  if (criterion.type !== null) out.type = criterion.type;
  if (criterion.valueType !== null) out.value_type = criterion.valueType;
  if (criterion.options !== undefined) out.options = criterion.options;
  return out;
}

/** A sample fan of a preview: `fan_id`, names and email when the API gives them, other fields as sent. */
export const SampleFanOutSchema = z
  .object({ fan_id: z.string().optional(), first_name: z.string().nullable().optional(), last_name: z.string().nullable().optional(), email: z.string().nullable().optional() })
  .loose();

/** Paid-media connection status (`provider` lower case, as asked; null where the API gave nothing). */
export const PaidAdsStatusOutSchema = z.object({
  connected: z.boolean(),
  provider: z.string(),
  account_id: z.string().nullable(),
  account_name: z.string().nullable(),
  last_sync_at: z.string().nullable(),
});

/** Maps a paid-media status to its tool shape. */
export function paidAdsStatusOut(status: PaidAdsStatus, provider: string): z.infer<typeof PaidAdsStatusOutSchema> {
  return {
    // Read liberally: an answer that names an account is connected even when it omits the flag.
    connected: status.connected ?? (status.accountId !== undefined && status.accountId !== null),
    provider: (status.provider ?? provider).toLowerCase(),
    account_id: status.accountId ?? null,
    account_name: status.accountName ?? null,
    last_sync_at: status.lastSyncAt ?? null,
  };
}
