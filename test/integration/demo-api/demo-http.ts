/** Tiny HTTP helpers for the demo API tests: real fetch over loopback, bodies parsed by the caller. */
import { normalizeTokenResponse } from '../../../src-shared/api';
import type { TokenPair } from '../../../src-shared/api';
import type { DemoApi } from '../../../src-main/demo-api';

/** A raw response: status and parsed JSON body (or the text when not JSON). */
export interface JsonResponse {
  status: number;
  body: unknown;
  contentType: string | null;
}

/** Sends one request; `body` is JSON-encoded unless it is already a string. */
export async function request(url: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<JsonResponse> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Leave it as text: the assertion will show what came back.
  }
  return { status: response.status, body: parsed, contentType: response.headers.get('content-type') };
}

/** Signs in as a demo user and returns the token pair. */
export async function signIn(api: DemoApi, user: 'superadmin' | 'owner' | 'admin' | 'solo'): Promise<TokenPair> {
  const response = await request(`${api.url}/auth/admin/login`, { body: { email: `${user}@demo.nevent.local`, password: 'demo' } });
  if (response.status !== 200) throw new Error(`sign-in as ${user} failed with ${response.status}`);
  return normalizeTokenResponse(response.body);
}

/** Switches tenant with a bearer, returning the raw response. */
export function switchTenant(api: DemoApi, token: string, tenantId: string): Promise<JsonResponse> {
  return request(`${api.url}/users/tenant`, { token, body: { tenantId } });
}
