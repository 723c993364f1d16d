/**
 * The revision of each segment a session last read or wrote, per tenant: the base of an update that
 * names none (the real API has no optimistic concurrency, so the client compares revisions itself).
 * Bounded: the oldest is forgotten first, and an update without a remembered base writes unchecked.
 */
import { segmentRevision, type Segment } from '../../../src-shared/api';

/** Segment revisions remembered per session. */
const maxSeenRevisions = 500;

/** `tenant segment` → revision, oldest first. */
export class SegmentRevisions {
  private readonly seen = new Map<string, string>();

  /** The revision last seen of `segmentId` in `tenantId`. */
  get(tenantId: string | null, segmentId: string): string | undefined {
    return this.seen.get(key(tenantId, segmentId));
  }

  /** Remembers `segment` as read or written in `tenantId`. */
  remember(tenantId: string | null, segment: Segment): void {
    const at = key(tenantId, segment.id);
    this.seen.delete(at);
    this.seen.set(at, segmentRevision(segment));
    if (this.seen.size > maxSeenRevisions) this.seen.delete(this.seen.keys().next().value as string);
  }
}

function key(tenantId: string | null, segmentId: string): string {
  return `${tenantId ?? ''} ${segmentId}`;
}
