import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  capabilityTables,
  isFailureEnvelope,
  knownCampaignChannels,
  knownCampaignStatuses,
  knownValueTypes,
  normalizeAnalyticsResult,
  normalizeCriteria,
  normalizeTableSchema,
  PaidAdsStatusSchema,
  PreviewSchema,
  unwrapDataEnvelope,
  withDefinitionIds,
} from '../../../src-shared/api';
import type { AnalyticsResult, Preview, SegmentCriterion, SegmentDefinition } from '../../../src-shared/api';
import { operatorsFor } from '../../../src-shared/segment-definition-check';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { errorOf, request, signIn, switchedPair } from './demo-http';
import type { JsonResponse } from './demo-http';

let api: DemoApi;
let token: string;
let madridToken: string;
beforeAll(async () => {
  api = await startDemoApi();
  token = (await signIn(api, 'owner')).accessToken;
  madridToken = (await switchedPair(api, token, 'tn-acme-madrid')).accessToken;
});
afterAll(async () => {
  await api.close();
});

/** A definition with an id on every stanza and criterion, as the data API demands (the client's own rule). */
function dsl(...stanzas: SegmentCriterion[][]): SegmentDefinition {
  let next = 0;
  return withDefinitionIds({ stanzas: stanzas.map((criteria) => ({ criteria })) }, () => `id-${(next += 1)}`);
}

const previewRaw = (definition: unknown, as = token) => request(`${api.dataUrl}/segments/preview`, { token: as, body: { definition } });
const preview = async (definition: SegmentDefinition, as = token): Promise<Preview> => {
  const response = await previewRaw(definition, as);
  expect(response.status).toBe(200);
  expect(isFailureEnvelope(response.body)).toBe(false);
  return PreviewSchema.parse(unwrapDataEnvelope(response.body));
};
const criteriaOf = async (as: string) => normalizeCriteria(unwrapDataEnvelope((await request(`${api.dataUrl}/segmentation/criteria`, { token: as })).body));
const madrid = { criterion_id: 'city', operator: 'is', value: ['madrid'] };
const young = { criterion_id: 'age', operator: 'lt', value: 25 };
const optIn = { criterion_id: 'newsletter_opt_in', operator: 'is_true' };

/** A data-API failure: `{success: false, message, error}` (+ timestamp), whatever the status. */
function expectDataFailure(response: JsonResponse, status: number, message: string | RegExp, error: string | RegExp): void {
  const matching = (want: string | RegExp): unknown => (typeof want === 'string' ? want : expect.stringMatching(want));
  expect(response.status).toBe(status);
  expect(isFailureEnvelope(response.body)).toBe(true);
  expect(response.body).toMatchObject({ success: false, message: matching(message), error: matching(error) });
}

describe('segmentation criteria', () => {
  it('come enveloped {success, data: {criteria}, timestamp}: 12 criteria in upstream categories and every value type', async () => {
    const response = await request(`${api.dataUrl}/segmentation/criteria`, { token });
    expect(response.status).toBe(200);
    const body = response.body as { success: unknown; data: { criteria: unknown[] }; timestamp: string };
    expect(Object.keys(body).sort()).toEqual(['data', 'success', 'timestamp']);
    expect(body.success).toBe(true);
    expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);
    const criteria = normalizeCriteria(unwrapDataEnvelope(body));
    expect(criteria).toHaveLength(12);
    expect(new Set(criteria.map((c) => c.valueType))).toEqual(new Set(knownValueTypes));
    expect(new Set(criteria.map((c) => c.type))).toEqual(new Set(['profile_property', 'behavior', 'communication_interaction', 'app_interaction']));
    for (const criterion of criteria.filter((c) => c.valueType === 'ENTITY')) expect(criterion.options?.length, criterion.id).toBeGreaterThan(0);
    expect(criteria.find((c) => c.id === 'total_spent')).toMatchObject({ valueType: 'CURRENCY', operators: expect.arrayContaining(['gte', 'lt']) });
  });

  it('list `first_name` (STRING) without operators: the client falls back to the value type’s', async () => {
    const firstName = (await criteriaOf(token)).find((c) => c.id === 'first_name');
    expect(firstName).toMatchObject({ valueType: 'STRING', operators: [] });
    expect(operatorsFor(firstName ?? { operators: [], valueType: null })).toEqual(['eq', 'neq', 'contains', 'starts_with', 'ends_with']);
    expect((await criteriaOf(token)).filter((c) => c.operators.length === 0).map((c) => c.id)).toEqual(['first_name']);
  });

  it('are scoped to the token’s tenant (venues differ)', async () => {
    const venues = async (as: string) => (await criteriaOf(as)).find((c) => c.id === 'venue')?.options?.map((o) => o.value);
    const acme = await venues(token);
    const acmeMadrid = await venues(madridToken);
    expect(acme).toBeDefined();
    expect(acme).not.toEqual(acmeMadrid);
    expect(acmeMadrid?.every((v) => v.startsWith('acme-madrid-'))).toBe(true);
  });
});

