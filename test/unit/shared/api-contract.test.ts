import { describe, expect, it } from 'vitest';
import { normalizeSegmentList, normalizeTokenResponse, SegmentDefinitionSchema } from '../../../src-shared/api';
import { errorCodes, mcpErrorTypeOf } from '../../../src-shared/errors';

const segment = {
  id: '0123456789abcdef01234567',
  name: 'VIP',
  definition: { stanzas: [] },
  version: 1,
  tenantId: 'tenant-a',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('API contract tolerance', () => {
  it('reads token responses in snake or camel case and keeps "no refresh token" distinct', () => {
    expect(normalizeTokenResponse({ access_token: 'a', refresh_token: 'r' })).toEqual({ accessToken: 'a', refreshToken: 'r' });
    expect(normalizeTokenResponse({ accessToken: 'a', refreshToken: 'r' })).toEqual({ accessToken: 'a', refreshToken: 'r' });
    expect(normalizeTokenResponse({ access_token: 'a' })).toEqual({ accessToken: 'a' });
    expect(() => normalizeTokenResponse({ refresh_token: 'r' })).toThrow();
    expect(() => normalizeTokenResponse('not an object')).toThrow();
  });

  it('reads segment lists as an array, {segments} or {content}', () => {
    expect(normalizeSegmentList([segment])).toHaveLength(1);
    expect(normalizeSegmentList({ segments: [segment], total: 1 })).toHaveLength(1);
    expect(normalizeSegmentList({ content: [segment], page: 0 })).toHaveLength(1);
    expect(() => normalizeSegmentList({ items: [segment] })).toThrow();
  });

  it('rejects a stanza without criteria', () => {
    expect(SegmentDefinitionSchema.safeParse({ stanzas: [{ criteria: [] }] }).success).toBe(false);
  });

  it('maps every error code to one of the MCP envelope types', () => {
    const types = new Set(errorCodes.map(mcpErrorTypeOf));
    expect([...types].sort()).toEqual(['api_error', 'authentication_error', 'invalid_request', 'not_found', 'rate_limit_error']);
    expect(mcpErrorTypeOf('tenant_mismatch')).toBe('invalid_request');
    expect(mcpErrorTypeOf('refresh_failed')).toBe('authentication_error');
  });
});
