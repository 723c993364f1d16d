/**
 * What the window sees of the core's records (IPC payloads): the known fields only, nothing made up.
 * A segment gains its `revision`, which an edit sends back so a change made meanwhile is caught.
 */
import { segmentRevision, type Criterion, type SampleFan, type Segment, type Tenant } from '../../src-shared/api';
import type { CriterionView, SampleFanView, SegmentView, TenantView } from '../../src-shared/ipc';

/** A segment as the window sees it. */
export function segmentView(segment: Segment): SegmentView {
  const view: SegmentView = { id: segment.id, name: segment.name, definition: segment.definition, revision: segmentRevision(segment) };
  if (typeof segment.description === 'string') view.description = segment.description;
  if (typeof segment.estimatedCount === 'number') view.estimatedCount = segment.estimatedCount;
  if (typeof segment.status === 'string') view.status = segment.status;
  if (typeof segment.createdAt === 'string') view.createdAt = segment.createdAt;
  if (typeof segment.modifiedAt === 'string') view.modifiedAt = segment.modifiedAt;
  if (typeof segment.lastExecutedAt === 'string') view.lastExecutedAt = segment.lastExecutedAt;
  if (typeof segment.tenantId === 'string') view.tenantId = segment.tenantId;
  return view;
}

/** A tenant as the window sees it. */
export function tenantView(tenant: Tenant): TenantView {
  const view: TenantView = { id: tenant.id, name: tenant.name, parentId: tenant.parentId, level: tenant.level };
  if (tenant.slug !== undefined) view.slug = tenant.slug;
  if (tenant.domain !== undefined) view.domain = tenant.domain;
  if (tenant.status !== undefined) view.status = tenant.status;
  if (tenant.role !== undefined) view.role = tenant.role;
  if (tenant.statusReason !== undefined) view.statusReason = tenant.statusReason;
  return view;
}

/** A preview's sample fan as the window shows it (the known fields only). */
export function sampleFanView(fan: SampleFan): SampleFanView {
  const view: SampleFanView = {};
  if (fan.fan_id !== undefined) view.fan_id = fan.fan_id;
  if (typeof fan.first_name === 'string') view.first_name = fan.first_name;
  if (typeof fan.last_name === 'string') view.last_name = fan.last_name;
  if (typeof fan.email === 'string') view.email = fan.email;
  return view;
}

/** A segmentation criterion as the window sees it (as the criteria endpoint listed it). */
export function criterionView(criterion: Criterion): CriterionView {
  const view: CriterionView = { id: criterion.id, type: criterion.type, label: criterion.label, operators: [...criterion.operators], valueType: criterion.valueType };
  if (criterion.options !== undefined) view.options = criterion.options.map((o) => ({ value: o.value, label: o.label }));
  return view;
}
