/**
 * A call's API clients (seed 000): `DataClient` speaks the core API and the data API, `PaidMediaClient`
 * the paid-media endpoints. Both hold the same `AuthorizedRequester`, pinned to the credential the call
 * started with (tenant-scope.ts), so they always send the same token. Every method answers with the
 * credential that obtained the value, so callers can report the tenant it belongs to.
 *
 * Liberal in what they accept (the normalizers in src-shared/api read every shape the real API sends),
 * exact in what they send (the bodies below are built field by field).
 */
import {
  isFailureEnvelope,
  normalizeAccessibleTenants,
  normalizeCriteria,
  normalizePlatformTenants,
  normalizeSegmentAnswer,
  normalizeSegmentList,
  normalizeTokenResponse,
  PaidAdsStatusSchema,
  PreviewSchema,
  CapabilitiesSchema,
  normalizeAnalyticsResult,
  normalizeTableSchema,
  unwrapDataEnvelope,
  type AnalyticsColumn,
  type AnalyticsResult,
  type Capabilities,
  type Criterion,
  type PaidAdsStatus,
  type PaidMediaProvider,
  type Preview,
  type Segment,
  type SegmentCreateBody,
  type SegmentDefinition,
  type SegmentUpdateBody,
  type Tenant,
  type TokenPair,
} from '../../src-shared/api';
import type { ApiUrls } from './api-urls';
import type { Authorized, AuthorizedRequester, UnauthorizedRequest } from './authorized-requester';
import { tenantOf, type Credential } from './credential';
import { errorFromResponse, HttpStatusError, parseResponse, readResponse } from './http-client';
import type { ListAnswer } from './list-pager';
import { type ApiCall } from './tenant-session';
import { CoreError } from './core-error';

export type { ApiUrls } from './api-urls';

/**
 * `?tenant_id=` as upstream sends it on core segment calls: always the tenant of the token used, so it
 * can only repeat what the token already says (an API that ignores it loses nothing).
 */
function tenantQuery(credential: Credential): { tenant_id?: string } {
  const tenantId = tenantOf(credential);
  return tenantId === null ? {} : { tenant_id: tenantId };
}

function map<T, U>(answer: Authorized<T>, fn: (value: T) => U): Authorized<U> {
  return { credential: answer.credential, value: fn(answer.value) };
}

/** Core API + data API client of one call. */
export class DataClient {
  constructor(
    private readonly requester: AuthorizedRequester,
    private readonly urls: ApiUrls,
  ) {}

  /** The credential this client sends with now (the call's pinned one, or its renewal). */
  get credential(): Credential {
    return this.requester.credential;
  }

  private core(req: Omit<UnauthorizedRequest, 'baseUrl'>): Promise<Authorized<unknown>> {
    return this.requester.send({ ...req, baseUrl: this.urls.apiUrl });
  }

  private async data(req: Omit<UnauthorizedRequest, 'baseUrl'>): Promise<Authorized<unknown>> {
    const full = { ...req, baseUrl: this.urls.dataApiUrl };
    const answer = await this.requester.send(full);
    // The data API may report a failure inside a 200: an API error with its own message.
    if (isFailureEnvelope(answer.value)) throw errorFromResponse(200, answer.value, full);
    return map(answer, unwrapDataEnvelope);
  }

  /** Any endpoint of the core or the data API (see `ApiCall`); the body as it came (unwrapped for the data API). */
  call(call: ApiCall): Promise<Authorized<unknown>> {
    const req = { method: call.method, path: call.path, ...(call.query === undefined ? {} : { query: call.query }), ...(call.body === undefined ? {} : { body: call.body }), ...(call.file === undefined ? {} : { file: call.file }) };
    return call.api === 'data' ? this.data(req) : this.core(req);
  }

  /**
   * `POST /users/tenant`: a token pair scoped to `tenantId` (403 → tenant_forbidden, 404 →
   * tenant_not_found). `renew: false` sends the credential as it is (re-scoping a fresh token).
   */
  async switchTenant(tenantId: string, options: { renew?: boolean } = {}): Promise<Authorized<TokenPair>> {
    let answer: Authorized<unknown>;
    try {
      const req = { method: 'POST', baseUrl: this.urls.apiUrl, path: '/users/tenant', body: { tenantId } } as const;
      answer = options.renew === false ? await this.requester.sendOnce(req) : await this.requester.send(req);
    } catch (error) {
      if (error instanceof CoreError && error.code === 'forbidden') throw new CoreError('tenant_forbidden', `no access to tenant "${tenantId}": ${error.message}`, 'tenantId');
      if (error instanceof CoreError && error.code === 'not_found') throw new CoreError('tenant_not_found', `tenant "${tenantId}" does not exist or is not visible to this user`, 'tenantId');
      throw error;
    }
    try {
      return map(answer, normalizeTokenResponse);
    } catch {
      throw new CoreError('invalid_token', 'the tenant switch answered without a usable access token (no access_token or accessToken)');
    }
  }

  /** `GET /users/accessible-tenants`, de-duplicated (its `flatList` includes `root`). */
  async accessibleTenants(): Promise<Authorized<Tenant[]>> {
    const req = { method: 'GET', path: '/users/accessible-tenants' } as const;
    return map(await this.core(req), (body) => readResponse(body, normalizeAccessibleTenants, req));
  }

