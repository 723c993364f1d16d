import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiErrorBodySchema, normalizeSegmentList, normalizeTokenResponse, SegmentSchema, springPageSchema } from '../../../src-shared/api';
import type { SegmentDefinition } from '../../../src-shared/api';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { request, signIn, switchTenant } from './demo-http';

let api: DemoApi;
let token: string;
beforeAll(async () => {
  api = await startDemoApi();
  token = (await signIn(api, 'owner')).accessToken;
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.faults.reset());

const SegmentPageSchema = springPageSchema(SegmentSchema);
const definition: SegmentDefinition = {
  stanzas: [
    { criteria: [{ criterion_id: 'city', operator: 'is', value: ['madrid'] }, { criterion_id: 'age', operator: 'lt', value: 30 }] },
    { criteria: [{ criterion_id: 'newsletter_opt_in', operator: 'is_true' }] },
  ],
};
const segments = (query = '', as = token) => request(`${api.url}/segments${query}`, { token: as });
const create = (body: unknown, as = token) => request(`${api.url}/segments`, { token: as, body });
const update = (id: string, body: unknown, as = token) => request(`${api.url}/segments/${id}`, { method: 'PUT', token: as, body });

describe('segment list', () => {
  it('answers a Spring page of the token tenant’s 3-6 segments with 24-hex ids', async () => {
    const response = await segments();
    expect(response.status).toBe(200);
    const page = SegmentPageSchema.parse(response.body);
    expect(page.content.length).toBeGreaterThanOrEqual(3);
    expect(page.content.length).toBeLessThanOrEqual(6);
    expect(page.totalElements).toBe(page.content.length);
    expect(page.content.every((s) => s.tenantId === 'tn-acme' && /^[0-9a-f]{24}$/.test(s.id))).toBe(true);
  });

  it('searches by name and pages', async () => {
    const all = SegmentPageSchema.parse((await segments()).body);
    const first = all.content[0];
    expect(first).toBeDefined();
    const found = SegmentPageSchema.parse((await segments(`?search=${encodeURIComponent(first?.name.toUpperCase() ?? '')}`)).body);
    expect(found.content.map((s) => s.id)).toContain(first?.id);
    const none = SegmentPageSchema.parse((await segments('?search=zzz-no-such-segment')).body);
    expect(none.content).toEqual([]);
    const paged = SegmentPageSchema.parse((await segments('?page=1&size=2')).body);
    expect(paged.content.map((s) => s.id)).toEqual(all.content.slice(2, 4).map((s) => s.id));
    expect(paged.totalPages).toBe(Math.ceil(all.totalElements / 2));
  });

  it('rejects a bad page size with 400 naming the parameter', async () => {
    const response = await segments('?size=0');
    expect(response.status).toBe(400);
    expect(ApiErrorBodySchema.parse(response.body).param).toBe('size');
  });

  it('answers in the configured list shape', async () => {
    for (const shape of ['array', 'segments'] as const) {
      const other = await startDemoApi({ segmentListShape: shape });
      try {
        const body = (await request(`${other.url}/segments`, { token: (await signIn(other, 'owner')).accessToken })).body;
        expect(shape === 'array' ? Array.isArray(body) : Array.isArray((body as { segments?: unknown }).segments)).toBe(true);
        expect(normalizeSegmentList(body).length).toBeGreaterThanOrEqual(3);
      } finally {
        await other.close();
      }
    }
  });
});

describe('segment create, get, update', () => {
  it('creates (201, version 1), gets with an estimate, and keeps it inside the tenant', async () => {
    const created = await create({ name: 'Young locals', description: 'test', definition });
    expect(created.status).toBe(201);
    const segment = SegmentSchema.parse(created.body);
    expect(segment).toMatchObject({ name: 'Young locals', version: 1, tenantId: 'tn-acme', definition });
    const got = await request(`${api.url}/segments/${segment.id}`, { token });
    expect(got.status).toBe(200);
    expect(SegmentSchema.parse(got.body).estimatedFanCount).toBeGreaterThan(0);
    expect(SegmentPageSchema.parse((await segments()).body).content.map((s) => s.id)).toContain(segment.id);

    const madrid = normalizeTokenResponse((await switchTenant(api, token, 'tn-acme-madrid')).body).accessToken;
    expect((await request(`${api.url}/segments/${segment.id}`, { token: madrid })).status).toBe(404);
    const madridList = SegmentPageSchema.parse((await segments('', madrid)).body);
    expect(madridList.content.every((s) => s.tenantId === 'tn-acme-madrid')).toBe(true);
    expect(madridList.content.map((s) => s.id)).not.toContain(segment.id);
  });

  it('404 for an unknown id, 400 for a malformed one', async () => {
    expect((await request(`${api.url}/segments/0123456789abcdef01234567`, { token })).status).toBe(404);
    const malformed = await request(`${api.url}/segments/not-an-id`, { token });
    expect(malformed.status).toBe(400);
    expect(ApiErrorBodySchema.parse(malformed.body).param).toBe('id');
  });

  it('updates with optimistic concurrency: the right version wins, a stale one is 409 naming both versions', async () => {
    const segment = SegmentSchema.parse((await create({ name: 'Concurrency', definition })).body);
    const first = await update(segment.id, { name: 'Renamed', version: 1 });
    expect(first.status).toBe(200);
    expect(SegmentSchema.parse(first.body)).toMatchObject({ name: 'Renamed', version: 2, definition });

    const stale = await update(segment.id, { name: 'Lost update', version: 1 });
    expect(stale.status).toBe(409);
    const error = ApiErrorBodySchema.parse(stale.body);
    expect(error).toMatchObject({ code: 'conflict', param: 'version' });
    expect(error.message).toMatch(/version 1/);
    expect(error.message).toMatch(/version is 2/);
    const after = SegmentSchema.parse((await request(`${api.url}/segments/${segment.id}`, { token })).body);
    expect(after).toMatchObject({ name: 'Renamed', version: 2 });

    const noVersion = await update(segment.id, { description: 'no version given' });
    expect(SegmentSchema.parse(noVersion.body)).toMatchObject({ version: 3, description: 'no version given', name: 'Renamed' });
    expect((await update('0123456789abcdef01234567', { name: 'x' })).status).toBe(404);
  });

  it('validates definitions and names the offending path', async () => {
    const bad = (criteria: unknown[]) => ({ name: 'Bad', definition: { stanzas: [{ criteria: [{ criterion_id: 'has_app', operator: 'is_true' }, ...criteria] }] } });
    const cases: [unknown, string, RegExp][] = [
      [bad([{ criterion_id: 'city', operator: 'gt', value: 'madrid' }]), 'definition.stanzas[0].criteria[1].operator', /not allowed for ENTITY/],
      [bad([{ criterion_id: 'shoe_size', operator: 'eq', value: 42 }]), 'definition.stanzas[0].criteria[1].criterion_id', /unknown criterion/],
      [bad([{ criterion_id: 'age', operator: 'gt' }]), 'definition.stanzas[0].criteria[1].value', /needs a value/],
      [bad([{ criterion_id: 'age', operator: 'gt', value: 'thirty' }]), 'definition.stanzas[0].criteria[1].value', /number/],
      [bad([{ criterion_id: 'has_app', operator: 'is_false', value: true }]), 'definition.stanzas[0].criteria[1].value', /takes no value/],
      [bad([{ criterion_id: 'city', operator: 'is', value: 'atlantis' }]), 'definition.stanzas[0].criteria[1].value', /not one of the choices/],
      [{ name: 'Bad', definition: { stanzas: [{ criteria: [] }] } }, 'definition.stanzas[0].criteria', /at least one criterion/],
      [{ name: '', definition }, 'name', /name is required/],
      [{ name: 'No definition' }, 'definition', /.+/],
    ];
    for (const [body, param, message] of cases) {
      const response = await create(body);
      expect(response.status, param).toBe(400);
      const error = ApiErrorBodySchema.parse(response.body);
      expect(error.param).toBe(param);
      expect(error.message).toMatch(message);
    }
    const segment = SegmentSchema.parse((await create({ name: 'Valid', definition })).body);
    const badUpdate = await update(segment.id, { definition: { stanzas: [{ criteria: [{ criterion_id: 'last_purchase_at', operator: 'between', value: ['2025-02-01', '2025-01-01'] }] }] } });
    expect(badUpdate.status).toBe(400);
    expect(ApiErrorBodySchema.parse(badUpdate.body).param).toBe('definition.stanzas[0].criteria[0].value');
    expect(SegmentSchema.parse((await request(`${api.url}/segments/${segment.id}`, { token })).body).version).toBe(1);
  });

  it('requires a bearer on every segment route', async () => {
    for (const [method, path] of [['GET', '/segments'], ['GET', '/segments/0123456789abcdef01234567'], ['POST', '/segments'], ['PUT', '/segments/0123456789abcdef01234567']]) {
      const response = await request(`${api.url}${path}`, { method, body: method === 'GET' ? undefined : { name: 'x', definition } });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(z.object({ statusCode: z.literal(401) }).safeParse(response.body).success).toBe(true);
    }
  });
});