describe('segment preview', () => {
  it('answers bare {estimated_fan_count, sample_fans: [{fan_id, first_name, last_name, email?}]}', async () => {
    const response = await previewRaw(dsl([madrid]));
    expect(response.status).toBe(200);
    const body = response.body as { estimated_fan_count: number; sample_fans: Record<string, unknown>[] };
    expect(Object.keys(body).sort()).toEqual(['estimated_fan_count', 'sample_fans']);
    expect(body.sample_fans).toHaveLength(5);
    for (const fan of body.sample_fans) {
      expect(fan).toMatchObject({ fan_id: expect.any(String), first_name: expect.any(String), last_name: expect.any(String) });
      expect(Object.keys(fan).every((k) => ['fan_id', 'first_name', 'last_name', 'email'].includes(k))).toBe(true);
      if ('email' in fan) expect(fan.email).toMatch(/@/);
    }
  });

  it('is deterministic: OR within a stanza widens, AND across stanzas narrows', async () => {
    const everyone = await preview({ stanzas: [] });
    const a = await preview(dsl([madrid]));
    const b = await preview(dsl([young]));
    const either = await preview(dsl([madrid, young]));
    const both = await preview(dsl([madrid], [young]));
    expect(everyone.estimated_fan_count).toBeGreaterThan(1000);
    expect(a.estimated_fan_count).toBeGreaterThan(0);
    expect(either.estimated_fan_count).toBeGreaterThanOrEqual(Math.max(a.estimated_fan_count, b.estimated_fan_count));
    expect(either.estimated_fan_count).toBeLessThanOrEqual(a.estimated_fan_count + b.estimated_fan_count);
    expect(both.estimated_fan_count).toBeLessThanOrEqual(Math.min(a.estimated_fan_count, b.estimated_fan_count));
    expect(either.estimated_fan_count + both.estimated_fan_count).toBe(a.estimated_fan_count + b.estimated_fan_count);
    expect(await preview(dsl([madrid]))).toEqual(a);
    const three = await preview(dsl([madrid], [young], [optIn]));
    expect(three.estimated_fan_count).toBeLessThanOrEqual(both.estimated_fan_count);
    expect((await preview({ stanzas: [] }, madridToken)).estimated_fan_count).not.toBe(everyone.estimated_fan_count);
  });

  it('refuses a DSL without stanza or criterion ids with 400, as the real data API does', async () => {
    expectDataFailure(await previewRaw({ stanzas: [{ criteria: [madrid] }] }), 400, 'Failed to preview segment', 'Invalid DSL: stanza 0 missing id');
    expectDataFailure(await previewRaw({ stanzas: [{ id: 's1', criteria: [{ id: 'c1', ...madrid }] }, { id: '', criteria: [{ id: 'c2', ...young }] }] }), 400, 'Failed to preview segment', 'Invalid DSL: stanza 1 missing id');
    expectDataFailure(await previewRaw({ stanzas: [{ id: 's1', criteria: [{ id: 'c1', ...madrid }, young] }] }), 400, 'Failed to preview segment', 'Invalid DSL: stanza 0 criterion 1 missing id');
    // The client shows both halves of what the API said.
    expect(errorOf(await previewRaw({ stanzas: [{ criteria: [madrid] }] })).message).toBe('Failed to preview segment: Invalid DSL: stanza 0 missing id');
    // Given ids are all it needs: the same definition with the client's ids previews.
    expect((await preview(withDefinitionIds({ stanzas: [{ criteria: [madrid] }] }, () => 'x'))).estimated_fan_count).toBeGreaterThan(0);
  });

  it('fails a definition the catalogue refuses inside a 200 with success:false, naming the path', async () => {
    const unknown = await previewRaw(dsl([madrid, { criterion_id: 'shoe_size', operator: 'eq', value: 42 }]));
    expectDataFailure(unknown, 200, 'Failed to preview segment', /^definition\.stanzas\[0\]\.criteria\[1\]\.criterion_id: unknown criterion "shoe_size"$/);
    expect(PreviewSchema.safeParse(unwrapDataEnvelope(unknown.body)).success).toBe(false);
    const operator = await previewRaw(dsl([madrid, { criterion_id: 'age', operator: 'is', value: 3 }]));
    expectDataFailure(operator, 200, 'Failed to preview segment', /^definition\.stanzas\[0\]\.criteria\[1\]\.operator: /);
    expect(errorOf(operator).message).toMatch(/^Failed to preview segment: definition\.stanzas\[0\]\.criteria\[1\]\.operator: /);
  });

  it('answers a request without a definition with a 400 envelope naming the field', async () => {
    const missing = await request(`${api.dataUrl}/segments/preview`, { token, body: {} });
    expectDataFailure(missing, 400, 'definition: Invalid input: expected object, received undefined', 'VALIDATION_FAILED');
    expect(errorOf(missing).code).toBe('VALIDATION_FAILED');
  });
});