  /** `GET /platform/tenants` (SUPERADMIN only; 403 for everyone else). */
  async platformTenants(): Promise<Authorized<Tenant[]>> {
    const req = { method: 'GET', path: '/platform/tenants' } as const;
    return map(await this.core(req), (body) => readResponse(body, normalizePlatformTenants, req));
  }

  /**
   * Every tenant the user can see: a SUPERADMIN lists the platform, falling back to the accessible
   * tenants when the API refuses (403) or does not offer it (404); everyone else lists accessible tenants.
   */
  async listTenants(): Promise<Authorized<Tenant[]>> {
    if (this.credential.claims.role === 'SUPERADMIN') {
      try {
        return await this.platformTenants();
      } catch (error) {
        if (!(error instanceof HttpStatusError && (error.status === 403 || error.status === 404))) throw error;
      }
    }
    return this.accessibleTenants();
  }

  /**
   * `GET /segments?search&page&size` in any of its list shapes, as it came: the real API answers a plain
   * array of every segment and ignores the page and the search (list-pager.ts pages and filters it then).
   */
  async listSegments(query: { search?: string; page: number; size: number }): Promise<Authorized<ListAnswer<Segment>>> {
    const req = { method: 'GET', path: '/segments', query: { ...tenantQuery(this.credential), search: query.search, page: query.page, size: query.size } } as const;
    return map(await this.core(req), (body) => {
      const { segments, page } = readResponse(body, normalizeSegmentList, req);
      return { items: segments, total: page.total ?? null, totalPages: page.totalPages ?? null, page: page.number ?? null };
    });
  }

  /** `GET /segments/{id}`. */
  async getSegment(segmentId: string): Promise<Authorized<Segment>> {
    const req = { method: 'GET', path: `/segments/${encodeURIComponent(segmentId)}`, query: tenantQuery(this.credential) } as const;
    return map(await this.core(req), (body) => readResponse(body, normalizeSegmentAnswer, req));
  }

  /** `POST /segments` with exactly the body a usable segment needs (and the token's tenant, as upstream sends it). */
  async createSegment(body: SegmentCreateBody): Promise<Authorized<Segment>> {
    const tenantId = tenantOf(this.credential);
    const req = { method: 'POST', path: '/segments', query: tenantQuery(this.credential), body: tenantId === null ? body : { ...body, tenantId } } as const;
    return map(await this.core(req), (answer) => readResponse(answer, normalizeSegmentAnswer, req));
  }

  /** `PUT /segments/{id}` with only the fields that change (the real API has no optimistic concurrency). */
  async updateSegment(segmentId: string, body: SegmentUpdateBody): Promise<Authorized<Segment>> {
    const req = { method: 'PUT', path: `/segments/${encodeURIComponent(segmentId)}`, query: tenantQuery(this.credential), body } as const;
    return map(await this.core(req), (answer) => readResponse(answer, normalizeSegmentAnswer, req));
  }

  /** Data API `GET /segmentation/criteria`. */
  async segmentationCriteria(): Promise<Authorized<Criterion[]>> {
    const req = { method: 'GET', path: '/segmentation/criteria' } as const;
    return map(await this.data(req), (body) => readResponse(body, normalizeCriteria, req));
  }

  /** Data API `POST /segments/preview` (the definition must carry stanza and criterion ids). */
  async previewSegment(definition: SegmentDefinition): Promise<Authorized<Preview>> {
    const req = { method: 'POST', path: '/segments/preview', body: { definition } } as const;
    return map(await this.data(req), (body) => parseResponse(body, PreviewSchema, req));
  }

  /** Data API `GET /analytics/schema/{table}`. */
  async analyticsTableSchema(table: string): Promise<Authorized<{ table: string; columns: AnalyticsColumn[] }>> {
    const req = { method: 'GET', path: `/analytics/schema/${encodeURIComponent(table)}` } as const;
    return map(await this.data(req), (body) => readResponse(body, (b) => normalizeTableSchema(b, table), req));
  }

  /** Data API `POST /analytics/query[?dryRun=true]` with the query as given (the tenant comes from the token). */
  async analyticsQuery(query: Record<string, unknown>, options: { dryRun?: boolean } = {}): Promise<Authorized<AnalyticsResult>> {
    const req = { method: 'POST', path: '/analytics/query', body: query, ...(options.dryRun === true ? { query: { dryRun: 'true' } } : {}) } as const;
    return map(await this.data(req), (body) => readResponse(body, normalizeAnalyticsResult, req));
  }

  /** Data API `GET /analytics/capabilities` (large: the tools summarize it). */
  async analyticsCapabilities(): Promise<Authorized<Capabilities>> {
    const req = { method: 'GET', path: '/analytics/capabilities' } as const;
    return map(await this.data(req), (body) => parseResponse(body, CapabilitiesSchema, req));
  }
}

/** Paid-media client of one call: the same requester (and pinned credential) as its DataClient. */
export class PaidMediaClient {
  constructor(
    private readonly requester: AuthorizedRequester,
    private readonly urls: Pick<ApiUrls, 'apiUrl'>,
  ) {}

  /** The credential this client sends with now (the same as its DataClient's). */
  get credential(): Credential {
    return this.requester.credential;
  }

  /** `GET /api/ads/{provider}/status`. */
  async status(provider: PaidMediaProvider): Promise<Authorized<PaidAdsStatus>> {
    const req = { method: 'GET', baseUrl: this.urls.apiUrl, path: `/api/ads/${provider}/status` } as const;
    return map(await this.requester.send(req), (body) => parseResponse(unwrapDataEnvelope(body), PaidAdsStatusSchema, req));
  }
}
