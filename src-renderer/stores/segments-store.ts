/**
 * Mirror of the desktop tenant's segments and criteria as main holds them (`segments.current`, then
 * `segments.onDidChange`), plus the criteria by id (derived once per payload, for labels and the builder).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CriterionView, DesktopSegments, SegmentView } from '../../src-shared/ipc';
import { isNewer } from '../lib/versioned';

/** Segments state: main's payload (null before the first one) and the criteria index. */
export interface SegmentsState {
  version: number | null;
  tenantId: string | null;
  status: DesktopSegments['status'];
  segments: DesktopSegments['segments'];
  more: boolean;
  error: DesktopSegments['error'];
  criteriaStatus: DesktopSegments['criteriaStatus'];
  criteria: CriterionView[];
  criteriaById: Map<string, CriterionView>;
  criteriaError: DesktopSegments['criteriaError'];
  /**
   * The segment the detail or the editor last read whole (`segments.get`; a list may carry segments
   * without their definitions): the command's answer, not a copy of main's list.
   */
  opened: SegmentView | null;
}

/** The segments store. */
export type SegmentsStore = StoreApi<SegmentsState>;

/** Creates the segments store. */
export function createSegmentsStore(): SegmentsStore {
  return createStore<SegmentsState>(() => ({
    version: null,
    tenantId: null,
    status: 'idle',
    segments: [],
    more: false,
    error: null,
    criteriaStatus: 'idle',
    criteria: [],
    criteriaById: new Map(),
    criteriaError: null,
    opened: null,
  }));
}

/** Applies main's segments unless they are not newer than the ones held. */
export function applySegments(store: SegmentsStore, next: DesktopSegments): void {
  const current = store.getState();
  if (!isNewer(current.version, next.version)) return;
  // What was opened belongs to the tenant it was read in.
  const opened = current.opened !== null && next.tenantId === current.tenantId ? current.opened : null;
  store.setState({ ...next, criteriaById: new Map(next.criteria.map((c) => [c.id, c])), opened });
}
