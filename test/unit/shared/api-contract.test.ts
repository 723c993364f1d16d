import { describe, expect, it } from 'vitest';
import { ApiShapeError, normalizeSegmentList, normalizeTokenResponse, SegmentDefinitionInputSchema, SegmentDefinitionSchema, segmentRevision, withDefinitionIds } from '../../../src-shared/api';
import { errorCodes, mcpErrorTypeOf } from '../../../src-shared/errors';

const segment = { id: '0123456789abcdef01234567', name: 'VIP', definition: { stanzas: [] }, tenantId: 'tenant-a', modifiedAt: '2026-01-01T00:00:00Z' };

describe('API contract tolerance', () => {
  it('reads token responses in snake or camel case and keeps "no refresh token" distinct', () => {
    expect(normalizeTokenResponse({ access_token: 'a', refresh_token: 'r' })).toEqual({ accessToken: 'a', refreshToken: 'r' });
    expect(normalizeTokenResponse({ accessToken: 'a', refreshToken: 'r' })).toEqual({ accessToken: 'a', refreshToken: 'r' });
    expect(normalizeTokenResponse({ access_token: 'a' })).toEqual({ accessToken: 'a' });
    expect(() => normalizeTokenResponse({ refresh_token: 'r' })).toThrow(ApiShapeError);
    expect(() => normalizeTokenResponse({ success: true })).toThrow(ApiShapeError);
    expect(() => normalizeTokenResponse('not an object')).toThrow(ApiShapeError);
  });

  it('reads segment lists as an array, {segments} or {content}, with their page info', () => {
    expect(normalizeSegmentList([segment]).segments).toHaveLength(1);
    expect(normalizeSegmentList({ segments: [segment], total: 7 })).toMatchObject({ segments: [{ id: segment.id }], page: { total: 7 } });
    expect(normalizeSegmentList({ content: [segment], totalElements: 3, totalPages: 2, number: 0 })).toMatchObject({ page: { total: 3, totalPages: 2 } });
    expect(() => normalizeSegmentList({ rows: [segment] })).toThrow(ApiShapeError);
  });

  it('reads what it receives, and refuses only input that cannot be sent: a stanza without criteria', () => {
    // Read liberally: the API's own definitions are never second-guessed.
    expect(SegmentDefinitionSchema.safeParse({ stanzas: [{ criteria: [] }] }).success).toBe(true);
    expect(SegmentDefinitionInputSchema.safeParse({ stanzas: [{ criteria: [] }] }).success).toBe(false);
    expect(SegmentDefinitionInputSchema.safeParse({ stanzas: [] }).success).toBe(true);
  });

  it('gives a segment a revision that moves with what an edit can change', () => {
    expect(segmentRevision(segment)).toBe('m:2026-01-01T00:00:00Z');
    const noDate = { name: 'VIP', description: null, definition: { stanzas: [{ criteria: [{ criterion_id: 'a', operator: 'eq', value: 1 }] }] } };
    const same = { ...noDate, definition: { stanzas: [{ criteria: [{ value: 1, operator: 'eq', criterion_id: 'a' }] }] } };
    expect(segmentRevision(noDate)).toMatch(/^h:[0-9a-f]{16}$/);
    expect(segmentRevision(same)).toBe(segmentRevision(noDate));
    expect(segmentRevision({ ...noDate, name: 'VIPs' })).not.toBe(segmentRevision(noDate));
  });

  it('adds the ids the data API requires, keeping the ones given and every other key', () => {
    let n = 0;
    const withIds = withDefinitionIds({ stanzas: [{ criteria: [{ criterion_id: 'a', operator: 'eq', filters: { x: 1 } }, { id: 'keep', criterion_id: 'b', operator: 'eq' }] }], extra: true }, () => `gen-${++n}`);
    expect(withIds).toEqual({ extra: true, stanzas: [{ id: 'gen-1', criteria: [{ id: 'gen-2', criterion_id: 'a', operator: 'eq', filters: { x: 1 } }, { id: 'keep', criterion_id: 'b', operator: 'eq' }] }] });
  });

  it('maps every error code to one of the MCP envelope types', () => {
    const types = new Set(errorCodes.map(mcpErrorTypeOf));
    expect([...types].sort()).toEqual(['api_error', 'authentication_error', 'invalid_request', 'not_found', 'rate_limit_error']);
    expect(mcpErrorTypeOf('tenant_mismatch')).toBe('invalid_request');
    expect(mcpErrorTypeOf('refresh_failed')).toBe('authentication_error');
  });
});