describe('analytics capabilities', () => {
  it('are public: without a bearer, the tables as upstream lists them {name, description, timeField, tenantField, fields}', async () => {
    const response = await request(`${api.dataUrl}/analytics/capabilities`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ success: true, timestamp: expect.any(String) });
    const data = unwrapDataEnvelope(response.body) as { tables: Record<string, unknown>[]; count: number };
    expect(data.count).toBe(data.tables.length);
    for (const table of data.tables) expect(Object.keys(table).sort()).toEqual(['description', 'fields', 'name', 'tenantField', 'timeField']);
    expect(capabilityTables(data)).toEqual([{ name: 'campaigns', description: expect.any(String), timeField: 'created_at', fieldCount: 11 }]);
  });

  it('with a bearer, are the token tenant’s; a bad bearer is still refused', async () => {
    const response = await request(`${api.dataUrl}/analytics/capabilities`, { token: madridToken });
    expect(unwrapDataEnvelope(response.body)).toMatchObject({ tenantId: 'tn-acme-madrid', features: { segments: true } });
    expect((await request(`${api.dataUrl}/analytics/capabilities`, { token: `${madridToken}x` })).status).toBe(401);
  });
});

describe('data API errors', () => {
  it('come as {success:false, message, error:"CODE"} for 401 and unknown routes', async () => {
    expectDataFailure(await request(`${api.dataUrl}/segmentation/criteria`), 401, 'Missing bearer token', 'AUTHENTICATION_FAILED');
    expectDataFailure(await request(`${api.dataUrl}/segments/preview`, { body: { definition: { stanzas: [] } } }), 401, 'Missing bearer token', 'AUTHENTICATION_FAILED');
    expectDataFailure(await request(`${api.dataUrl}/nope`, { token }), 404, 'No route for GET /data/nope', 'NOT_FOUND');
  });
});

