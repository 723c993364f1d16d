import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CampaignPageSchema,
  CapabilitiesResponseSchema,
  CriteriaResponseSchema,
  DataErrorEnvelopeSchema,
  normalizeTokenResponse,
  PaidAdsStatusSchema,
  PreviewResponseSchema,
  ValueTypeSchema,
} from '../../../src-shared/api';
import type { SegmentDefinition } from '../../../src-shared/api';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { request, signIn, switchTenant } from './demo-http';

let api: DemoApi;
let token: string;
let madridToken: string;
beforeAll(async () => {
  api = await startDemoApi();
  token = (await signIn(api, 'owner')).accessToken;
  madridToken = normalizeTokenResponse((await switchTenant(api, token, 'tn-acme-madrid')).body).accessToken;
});
afterAll(async () => {
  await api.close();
});

const preview = async (definition: SegmentDefinition, as = token) => {
  const response = await request(`${api.dataUrl}/segments/preview`, { token: as, body: { definition } });
  expect(response.status).toBe(200);
  return PreviewResponseSchema.parse(response.body).data;
};
const madrid = { criterion_id: 'city', operator: 'is', value: ['madrid'] };
const young = { criterion_id: 'age', operator: 'lt', value: 25 };
const optIn = { criterion_id: 'newsletter_opt_in', operator: 'is_true' };

describe('data API', () => {
  it('serves a criteria catalogue of 8-12 criteria across every value type, ENTITY ones with options', async () => {
    const response = await request(`${api.dataUrl}/segmentation/criteria`, { token });
    const { data, success } = CriteriaResponseSchema.parse(response.body);
    expect(success).toBe(true);
    expect(data.criteria.length).toBeGreaterThanOrEqual(8);
    expect(data.criteria.length).toBeLessThanOrEqual(12);
    expect(new Set(data.criteria.map((c) => c.valueType))).toEqual(new Set(ValueTypeSchema.options));
    for (const criterion of data.criteria.filter((c) => c.valueType === 'ENTITY')) expect(criterion.options?.length).toBeGreaterThan(0);
  });

  it('scopes the catalogue to the token tenant (venues differ)', async () => {
    const venues = async (as: string) => CriteriaResponseSchema.parse((await request(`${api.dataUrl}/segmentation/criteria`, { token: as })).body).data.criteria.find((c) => c.id === 'venue')?.options?.map((o) => o.value);
    const acme = await venues(token);
    const acmeMadrid = await venues(madridToken);
    expect(acme).toBeDefined();
    expect(acme).not.toEqual(acmeMadrid);
    expect(acmeMadrid?.every((v) => v.startsWith('acme-madrid-'))).toBe(true);
  });

  it('previews deterministically: OR within a stanza widens, AND across stanzas narrows', async () => {
    const everyone = await preview({ stanzas: [] });
    const a = await preview({ stanzas: [{ criteria: [madrid] }] });
    const b = await preview({ stanzas: [{ criteria: [young] }] });
    const either = await preview({ stanzas: [{ criteria: [madrid, young] }] });
    const both = await preview({ stanzas: [{ criteria: [madrid] }, { criteria: [young] }] });
    expect(everyone.estimated_fan_count).toBeGreaterThan(1000);
    expect(a.estimated_fan_count).toBeGreaterThan(0);
    expect(either.estimated_fan_count).toBeGreaterThanOrEqual(Math.max(a.estimated_fan_count, b.estimated_fan_count));
    expect(either.estimated_fan_count).toBeLessThanOrEqual(a.estimated_fan_count + b.estimated_fan_count);
    expect(both.estimated_fan_count).toBeLessThanOrEqual(Math.min(a.estimated_fan_count, b.estimated_fan_count));
    expect(either.estimated_fan_count + both.estimated_fan_count).toBe(a.estimated_fan_count + b.estimated_fan_count);
    expect(a.sample_fans).toHaveLength(5);
    expect(await preview({ stanzas: [{ criteria: [madrid] }] })).toEqual(a);
    const three = await preview({ stanzas: [{ criteria: [madrid] }, { criteria: [young] }, { criteria: [optIn] }] });
    expect(three.estimated_fan_count).toBeLessThanOrEqual(both.estimated_fan_count);
    expect((await preview({ stanzas: [] }, madridToken)).estimated_fan_count).not.toBe(everyone.estimated_fan_count);
  });

  it('answers an invalid definition with 400 in the error envelope, naming the path', async () => {
    const response = await request(`${api.dataUrl}/segments/preview`, { token, body: { definition: { stanzas: [{ criteria: [madrid, { criterion_id: 'age', operator: 'is', value: 3 }] }] } } });
    expect(response.status).toBe(400);
    const envelope = DataErrorEnvelopeSchema.parse(response.body);
    expect(envelope.error.param).toBe('definition.stanzas[0].criteria[1].operator');
    const missing = await request(`${api.dataUrl}/segments/preview`, { token, body: {} });
    expect(missing.status).toBe(400);
    expect(DataErrorEnvelopeSchema.parse(missing.body).error.param).toBe('definition');
  });

  it('serves the capabilities of the token tenant', async () => {
    const response = await request(`${api.dataUrl}/analytics/capabilities`, { token: madridToken });
    const { data } = CapabilitiesResponseSchema.parse(response.body);
    expect(data.tenantId).toBe('tn-acme-madrid');
    expect(data.features?.segments).toBe(true);
  });

  it('answers 401 and unknown routes in the error envelope', async () => {
    for (const [path, status] of [['/segmentation/criteria', 401], ['/analytics/capabilities', 401], ['/nope', 404]] as const) {
      const response = await request(`${api.dataUrl}${path}`, { token: path === '/nope' ? token : undefined });
      expect(response.status).toBe(status);
      DataErrorEnvelopeSchema.parse(response.body);
    }
  });
});

