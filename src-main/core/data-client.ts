/**
 * The session's API clients (seed 000): `DataClient` speaks the core API and the data API,
 * `PaidMediaClient` the paid-media endpoints. Both hold the same `AuthorizedRequester`, hence the same
 * credential cell: a switch swaps the token for both at once. Every method answers with the credential
 * that obtained the value, so callers can report the tenant it belongs to. Response shapes are read
 * tolerantly (DESIGN §3) and validated with the shared schemas.
 */
import { z } from 'zod';
import {
  AccessibleTenantsResponseSchema,
  CampaignSchema,
  CapabilitiesSchema,
  CriterionSchema,
  MeSchema,
  normalizeSegmentList,
  normalizeTokenResponse,
  PaidAdsStatusSchema,
  PreviewSchema,
  SegmentSchema,
  type AccessibleTenantsResponse,
  type Campaign,
  type Capabilities,
  type Criterion,
  type Me,
  type PaidAdsStatus,
  type PaidMediaProvider,
  type Preview,
  type Segment,
  type SegmentCreate,
  type SegmentDefinition,
  type TokenPair,
} from '../../src-shared/api';
import type { Authorized, AuthorizedRequester, UnauthorizedRequest } from './authorized-requester';
import type { Credential } from './credential';
import { parseResponse, unwrapDataEnvelope, errorFromResponse } from './http-client';
import { CoreError } from './tenant-session';

/** The two base URLs of the Nevent API. */
export interface ApiUrls {
  apiUrl: string;
  dataApiUrl: string;
}

/** Fields of a segment update as sent on the wire (`version` always present). */
export interface SegmentWrite {
  name?: string;
  description?: string;
  definition?: SegmentDefinition;
  version: number;
}

const SegmentAnswerSchema = z.union([SegmentSchema, z.object({ segment: SegmentSchema }).loose()]);
const CampaignListSchema = z.union([z.array(CampaignSchema), z.object({ content: z.array(CampaignSchema) }).loose(), z.object({ campaigns: z.array(CampaignSchema) }).loose()]);
const PageMetaSchema = z.object({ totalPages: z.number().int().optional(), total: z.number().int().optional(), totalElements: z.number().int().optional() }).loose();
const CriteriaSchema = z.union([z.object({ criteria: z.array(CriterionSchema) }).loose(), z.array(CriterionSchema)]);

function segmentOf(body: unknown, req: Pick<UnauthorizedRequest, 'method' | 'path'>): Segment {
  const parsed = parseResponse(body, SegmentAnswerSchema, req);
  return 'segment' in parsed && typeof parsed.segment === 'object' ? (parsed.segment as Segment) : (parsed as Segment);
}

function map<T, U>(answer: Authorized<T>, fn: (value: T) => U): Authorized<U> {
  return { credential: answer.credential, value: fn(answer.value) };
}

/** Core API + data API client of one session. */
export class DataClient {
  constructor(
    private readonly requester: AuthorizedRequester,
    private readonly urls: ApiUrls,
  ) {}

  /** The credential this client uses now (the session's cell). */
  get credential(): Credential {
    return this.requester.cell.current;
  }

  private core(req: Omit<UnauthorizedRequest, 'baseUrl'>, credential?: Credential): Promise<Authorized<unknown>> {
    return this.requester.send({ ...req, baseUrl: this.urls.apiUrl }, credential);
  }

  private async data(req: Omit<UnauthorizedRequest, 'baseUrl'>, credential?: Credential): Promise<Authorized<unknown>> {
    const full = { ...req, baseUrl: this.urls.dataApiUrl };
    const answer = await this.requester.send(full, credential);
    const body = answer.value;
    // The data API may report a failure inside a 200 envelope.
    if (body !== null && typeof body === 'object' && (body as { success?: unknown }).success === false) throw errorFromResponse(500, body, full);
    return map(answer, unwrapDataEnvelope);
  }

  /** `POST /users/tenant`: a token pair scoped to `tenantId` (403 → tenant_forbidden, 404 → tenant_not_found). */
  async switchTenant(tenantId: string, credential?: Credential): Promise<Authorized<TokenPair>> {
    let answer: Authorized<unknown>;
    try {
      answer = await this.core({ method: 'POST', path: '/users/tenant', body: { tenantId } }, credential);
    } catch (error) {
      if (error instanceof CoreError && error.code === 'forbidden') throw new CoreError('tenant_forbidden', `no access to tenant "${tenantId}": ${error.message}`, 'tenantId');
      if (error instanceof CoreError && error.code === 'not_found') throw new CoreError('tenant_not_found', `tenant "${tenantId}" does not exist`, 'tenantId');
      throw error;
    }
    try {
      return map(answer, normalizeTokenResponse);
    } catch {
      throw new CoreError('invalid_token', 'the tenant switch answered without a usable access token');
    }
  }

  /** `GET /auth/me`. */
  async me(credential?: Credential): Promise<Authorized<Me>> {
    const req = { method: 'GET', path: '/auth/me' } as const;
    return map(await this.core(req, credential), (body) => parseResponse(body, MeSchema, req));
  }

