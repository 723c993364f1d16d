/**
 * The shapes the MCP tools answer with: snake_case as Nevent AI's tools use (DESIGN §4), plus the
 * mappers from the API's camelCase DTOs. Output schemas are derived from these, so what `tools/list`
 * advertises and what a call returns cannot drift apart.
 */
import { z } from 'zod';
import {
  CampaignChannelSchema,
  CampaignStatusSchema,
  MembershipStatusSchema,
  PaidMediaProviderSchema,
  RoleSchema,
  SegmentDefinitionSchema,
  ValueTypeSchema,
} from '../../src-shared/api';
import type { AccessibleTenant, Campaign, Criterion, PaidAdsStatus, Segment } from '../../src-shared/api';

/** A tenant as the tools show it. */
export const TenantOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  parent_id: z.string().nullable(),
  level: z.number().int(),
  status: MembershipStatusSchema,
  role: RoleSchema,
  switchable: z.boolean().describe('Only ACTIVE memberships can be switched to.'),
  status_reason: z.string().optional(),
});
/** A tenant as the tools show it. */
export type TenantOut = z.infer<typeof TenantOutSchema>;

/** Maps an accessible tenant to its tool shape. */
export function tenantOut(tenant: AccessibleTenant): TenantOut {
  const out: TenantOut = {
    id: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    parent_id: tenant.parentId,
    level: tenant.level,
    status: tenant.status,
    role: tenant.role,
    switchable: tenant.status === 'ACTIVE',
  };
  if (tenant.statusReason !== undefined) out.status_reason = tenant.statusReason;
  return out;
}

/** A segment with its definition. */
export const SegmentOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  definition: SegmentDefinitionSchema,
  version: z.number().int(),
  tenant_id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  estimated_fan_count: z.number().int().optional(),
});
/** A segment with its definition. */
export type SegmentOut = z.infer<typeof SegmentOutSchema>;

/** Maps a segment to its tool shape. */
export function segmentOut(segment: Segment): SegmentOut {
  const out: SegmentOut = {
    id: segment.id,
    name: segment.name,
    description: segment.description ?? null,
    definition: segment.definition,
    version: segment.version,
    tenant_id: segment.tenantId,
    created_at: segment.createdAt,
    updated_at: segment.updatedAt,
  };
  if (segment.estimatedFanCount !== undefined) out.estimated_fan_count = segment.estimatedFanCount;
  return out;
}

/** A segment in a list: no definition (fetch it with `nevent_get_segment`). */
export const SegmentSummaryOutSchema = SegmentOutSchema.omit({ definition: true }).extend({
  stanza_count: z.number().int(),
});
/** A segment in a list. */
export type SegmentSummaryOut = z.infer<typeof SegmentSummaryOutSchema>;

/** Maps a segment to its list shape. */
export function segmentSummaryOut(segment: Segment): SegmentSummaryOut {
  const { definition, ...rest } = segmentOut(segment);
  return { ...rest, stanza_count: definition.stanzas.length };
}

/** A segmentation criterion. */
export const CriterionOutSchema = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string(),
  operators: z.array(z.string()),
  value_type: ValueTypeSchema,
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
/** A segmentation criterion. */
export type CriterionOut = z.infer<typeof CriterionOutSchema>;

/** Maps a criterion to its tool shape. */
export function criterionOut(criterion: Criterion): CriterionOut {
  const out: CriterionOut = {
    id: criterion.id,
    type: criterion.type,
    label: criterion.label,
    operators: criterion.operators,
    value_type: criterion.valueType,
  };
  if (criterion.options !== undefined) out.options = criterion.options;
  return out;
}

/** A campaign. */
export const CampaignOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: CampaignStatusSchema,
  channel: CampaignChannelSchema,
  tenant_id: z.string(),
  segment_id: z.string().nullable(),
  created_at: z.string(),
  scheduled_at: z.string().nullable(),
});
/** A campaign. */
export type CampaignOut = z.infer<typeof CampaignOutSchema>;

/** Maps a campaign to its tool shape. */
export function campaignOut(campaign: Campaign): CampaignOut {
  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    channel: campaign.channel,
    tenant_id: campaign.tenantId,
    segment_id: campaign.segmentId ?? null,
    created_at: campaign.createdAt,
    scheduled_at: campaign.scheduledAt ?? null,
  };
}

/** Paid-media connection status. */
export const PaidAdsStatusOutSchema = z.object({
  connected: z.boolean(),
  provider: PaidMediaProviderSchema,
  account_id: z.string().nullable(),
  account_name: z.string().nullable(),
  last_sync_at: z.string().nullable(),
});

/** Maps a paid-media status to its tool shape. */
export function paidAdsStatusOut(status: PaidAdsStatus): z.infer<typeof PaidAdsStatusOutSchema> {
  return {
    connected: status.connected,
    provider: status.provider,
    account_id: status.accountId,
    account_name: status.accountName,
    last_sync_at: status.lastSyncAt,
  };
}
