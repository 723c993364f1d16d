/**
 * Tiny HTTP helpers for the demo API tests: real fetch over loopback, bodies parsed by the caller.
 * Answers are read with the client's own boundary functions (src-shared/api) where a test is about
 * what the client gets out of them; `request` hands back the raw body where a test is about the wire.
 */
import { decodeJwt } from 'jose';
import { expect } from 'vitest';
import { AccessTokenClaimsSchema, normalizeTokenResponse, readApiErrorBody } from '../../../src-shared/api';
import type { AccessTokenClaims, ApiErrorDetail, TokenPair } from '../../../src-shared/api';
import type { DemoApi, DemoUser } from '../../../src-main/demo-api';

/** A raw response: status and parsed JSON body (or the text when not JSON). */
export interface JsonResponse {
  status: number;
  body: unknown;
  contentType: string | null;
}

/** A demo user's name (`<name>@demo.nevent.local`, password `demo`). */
export type DemoUserName = DemoUser['name'];

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
    // Leave it as text: some real answers are plain text ("Forbidden"), and assertions show the rest.
  }
  return { status: response.status, body: parsed, contentType: response.headers.get('content-type') };
}

/** The raw `POST /auth/admin/login` answer for a demo user. */
export function login(api: Pick<DemoApi, 'url'>, user: DemoUserName, query = ''): Promise<JsonResponse> {
  return request(`${api.url}/auth/admin/login${query}`, { body: { email: `${user}@demo.nevent.local`, password: 'demo' } });
}

/** A token pair that carries a refresh token. */
export type FullTokenPair = Required<TokenPair>;

/**
 * Signs in as a demo user and returns the pair as the client reads it. Every user but `solo` gets a
 * refresh token at sign-in; `solo` gets none (the real API may send none).
 */
export async function signIn(api: Pick<DemoApi, 'url'>, user: Exclude<DemoUserName, 'solo'>): Promise<FullTokenPair>;
export async function signIn(api: Pick<DemoApi, 'url'>, user: DemoUserName): Promise<TokenPair>;
export async function signIn(api: Pick<DemoApi, 'url'>, user: DemoUserName): Promise<TokenPair> {
  const response = await login(api, user);
  if (response.status !== 200) throw new Error(`sign-in as ${user} failed with ${response.status}`);
  const pair = normalizeTokenResponse(response.body);
  if (user !== 'solo' && pair.refreshToken === undefined) throw new Error(`sign-in as ${user} brought no refresh token`);
  return pair;
}

/** Switches tenant with a bearer, returning the raw response. */
export function switchTenant(api: Pick<DemoApi, 'url'>, token: string, tenantId: string): Promise<JsonResponse> {
  return request(`${api.url}/users/tenant`, { token, body: { tenantId } });
}

/** Switches tenant and returns the new pair; fails the test when the switch is refused. */
export async function switchedPair(api: Pick<DemoApi, 'url'>, token: string, tenantId: string): Promise<FullTokenPair> {
  const response = await switchTenant(api, token, tenantId);
  expect(response.status, `switch to ${tenantId}`).toBe(200);
  const pair = normalizeTokenResponse(response.body);
  if (pair.refreshToken === undefined) throw new Error(`the switch to ${tenantId} brought no refresh token`);
  return { accessToken: pair.accessToken, refreshToken: pair.refreshToken };
}

/** `POST /auth/refresh` with a refresh token (no bearer), raw. */
export function refresh(api: Pick<DemoApi, 'url'>, refreshToken: unknown): Promise<JsonResponse> {
  return request(`${api.url}/auth/refresh`, { body: { refreshToken } });
}

/** Refreshes and returns the new pair; fails the test when the refresh is refused. */
export async function refreshedPair(api: Pick<DemoApi, 'url'>, refreshToken: string): Promise<FullTokenPair> {
  const response = await refresh(api, refreshToken);
  expect(response.status, 'refresh').toBe(200);
  const pair = normalizeTokenResponse(response.body);
  if (pair.refreshToken === undefined) throw new Error('the refresh brought no refresh token');
  return { accessToken: pair.accessToken, refreshToken: pair.refreshToken };
}

/** A token's claims as the client reads them (tenant from `tenantId` or `activeTenantId`). */
export function claimsOf(token: string): AccessTokenClaims {
  return AccessTokenClaimsSchema.parse(decodeJwt(token));
}

/** What an error answer says, as the client reads it (any of the API's error shapes). */
export function errorOf(response: JsonResponse): ApiErrorDetail {
  return readApiErrorBody(response.body);
}

/**
 * An error answer as the client must be able to show it: the status, a body the client can take a
 * message from, and no stack trace or source path leaking out.
 */
export function expectCleanError(response: JsonResponse, status: number): ApiErrorDetail {
  expect(response.status).toBe(status);
  const detail = errorOf(response);
  expect(detail.message, JSON.stringify(response.body)).toBeTruthy();
  expect(typeof response.body === 'string' ? response.body : JSON.stringify(response.body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  return detail;
}
