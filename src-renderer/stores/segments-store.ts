/** The active tenant's segments and segmentation criteria, each tagged with the tenant it was read in. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Criterion } from '../../src-shared/api';
import type { SegmentView as Segment } from '../../src-shared/ipc';
import type { AppErrorData } from '../../src-shared/errors';

/** Segments state. A result for another tenant than `tenantId` is never shown. */
export interface SegmentsState {
  /** The tenant the list below belongs to. */
  tenantId: string | null;
  segments: Segment[];
  /** The API has more segments than the first page shows. */
  more: boolean;
  loading: boolean;
  error: AppErrorData | null;
  criteriaTenantId: string | null;
  criteria: Criterion[];
  criteriaById: Map<string, Criterion>;
  criteriaError: AppErrorData | null;
}

/** The segments store. */
export type SegmentsStore = StoreApi<SegmentsState>;

/** Creates the segments store. */
export function createSegmentsStore(): SegmentsStore {
  return createStore<SegmentsState>(() => ({
    tenantId: null,
    segments: [],
    more: false,
    loading: false,
    error: null,
    criteriaTenantId: null,
    criteria: [],
    criteriaById: new Map(),
    criteriaError: null,
  }));
}

/** Replaces or adds one segment in the list (after a create, update or reload), newest edits first. */
export function upsertSegment(segments: readonly Segment[], segment: Segment): Segment[] {
  const at = segments.findIndex((s) => s.id === segment.id);
  if (at < 0) return [segment, ...segments];
  const out = [...segments];
  out[at] = segment;
  return out;
}
