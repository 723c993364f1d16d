/** The one way a domain module sends a call and reads its answer: an unreadable body is an `api_error` naming the endpoint. */
import { ApiShapeError } from '../../../src-shared/api';
import { CoreError, type ApiCall, type Scoped, type TenantScopedOperations } from '../tenant-session';

/** What a domain module needs of a tenant: one API call in it. */
export type ApiCaller = Pick<TenantScopedOperations, 'callApi'>;

/** Sends `call` and reads the body with `read`; a body without what the code needs fails as `api_error` (never quoting the body). */
export async function readScoped<T>(tenant: ApiCaller, call: ApiCall, read: (body: unknown) => T): Promise<Scoped<T>> {
  const answer = await tenant.callApi(call);
  try {
    return { tenantId: answer.tenantId, value: read(answer.value) };
  } catch (error) {
    if (error instanceof ApiShapeError) throw new CoreError('api_error', `the Nevent API answered ${call.method} ${call.path} without ${error.field}: ${error.message}`);
    throw error;
  }
}
