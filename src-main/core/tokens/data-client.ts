/**
 * A call's API client: any call to the core API or the data API (what the API offers is the domain
 * modules' business: domains/), and the two things a session itself asks — a token scoped to another
 * tenant, and the tenants the user can see. It holds an `AuthorizedRequester` pinned to the credential
 * the call started with (tenant-scope.ts); every method answers with the credential that obtained the
 * value, so callers can report the tenant it belongs to.
 */
import { isFailureEnvelope, normalizeAccessibleTenants, normalizePlatformTenants, normalizeTokenResponse, unwrapDataEnvelope, type Tenant, type TokenPair } from '../../../src-shared/api';
import type { ApiUrls } from '../http/api-urls';
import type { Authorized, AuthorizedRequester, UnauthorizedRequest } from './authorized-requester';
import type { Credential } from './credential';
import { errorFromResponse, HttpStatusError, readResponse } from '../http/http-client';
import type { ApiCall } from '../http/api-call';
import { CoreError } from '../common/core-error';

export type { ApiUrls } from '../http/api-urls';

function map<T, U>(answer: Authorized<T>, fn: (value: T) => U): Authorized<U> {
  return { credential: answer.credential, value: fn(answer.value) };
}

/** The API client of one call. */
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
}
