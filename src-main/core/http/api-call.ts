/**
 * One call to the Nevent API as domain code states it, and an answer labelled with its tenant: the
 * vocabulary shared by the API client (data-client.ts), the sessions' call scopes and the domain modules,
 * kept apart from all of them so none imports another to speak it.
 */
import type { UploadFile } from './http-client';

/** A value and the tenant it belongs to. */
export interface Scoped<T> {
  tenantId: string;
  value: T;
}

/**
 * One call to the Nevent API for the toolset's domain modules (src-main/core/domains/): sent with the
 * tenant's credential, renewed on 401 like every other call, the data API's `{success,data}` envelope
 * unwrapped and its `success:false` read as an error. The answer is the body as it came: each domain
 * reads it liberally itself (src-shared/api/).
 */
export interface ApiCall {
  api: 'core' | 'data';
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A multipart file part instead of a JSON body (`POST /media/upload/resource`). */
  file?: UploadFile;
}

/** What a domain module needs of a tenant: one API call in it. */
export interface ApiCaller {
  callApi(call: ApiCall): Promise<Scoped<unknown>>;
}
