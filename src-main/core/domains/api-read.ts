/**
 * The one way domain modules call the API and read the answer: `callApi` in the call's tenant, then a
 * reader (a normalizer from src-shared/api or a schema's `parse`) under the one reading rule of the core
 * (`readResponse`): a body without what the code needs is an `api_error` naming the endpoint and the field.
 */
import { readResponse } from '../http/http-client';
import type { ApiCall, ApiCaller, Scoped } from '../http/api-call';

/** Calls the API and reads the body with `read`; keeps the tenant the answer came from. */
export async function readApi<T>(ops: ApiCaller, call: ApiCall, read: (body: unknown) => T): Promise<Scoped<T>> {
  const answer = await ops.callApi(call);
  return { tenantId: answer.tenantId, value: readResponse(answer.value, read, call) };
}

/** A path segment as sent: encoded, so an id can never reach another path. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

/** A query without the parameters that were not given (the API sees only what the caller chose). */
export function definedQuery(query: Record<string, string | number | boolean | undefined>): Record<string, string | number> | undefined {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined) out[key] = typeof value === 'boolean' ? String(value) : value;
  return Object.keys(out).length === 0 ? undefined : out;
}

/** A body without its undefined fields: what the caller did not give is not sent (`null` is sent). */
export function definedFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
