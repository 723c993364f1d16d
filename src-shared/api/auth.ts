/**
 * Auth endpoints and token claims (NEVENT-API.md "Tokens", "Auth").
 *
 *   POST /auth/admin/login {email,password}  -> {loggedIn, access_token | accessToken, refresh_token? | refreshToken?}
 *   POST /auth/refresh {refreshToken}        -> the same token shapes (no bearer; keep the old refresh token if none)
 *   POST /users/tenant {tenantId}            -> the same token shapes, scoped to tenantId
 */
import { z } from 'zod';
import { ApiIdSchema, ApiShapeError, RoleSchema, TenantIdSchema } from './common';

/** `POST /auth/admin/login` body. */
export const LoginRequestSchema = z.object({
  email: z.string().email().max(320),
  password: z.string().min(1).max(1024),
});
/** Sign-in request. */
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** `POST /auth/refresh` body (no bearer). */
export const RefreshRequestSchema = z.object({ refreshToken: z.string().min(1).max(8192) });

/** `POST /users/tenant` body. */
export const SwitchTenantRequestSchema = z.object({ tenantId: TenantIdSchema });

/** A token answer in either naming; everything else it carries (`loggedIn`, `user`…) is kept. */
export const RawTokenResponseSchema = z
  .object({
    access_token: z.string().optional(),
    accessToken: z.string().optional(),
    refresh_token: z.string().nullish(),
    refreshToken: z.string().nullish(),
  })
  .loose();

/** An access token and (optionally) a new refresh token. */
export interface TokenPair {
  accessToken: string;
  refreshToken?: string;
}

/**
 * Reads a token answer in snake or camel case, bare or inside `{data}`. A missing refresh token means
 * "keep the old one". Throws ApiShapeError (field `access_token`) when there is no access token.
 */
export function normalizeTokenResponse(body: unknown): TokenPair {
  const inner = body !== null && typeof body === 'object' && 'data' in body && !('access_token' in body) && !('accessToken' in body) ? (body as { data: unknown }).data : body;
  const raw = RawTokenResponseSchema.safeParse(inner);
  const accessToken = raw.success ? raw.data.access_token || raw.data.accessToken : undefined;
  if (!raw.success || accessToken === undefined || accessToken === '') throw new ApiShapeError('access_token', 'the answer carries no access token (access_token or accessToken)');
  const refreshToken = raw.data.refresh_token || raw.data.refreshToken || undefined;
  return refreshToken === undefined ? { accessToken } : { accessToken, refreshToken };
}

/**
 * Access-token claims as Nevent issues them, read liberally: the tenant in `tenantId` or
 * `activeTenantId` (numbers become strings), the role optional (upstream treats a missing one as
 * ADMIN; we show none), `exp`/`iat` optional, AuthVital's `tenant_slug`/`tenant_role` when present.
 * `subject` is `sub`, else `userId`/`id`, else the email: what the product keys a user by.
 */
export const AccessTokenClaimsSchema = z
  .object({
    sub: ApiIdSchema.optional(),
    userId: ApiIdSchema.optional(),
    id: ApiIdSchema.optional(),
    email: z.string().optional(),
    role: RoleSchema.nullish(),
    tenantId: ApiIdSchema.nullish(),
    activeTenantId: ApiIdSchema.nullish(),
    tenant_slug: z.string().optional(),
    tenant_role: z.string().optional(),
    exp: z.number().optional(),
    iat: z.number().optional(),
    iss: z.string().optional(),
  })
  .loose()
  .transform((claims) => {
    const { role, tenantId, activeTenantId, ...rest } = claims;
    const normalized: typeof rest & { subject: string; role?: NonNullable<typeof role>; tenantId?: string } = { ...rest, subject: claims.sub ?? claims.userId ?? claims.id ?? claims.email ?? 'unknown' };
    if (role !== undefined && role !== null) normalized.role = role;
    const tenant = tenantId ?? activeTenantId;
    if (tenant !== undefined && tenant !== null) normalized.tenantId = tenant;
    return normalized;
  });
/** Access-token claims, normalized. */
export type AccessTokenClaims = z.output<typeof AccessTokenClaimsSchema>;

/**
 * `GET /auth/me`, read liberally: what the window shows is optional and the rest is kept, but the answer
 * must name the user (`id` or `_id`): a 200 without one is not an identity (upstream treats it as
 * unverified), so the window keeps what the token says rather than show someone's name and role from it.
 */
export const MeSchema = z
  .object({
    id: ApiIdSchema.optional(),
    _id: ApiIdSchema.optional(),
    email: z.string().nullish(),
    name: z.string().nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    role: RoleSchema.nullish(),
    tenantId: ApiIdSchema.nullish(),
  })
  .loose()
  .refine((me) => me.id !== undefined || me._id !== undefined, { path: ['id'], message: 'the identity answer names no user (id or _id)' });
/** Who am I. */
export type Me = z.output<typeof MeSchema>;