describe('campaigns and paid media', () => {
  it('pages the tenant’s 10-30 campaigns and filters by status and channel', async () => {
    const all = CampaignPageSchema.parse((await request(`${api.url}/campaigns?size=100`, { token })).body);
    expect(all.totalElements).toBeGreaterThanOrEqual(10);
    expect(all.totalElements).toBeLessThanOrEqual(30);
    expect(all.content.every((c) => c.tenantId === 'tn-acme')).toBe(true);
    const second = CampaignPageSchema.parse((await request(`${api.url}/campaigns?page=1&size=5`, { token })).body);
    expect(second.content.map((c) => c.id)).toEqual(all.content.slice(5, 10).map((c) => c.id));
    expect(second).toMatchObject({ page: 1, size: 5, totalElements: all.totalElements, totalPages: Math.ceil(all.totalElements / 5) });
    const status = all.content[0]?.status ?? 'SENT';
    const channel = all.content[0]?.channel ?? 'EMAIL';
    const filtered = CampaignPageSchema.parse((await request(`${api.url}/campaigns?size=100&status=${status}&channel=${channel}`, { token })).body);
    expect(filtered.content.length).toBeGreaterThan(0);
    expect(filtered.content).toEqual(all.content.filter((c) => c.status === status && c.channel === channel));
  });

  it('rejects bad campaign queries with 400', async () => {
    for (const query of ['status=LOST', 'channel=FAX', 'size=501', 'page=-1']) {
      expect((await request(`${api.url}/campaigns?${query}`, { token })).status, query).toBe(400);
    }
  });

  it('reports paid-ads status per provider and tenant; unknown provider is 404', async () => {
    for (const provider of ['meta', 'google', 'tiktok']) {
      const status = PaidAdsStatusSchema.parse((await request(`${api.url}/api/ads/${provider}/status`, { token })).body);
      expect(status.provider).toBe(provider);
      expect(status.connected).toBe(status.accountId !== null);
    }
    expect((await request(`${api.url}/api/ads/myspace/status`, { token })).status).toBe(404);
    expect((await request(`${api.url}/api/ads/meta/status`)).status).toBe(401);
  });
});
