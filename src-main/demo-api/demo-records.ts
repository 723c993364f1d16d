/**
 * The demo API's own records: what it stores, not what the client reads (the client's normalized
 * types live in src-shared/api). Answers are built from these in the real API's minimal shapes.
 */
import type { SegmentDefinition } from '../../src-shared/api';

/** A tenant of the demo tree. `key` is internal (ids, venue names); `slug`/`domain` are sent only when set. */
export interface DemoTenant {
  id: string;
  key: string;
  name: string;
  parentId: string | null;
  level: number;
  /** Sent only for some tenants (the real API does not promise a slug). */
  slug?: string;
  domain?: string;
  /** The language its people write their data in: a Spanish tenant's segments have Spanish names. */
  language?: 'es';
}

/** A stored segment, as the real API's records look (no `version`; `modifiedAt` changes on every write). */
export interface DemoSegment {
  id: string;
  name: string;
  description?: string;
  definition: SegmentDefinition;
  status: string;
  tenantId: string;
  createdAt: string;
  createdBy: string;
  modifiedAt: string;
  modifiedBy?: string;
  lastExecutedAt?: string;
  isLegacy: boolean;
}

/** A campaign as the demo stores it (upstream's statuses and channels). */
export interface DemoCampaign {
  id: string;
  name: string;
  status: string;
  channel: string;
  tenantId: string;
  segmentIds: string[];
  createdAt: string;
  scheduledTime: string | null;
  /** Set once sent (EXECUTED campaigns), with the delivery figures below. */
  executedAt: string | null;
  sent: number;
  opens: number;
  clicks: number;
  revenue: number;
}

/** A paid-media connection as the demo sends it (`provider` upper case, as upstream sometimes does). */
export interface DemoAdsStatus {
  connected: boolean;
  provider: string;
  accountId: string | null;
  accountName: string | null;
  lastSyncAt: string | null;
}
