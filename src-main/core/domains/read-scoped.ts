/** The one way a domain module sends a call and reads its answer: an unreadable body is an `api_error` naming the endpoint. */
import { ZodError } from 'zod';
import { ApiShapeError } from '../../../src-shared/api';
import { firstIssue } from '../../../src-shared/zod-issue';
import { type ApiCall, type Scoped, type TenantScopedOperations } from '../tenant-session';
import { CoreError } from '../core-error';

/** What a domain module needs of a tenant: one API call in it. */
export type ApiCaller = Pick<TenantScopedOperations, 'callApi'>;

/** Sends `call` and reads the body with `read`; a body without what the code needs (or failing its schema) is an `api_error` that never quotes the body. */
export async function readScoped<T>(tenant: ApiCaller, call: ApiCall, read: (body: unknown) => T): Promise<Scoped<T>> {
  const answer = await tenant.callApi(call);
  try {
    return { tenantId: answer.tenantId, value: read(answer.value) };
  } catch (error) {
    if (error instanceof ApiShapeError) throw new CoreError('api_error', `the Nevent API answered ${call.method} ${call.path} without ${error.field}: ${error.message}`);
    // A schema the body fails is the API's fault, not the caller's input: never `validation_failed`.
    if (error instanceof ZodError) throw new CoreError('api_error', `the Nevent API answered ${call.method} ${call.path} with an unreadable ${firstIssue(error).path || 'body'}`);
    throw error;
  }
}