describe('campaigns: the analytics table `campaigns`', () => {
  const query = async (body: Record<string, unknown>, as = token, suffix = ''): Promise<AnalyticsResult> => {
    const response = await request(`${api.dataUrl}/analytics/query${suffix}`, { token: as, body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ success: true, data: { data: expect.any(Array), metadata: { totalRows: expect.any(Number), executionTime: expect.any(Number) } } });
    return normalizeAnalyticsResult(unwrapDataEnvelope(response.body));
  };
  const columns = ['campaign_id', 'name', 'status', 'channel', 'created_at', 'executed_at', 'sent', 'opens', 'clicks', 'revenue', 'tenant_id'];
  const everything = { collection: 'campaigns', dimensions: columns.map((field) => ({ field })), limit: 1000 };

  it('has no list endpoint: GET /campaigns is a 404', async () => {
    const response = await request(`${api.url}/campaigns`, { token });
    expect(response.status).toBe(404);
    expect(errorOf(response).message).toMatch(/No route for GET \/campaigns/);
  });

  it('describes its columns at /analytics/schema/campaigns (enveloped), and 404s an unknown table', async () => {
    const response = await request(`${api.dataUrl}/analytics/schema/campaigns`, { token });
    expect(response.status).toBe(200);
    const data = unwrapDataEnvelope(response.body) as { column_count: number };
    const schema = normalizeTableSchema(data, 'campaigns');
    expect(schema.table).toBe('campaigns');
    expect(schema.columns.map((c) => c.name)).toEqual(columns);
    expect(data.column_count).toBe(columns.length);
    expect(schema.columns.find((c) => c.name === 'revenue')).toMatchObject({ type: 'CURRENCY', description: 'EUR' });
    expect(schema.columns.find((c) => c.name === 'status')?.description).toBe(knownCampaignStatuses.join(' | '));
    expectDataFailure(await request(`${api.dataUrl}/analytics/schema/campaignz`, { token }), 404, 'Table not found', 'Unknown table: campaignz');
    expect((await request(`${api.dataUrl}/analytics/schema/campaigns`)).status).toBe(401);
  });

  it('holds the token tenant’s 10-30 campaigns with upstream statuses and channels', async () => {
    const all = await query(everything);
    expect(all.totalRows).toBe(all.rows.length);
    expect(all.rows.length).toBeGreaterThanOrEqual(10);
    expect(all.rows.length).toBeLessThanOrEqual(30);
    expect(all.rows.every((r) => r.tenant_id === 'tn-acme')).toBe(true);
    expect(all.rows.every((r) => (knownCampaignStatuses as readonly unknown[]).includes(r.status) && (knownCampaignChannels as readonly unknown[]).includes(r.channel))).toBe(true);
    expect(all.rows.every((r) => /^[0-9a-f]{24}$/.test(String(r.campaign_id)))).toBe(true);
    // Only sent campaigns have delivery figures.
    expect(all.rows.filter((r) => r.status !== 'EXECUTED').every((r) => r.sent === 0 && r.executed_at === null)).toBe(true);
    const madridRows = (await query(everything, madridToken)).rows;
    expect(madridRows.every((r) => r.tenant_id === 'tn-acme-madrid')).toBe(true);
    expect(madridRows.map((r) => r.campaign_id)).not.toEqual(all.rows.map((r) => r.campaign_id));
  });

  it('filters, sorts and limits', async () => {
    const all = (await query(everything)).rows;
    const status = all[0]?.status;
    const channel = all[0]?.channel;
    const filtered = await query({ ...everything, filters: [{ field: 'status', operator: 'eq', value: status }, { field: 'channel', operator: 'eq', value: channel }] });
    expect(filtered.rows.length).toBeGreaterThan(0);
    expect(filtered.rows).toEqual(all.filter((r) => r.status === status && r.channel === channel));
    const among = await query({ ...everything, filters: [{ field: 'status', operator: 'in', value: ['EXECUTED', 'SCHEDULED'] }] });
    expect(among.rows).toEqual(all.filter((r) => r.status === 'EXECUTED' || r.status === 'SCHEDULED'));
    expect(among.rows.length).toBeGreaterThan(0);
    expect(among.rows.length).toBeLessThan(all.length);

    const byDate = (await query({ ...everything, sort: { field: 'created_at', order: 'asc' } })).rows.map((r) => String(r.created_at));
    expect(byDate).toEqual([...byDate].sort());
    const limited = await query({ ...everything, sort: [{ field: 'sent', order: 'desc' }], limit: 5 });
    expect(limited.rows).toHaveLength(5);
    // The limit cuts the rows, not the count of what matched.
    expect(limited.totalRows).toBe(all.length);
    expect(limited.rows.map((r) => r.sent)).toEqual([...all.map((r) => Number(r.sent))].sort((x, y) => y - x).slice(0, 5));

    const range = await query({ ...everything, timeRange: { start: '2025-11-01', end: '2025-11-30' } });
    expect(range.rows).toEqual(all.filter((r) => String(r.created_at) >= '2025-11-01' && String(r.created_at).slice(0, 10) <= '2025-11-30'));
    expect(range.rows.length).toBeGreaterThan(0);
    expect(range.rows.length).toBeLessThan(all.length);
  });

  it('aggregates: counts per status add up to every campaign', async () => {
    const total = (await query(everything)).rows.length;
    const perStatus = await query({ collection: 'campaigns', dimensions: [{ field: 'status' }], metrics: [{ field: 'campaign_id', operation: 'count', alias: 'n' }], sort: { field: 'n', order: 'desc' } });
    expect(perStatus.rows.reduce((sum, r) => sum + Number(r.n), 0)).toBe(total);
    expect(new Set(perStatus.rows.map((r) => r.status)).size).toBe(perStatus.rows.length);
    const counts = perStatus.rows.map((r) => Number(r.n));
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });

  it('dryRun=true estimates without returning rows', async () => {
    const dry = await query(everything, token, '?dryRun=true');
    expect(dry.rows).toEqual([]);
    expect(dry.totalRows).toBe(0);
    expect(dry.metadata.estimatedBytes).toEqual(expect.any(Number));
    expect(Number(dry.metadata.estimatedBytes)).toBeGreaterThan(0);
  });

  it('refuses unknown tables, fields and operators in the data-API error shape', async () => {
    const post = (body: unknown) => request(`${api.dataUrl}/analytics/query`, { token, body });
    expectDataFailure(await post({ collection: 'nope' }), 404, 'Unknown table: nope', 'NOT_FOUND');
    expectDataFailure(await post({ collection: 'campaigns', dimensions: [{ field: 'zzz' }] }), 400, 'Unknown field "zzz" in table campaigns', 'VALIDATION_FAILED');
    expectDataFailure(await post({ collection: 'campaigns', filters: [{ field: 'status', operator: 'resembles', value: 'x' }] }), 400, 'Unsupported filter operator "resembles"', 'VALIDATION_FAILED');
    expectDataFailure(await post({ collection: 'campaigns', limit: 5000 }), 400, /^limit: /, 'VALIDATION_FAILED');
    expectDataFailure(await request(`${api.dataUrl}/analytics/query`, { body: { collection: 'campaigns' } }), 401, 'Missing bearer token', 'AUTHENTICATION_FAILED');
  });
});

describe('paid media', () => {
  it('reports status per provider and tenant, `provider` upper case; unknown provider is 404', async () => {
    for (const provider of ['meta', 'google', 'tiktok']) {
      const response = await request(`${api.url}/api/ads/${provider}/status`, { token });
      expect(response.status).toBe(200);
      expect(Object.keys(response.body as object).sort()).toEqual(['accountId', 'accountName', 'connected', 'lastSyncAt', 'provider']);
      const status = PaidAdsStatusSchema.parse(response.body);
      expect(status.provider).toBe(provider.toUpperCase());
      expect(status.connected).toBe(status.accountId !== null);
      expect(status.lastSyncAt === null).toBe(!status.connected);
    }
    const unknown = await request(`${api.url}/api/ads/myspace/status`, { token });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).message).toMatch(/Unknown paid-media provider "myspace"/);
    expect((await request(`${api.url}/api/ads/meta/status`)).status).toBe(401);
  });
});
