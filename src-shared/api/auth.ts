/** Auth endpoints and token claims (DESIGN §3). Token names may be snake or camel case. */
import { z } from 'zod';
import { RoleSchema, TenantIdSchema } from './common';

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

/**
 * A token response in either naming. `normalizeTokenResponse` turns it into a `TokenPair`;
 * a missing refresh token means "keep the old one".
 */
export const RawTokenResponseSchema = z
  .object({
    loggedIn: z.boolean().optional(),
    access_token: z.string().min(1).optional(),
    accessToken: z.string().min(1).optional(),
    refresh_token: z.string().min(1).optional(),
    refreshToken: z.string().min(1).optional(),
  })
  .refine((v) => v.access_token !== undefined || v.accessToken !== undefined, {
    message: 'response has no access token',
  });

/** An access token and (optionally) a new refresh token. */
export interface TokenPair {
  accessToken: string;
  refreshToken?: string;
}

/** Reads a token response in snake or camel case. Throws a zod error when malformed. */
export function normalizeTokenResponse(body: unknown): TokenPair {
  const raw = RawTokenResponseSchema.parse(body);
  const accessToken = (raw.access_token ?? raw.accessToken) as string;
  const refreshToken = raw.refresh_token ?? raw.refreshToken;
  return refreshToken === undefined ? { accessToken } : { accessToken, refreshToken };
}

/** Access-token claims (Nevent + the AuthVital scoped-token extras). */
export const AccessTokenClaimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().optional(),
  role: RoleSchema,
  tenantId: TenantIdSchema.optional(),
  tenant_slug: z.string().optional(),
  tenant_role: z.string().optional(),
  exp: z.number().int(),
  iat: z.number().int(),
  iss: z.string().optional(),
});
/** Access-token claims. */
export type AccessTokenClaims = z.infer<typeof AccessTokenClaimsSchema>;

/** `GET /auth/me`. */
export const MeSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  tenantId: TenantIdSchema.nullable(),
});
/** Who am I. */
export type Me = z.infer<typeof MeSchema>;