  /** `GET /users/accessible-tenants`. */
  async accessibleTenants(credential?: Credential): Promise<Authorized<AccessibleTenantsResponse>> {
    const req = { method: 'GET', path: '/users/accessible-tenants' } as const;
    return map(await this.core(req, credential), (body) => parseResponse(body, AccessibleTenantsResponseSchema, req));
  }

  /**
   * `GET /segments?search&page&size` in any of the three list shapes. `hasMore` comes from the page
   * metadata when the shape has it, else from a full page.
   */
  async listSegments(query: { search?: string; page: number; size: number }, credential?: Credential): Promise<Authorized<{ segments: Segment[]; hasMore: boolean }>> {
    const req = { method: 'GET', path: '/segments', query: { search: query.search, page: query.page, size: query.size } } as const;
    return map(await this.core(req, credential), (body) => {
      let segments: Segment[];
      try {
        segments = normalizeSegmentList(body);
      } catch {
        throw new CoreError('api_error', 'unexpected response shape from GET /segments');
      }
      const meta = PageMetaSchema.safeParse(body);
      let hasMore = segments.length >= query.size;
      if (meta.success && meta.data.totalPages !== undefined) hasMore = query.page + 1 < meta.data.totalPages;
      else if (meta.success && (meta.data.total ?? meta.data.totalElements) !== undefined) hasMore = (query.page + 1) * query.size < (meta.data.total ?? meta.data.totalElements ?? 0);
      return { segments, hasMore };
    });
  }

  /** `GET /segments/{id}`. */
  async getSegment(segmentId: string, credential?: Credential): Promise<Authorized<Segment>> {
    const req = { method: 'GET', path: `/segments/${encodeURIComponent(segmentId)}` } as const;
    return map(await this.core(req, credential), (body) => segmentOf(body, req));
  }

  /** `POST /segments`. */
  async createSegment(input: SegmentCreate, credential?: Credential): Promise<Authorized<Segment>> {
    const req = { method: 'POST', path: '/segments', body: input } as const;
    return map(await this.core(req, credential), (body) => segmentOf(body, req));
  }

  /** `PUT /segments/{id}` with the version the edit started from (409 on a stale version). */
  async updateSegment(segmentId: string, input: SegmentWrite, credential?: Credential): Promise<Authorized<Segment>> {
    const req = { method: 'PUT', path: `/segments/${encodeURIComponent(segmentId)}`, body: input } as const;
    try {
      return map(await this.core(req, credential), (body) => segmentOf(body, req));
    } catch (error) {
      if (error instanceof CoreError && error.code === 'conflict') {
        throw new CoreError('conflict', `segment ${segmentId} was changed by someone else since version ${input.version}; reload it and apply the edit again`, 'version');
      }
      throw error;
    }
  }

  /** `GET /campaigns` (Spring page or array). */
  async listCampaigns(query: { status?: string; channel?: string; size: number }, credential?: Credential): Promise<Authorized<Campaign[]>> {
    const req = { method: 'GET', path: '/campaigns', query: { page: 0, size: query.size, status: query.status, channel: query.channel } } as const;
    return map(await this.core(req, credential), (body) => {
      const parsed = parseResponse(body, CampaignListSchema, req);
      if (Array.isArray(parsed)) return parsed;
      return ('content' in parsed ? parsed.content : (parsed as { campaigns: Campaign[] }).campaigns) as Campaign[];
    });
  }

  /** Data API `GET /segmentation/criteria`. */
  async segmentationCriteria(credential?: Credential): Promise<Authorized<Criterion[]>> {
    const req = { method: 'GET', path: '/segmentation/criteria' } as const;
    return map(await this.data(req, credential), (body) => {
      const parsed = parseResponse(body, CriteriaSchema, req);
      return Array.isArray(parsed) ? parsed : (parsed.criteria as Criterion[]);
    });
  }

  /** Data API `POST /segments/preview`. */
  async previewSegment(definition: SegmentDefinition, credential?: Credential): Promise<Authorized<Preview>> {
    const req = { method: 'POST', path: '/segments/preview', body: { definition } } as const;
    return map(await this.data(req, credential), (body) => parseResponse(body, PreviewSchema, req));
  }

  /** Data API `GET /analytics/capabilities`. */
  async analyticsCapabilities(credential?: Credential): Promise<Authorized<Capabilities>> {
    const req = { method: 'GET', path: '/analytics/capabilities' } as const;
    return map(await this.data(req, credential), (body) => parseResponse(body, CapabilitiesSchema, req));
  }
}

/** Paid-media client of one session: same credential cell as its DataClient. */
export class PaidMediaClient {
  constructor(
    private readonly requester: AuthorizedRequester,
    private readonly urls: Pick<ApiUrls, 'apiUrl'>,
  ) {}

  /** The credential this client uses now (the session's cell). */
  get credential(): Credential {
    return this.requester.cell.current;
  }

  /** `GET /api/ads/{provider}/status`. */
  async status(provider: PaidMediaProvider, credential?: Credential): Promise<Authorized<PaidAdsStatus>> {
    const req = { method: 'GET', baseUrl: this.urls.apiUrl, path: `/api/ads/${provider}/status` } as const;
    return map(await this.requester.send(req, credential), (body) => parseResponse(body, PaidAdsStatusSchema, req));
  }
}
