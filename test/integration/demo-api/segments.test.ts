import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normalizeSegmentAnswer, normalizeSegmentList, segmentRevision } from '../../../src-shared/api';
import type { Segment, SegmentDefinition } from '../../../src-shared/api';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { errorOf, expectCleanError, request, signIn, switchedPair } from './demo-http';
import type { JsonResponse } from './demo-http';

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

const definition: SegmentDefinition = {
  stanzas: [
    { id: 's1', criteria: [{ id: 'c1', criterion_id: 'city', operator: 'is', value: ['madrid'] }, { id: 'c2', criterion_id: 'age', operator: 'lt', value: 30 }] },
    { id: 's2', criteria: [{ id: 'c3', criterion_id: 'newsletter_opt_in', operator: 'is_true' }] },
  ],
};
const segments = (query = '', as = token) => request(`${api.url}/segments${query}`, { token: as });
const getOne = (id: string, as = token, query = '') => request(`${api.url}/segments/${id}${query}`, { token: as });
const create = (body: unknown, as = token, query = '') => request(`${api.url}/segments${query}`, { token: as, body });
const update = (id: string, body: unknown, as = token, query = '') => request(`${api.url}/segments/${id}${query}`, { method: 'PUT', token: as, body });

/** A Spring page as the demo sends it by default. */
interface SpringPage {
  content: Record<string, unknown>[];
  totalElements: number;
  totalPages: number;
  number: number;
  size: number;
}

function page(response: JsonResponse): SpringPage {
  expect(response.status).toBe(200);
  expect(Object.keys(response.body as object).sort()).toEqual(['content', 'number', 'size', 'totalElements', 'totalPages']);
  return response.body as SpringPage;
}

function listed(response: JsonResponse): Segment[] {
  expect(response.status).toBe(200);
  return normalizeSegmentList(response.body).segments;
}

async function created(body: Record<string, unknown>): Promise<Segment> {
  const response = await create(body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return normalizeSegmentAnswer(response.body);
}

async function read(id: string): Promise<Segment> {
  const response = await getOne(id);
  expect(response.status).toBe(200);
  return normalizeSegmentAnswer(response.body);
}

/** A segment's `modifiedAt`; fails the test when the API sent none. */
function stamp(segment: Segment): string {
  expect(typeof segment.modifiedAt).toBe('string');
  return segment.modifiedAt ?? '';
}

/** A plain-text answer, as some real endpoints send. */
function expectText(response: JsonResponse, status: number, text: string): void {
  expect(response.status).toBe(status);
  expect(response.contentType).toMatch(/^text\/plain/);
  expect(response.body).toBe(text);
}

describe('segment list', () => {
  it('answers a plain array of every segment of the token tenant, whatever page, size or search it is sent (as the real API)', async () => {
    const response = await segments();
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body)).toBe(true);
    const list = listed(response);
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list.length).toBeLessThanOrEqual(6);
    expect(list.every((s) => s.tenantId === 'tn-acme' && /^[0-9a-f]{24}$/.test(s.id))).toBe(true);
    // Most recently modified first.
    const modified = list.map((s) => s.modifiedAt ?? '');
    expect(modified).toEqual([...modified].sort().reverse());
    // Upstream sends no paging and no search: the real API ignores them, and so does the demo.
    for (const query of ['?page=1&size=2', '?page=7&size=1', '?search=zzz-no-such-segment', '?size=0']) {
      expect(listed(await segments(query)).map((s) => s.id), query).toEqual(list.map((s) => s.id));
    }
  });

  it('keys every other record `_id`, sends no definitions in lists, and no `version` anywhere', async () => {
    const raw = (await segments()).body as Record<string, unknown>[];
    raw.forEach((record, i) => {
      expect(Object.hasOwn(record, i % 2 === 1 ? '_id' : 'id'), `record ${i}`).toBe(true);
      expect(Object.hasOwn(record, i % 2 === 1 ? 'id' : '_id'), `record ${i}`).toBe(false);
      expect(record).not.toHaveProperty('definition');
      expect(record).not.toHaveProperty('version');
      expect(record).toMatchObject({ name: expect.any(String), status: 'ACTIVE', createdAt: expect.any(String), modifiedAt: expect.any(String), isLegacy: false });
    });
    const list = normalizeSegmentList(raw).segments;
    expect(list.map((s) => s.id)).toEqual(raw.map((r) => r.id ?? r._id));
    expect(list.every((s) => s.definition === null)).toBe(true);
  });

  describe('with paging honored (listPaging: honored, a Spring page)', () => {
    let paged: DemoApi;
    let pagedToken: string;
    const pagedSegments = (query = '') => request(`${paged.url}/segments${query}`, { token: pagedToken });
    beforeAll(async () => {
      paged = await startDemoApi({ segmentListShape: 'content', listPaging: 'honored' });
      pagedToken = (await signIn(paged, 'owner')).accessToken;
    });
    afterAll(async () => {
      await paged.close();
    });

    it('answers a Spring page of minimal records', async () => {
      const raw = page(await pagedSegments());
      const { segments: list, page: info } = normalizeSegmentList(raw);
      expect(list.length).toBeGreaterThanOrEqual(3);
      expect(raw).toMatchObject({ totalElements: list.length, totalPages: 1, number: 0, size: 20 });
      expect(info).toEqual({ total: list.length, totalPages: 1, number: 0 });
    });

    it('searches by name and pages', async () => {
      const all = listed(await pagedSegments());
      const first = all[0];
      expect(first).toBeDefined();
      const found = listed(await pagedSegments(`?search=${encodeURIComponent(first?.name.toUpperCase() ?? '')}`));
      expect(found.map((s) => s.id)).toContain(first?.id);
      expect(listed(await pagedSegments('?search=zzz-no-such-segment'))).toEqual([]);
      const second = page(await pagedSegments('?page=1&size=2'));
      expect(normalizeSegmentList(second).segments.map((s) => s.id)).toEqual(all.slice(2, 4).map((s) => s.id));
      expect(second).toMatchObject({ number: 1, size: 2, totalElements: all.length, totalPages: Math.ceil(all.length / 2) });
    });

    it('rejects a bad page size with a NestJS 400 naming the parameter', async () => {
      const response = await pagedSegments('?size=0');
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: [expect.stringMatching(/^size: /)] });
    });
  });

  it('answers in the configured list shape, every segment whatever the page', async () => {
    for (const shape of ['segments', 'content'] as const) {
      const other = await startDemoApi({ segmentListShape: shape });
      try {
        const body = (await request(`${other.url}/segments?page=3&size=1`, { token: (await signIn(other, 'owner')).accessToken })).body;
        expect(Array.isArray((body as Record<string, unknown>)[shape === 'segments' ? 'segments' : 'content']), shape).toBe(true);
        const { segments: list, page: info } = normalizeSegmentList(body);
        expect(list.length).toBeGreaterThanOrEqual(3);
        expect(list.every((s) => /^[0-9a-f]{24}$/.test(s.id))).toBe(true);
        expect(info.total).toBe(list.length);
        if (shape === 'content') expect(info).toMatchObject({ totalPages: 1, number: 0 });
      } finally {
        await other.close();
      }
    }
  });
});

describe('segment create and get', () => {
  it('creates (201 {segment}) as a DRAFT when no status is sent, gets a bare record with an estimate, and keeps it inside the tenant', async () => {
    const response = await create({ name: 'Young locals', description: 'test', definition });
    expect(response.status).toBe(201);
    expect(Object.keys(response.body as object)).toEqual(['segment']);
    const segment = normalizeSegmentAnswer(response.body);
    expect(segment).toMatchObject({ name: 'Young locals', description: 'test', status: 'DRAFT', tenantId: 'tn-acme', definition, isLegacy: false });
    expect(segment).not.toHaveProperty('version');
    expect(segment.createdAt).toBe(segment.modifiedAt);

    const got = await getOne(segment.id);
    expect(got.status).toBe(200);
    // A bare record (no wrapper), keyed `id`, with its current estimate.
    expect(got.body).toMatchObject({ id: segment.id, name: 'Young locals', definition, estimatedCount: expect.any(Number) });
    expect(normalizeSegmentAnswer(got.body).estimatedCount).toBeGreaterThan(0);
    expect(listed(await segments()).map((s) => s.id)).toContain(segment.id);

    const madrid = (await switchedPair(api, token, 'tn-acme-madrid')).accessToken;
    expectText(await getOne(segment.id, madrid), 404, 'Not found');
    const madridList = listed(await segments('', madrid));
    expect(madridList.every((s) => s.tenantId === 'tn-acme-madrid')).toBe(true);
    expect(madridList.map((s) => s.id)).not.toContain(segment.id);
  });

  it('lands as ACTIVE, with the author, when the client sends them (as upstream does)', async () => {
    const segment = await created({ name: 'Active one', definition, status: 'ACTIVE', createdBy: 'nevent-companion' });
    expect(segment).toMatchObject({ status: 'ACTIVE', createdBy: 'nevent-companion' });
    expect(await read(segment.id)).toMatchObject({ status: 'ACTIVE', createdBy: 'nevent-companion' });
  });

  it('keeps what the definition carries beyond the basics (filters, timeframe, modifiers, unknown keys)', async () => {
    const rich: SegmentDefinition = {
      stanzas: [
        {
          id: 'st-1',
          label: 'kept',
          criteria: [
            { id: 'cr-1', type: 'behavior', criterion_id: 'total_spent', operator: 'gte', value: 100, timeframe: { type: 'relative', unit: 'days', value_start: 30, value_end: 0 }, modifiers: { frequency: { count: 2, operator: 'gte' } } },
            { id: 'cr-2', type: 'profile_property', criterion_id: 'city', operator: 'is', value: ['lyon'], filters: { property_name: 'home_city' }, extra: { nested: [1, 2] } },
          ],
        },
      ],
    };
    const segment = await created({ name: 'Rich', definition: rich });
    expect((await read(segment.id)).definition).toEqual(rich);
    const renamed = normalizeSegmentAnswer((await update(segment.id, { name: 'Rich, renamed' })).body);
    expect(renamed.definition).toEqual(rich);
  });

  it('answers an unknown or malformed id with a plain-text 404, as the real API does', async () => {
    expectText(await getOne('0123456789abcdef01234567'), 404, 'Not found');
    expectText(await getOne('not.an-id'), 404, 'Not found');
    expectText(await update('0123456789abcdef01234567', { name: 'x' }), 404, 'Not found');
    expect(errorOf(await getOne('0123456789abcdef01234567')).message).toBe('Not found');
  });
});

describe('segment update: last write wins, modifiedAt moves', () => {
  it('takes every write (no version check), moves modifiedAt each time and changes only the fields given', async () => {
    const segment = await created({ name: 'Concurrency', definition });
    const start = await read(segment.id);

    // Two editors start from the same read; both writes land.
    const first = await update(segment.id, { name: 'Renamed' });
    expect(first.status).toBe(200);
    const afterFirst = normalizeSegmentAnswer(first.body);
    expect(afterFirst).toMatchObject({ name: 'Renamed', definition });
    expect(afterFirst).not.toHaveProperty('description');
    expect(stamp(afterFirst) > stamp(start)).toBe(true);

    // A stale `version` and a client-chosen past `modifiedAt` are no reason to refuse: there is no concurrency check.
    const second = await update(segment.id, { description: 'second editor', version: 1, modifiedAt: '2000-01-01T00:00:00.000Z', modifiedBy: 'someone-else' });
    expect(second.status).toBe(200);
    const afterSecond = normalizeSegmentAnswer(second.body);
    expect(afterSecond).toMatchObject({ name: 'Renamed', description: 'second editor', definition, modifiedBy: 'someone-else' });
    expect(stamp(afterSecond) > stamp(afterFirst)).toBe(true);
    expect(afterSecond).not.toHaveProperty('version');

    // What a client re-reads before writing tells it the segment changed under it.
    const now = await read(segment.id);
    expect(now).toMatchObject({ name: 'Renamed', description: 'second editor', modifiedAt: afterSecond.modifiedAt });
    expect(segmentRevision(now)).not.toBe(segmentRevision(start));
    expect(segmentRevision(now)).not.toBe(segmentRevision(afterFirst));
    // A re-read with no write in between is the same revision.
    expect(segmentRevision(await read(segment.id))).toBe(segmentRevision(now));
    // Lists keep the record minimal: no author of the change, no definition.
    const inList = ((await segments()).body as Record<string, unknown>[]).find((r) => (r.id ?? r._id) === segment.id);
    expect(inList).toMatchObject({ name: 'Renamed', modifiedAt: afterSecond.modifiedAt });
    expect(inList).not.toHaveProperty('modifiedBy');
  });

  it('moves modifiedAt forward on every write, however quickly they follow each other', async () => {
    const segment = await created({ name: 'Fast', definition });
    const stamps = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) stamps.push(stamp(normalizeSegmentAnswer((await update(segment.id, { name })).body)));
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(stamps).toEqual([...stamps].sort());
  });
});

describe('definition validation', () => {
  it('refuses bad definitions with the offending path in the message', async () => {
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
    const before = listed(await segments()).length;
    for (const [body, param, message] of cases) {
      const response = await create(body);
      const error = expectCleanError(response, 400);
      expect(error.message, param).toContain(`${param}: `);
      expect(error.message, param).toMatch(message);
    }
    expect(listed(await segments())).toHaveLength(before);
  });

  it('sends catalogue refusals as {message} and schema refusals NestJS style', async () => {
    const catalogue = await create({ name: 'Bad', definition: { stanzas: [{ criteria: [{ criterion_id: 'shoe_size', operator: 'eq', value: 42 }] }] } });
    expect(catalogue.body).toEqual({ message: 'Invalid segment definition: definition.stanzas[0].criteria[0].criterion_id: unknown criterion "shoe_size"' });
    const schema = await create({ name: 'Bad', definition: { stanzas: 'all' } });
    expect(schema.body).toEqual({ statusCode: 400, message: [expect.stringMatching(/^definition\.stanzas: /)], error: 'Bad Request' });
  });

  it('a refused update changes nothing', async () => {
    const segment = await read((await created({ name: 'Valid', definition })).id);
    const badUpdate = await update(segment.id, { definition: { stanzas: [{ criteria: [{ criterion_id: 'last_purchase_at', operator: 'between', value: ['2025-02-01', '2025-01-01'] }] }] } });
    expect(expectCleanError(badUpdate, 400).message).toContain('definition.stanzas[0].criteria[0].value: ');
    expect(await read(segment.id)).toEqual(segment);
  });

  it('takes definitions without stanza or criterion ids (only the data API insists on them)', async () => {
    const plain: SegmentDefinition = { stanzas: [{ criteria: [{ criterion_id: 'has_app', operator: 'is_true' }] }] };
    expect((await created({ name: 'No ids', definition: plain })).definition).toEqual(plain);
  });

  it('takes an empty definition (every fan)', async () => {
    const segment = await created({ name: 'Everyone again', definition: { stanzas: [] } });
    expect((await read(segment.id)).estimatedCount).toBeGreaterThan(1000);
  });
});

describe('tenant_id must name the token’s tenant', () => {
  it('serves every segment route when `?tenant_id=` is the token’s tenant', async () => {
    const segment = await created({ name: 'Scoped', definition });
    expect(listed(await segments('?tenant_id=tn-acme')).map((s) => s.id)).toContain(segment.id);
    expect((await getOne(segment.id, token, '?tenant_id=tn-acme')).status).toBe(200);
    expect((await update(segment.id, { name: 'Scoped 2' }, token, '?tenant_id=tn-acme')).status).toBe(200);
    expect((await create({ name: 'Scoped 3', definition, tenantId: 'tn-acme' }, token, '?tenant_id=tn-acme')).status).toBe(201);
  });

  it('answers 403 plain-text "Forbidden" when it names another tenant, even one the user may switch to, and writes nothing', async () => {
    const segment = await read((await created({ name: 'Guarded', definition })).id);
    const before = listed(await segments()).length;
    for (const other of ['tn-acme-madrid', 'tn-globex']) {
      const q = `?tenant_id=${other}`;
      expectText(await segments(q), 403, 'Forbidden');
      expectText(await getOne(segment.id, token, q), 403, 'Forbidden');
      expectText(await update(segment.id, { name: 'Moved?' }, token, q), 403, 'Forbidden');
      expectText(await create({ name: 'Elsewhere', definition }, token, q), 403, 'Forbidden');
      // A body `tenantId`, as upstream sends on create, is held to the same rule.
      expectText(await create({ name: 'Elsewhere', definition, tenantId: other }), 403, 'Forbidden');
    }
    expect(await read(segment.id)).toEqual(segment);
    expect(listed(await segments())).toHaveLength(before);
    expect(errorOf(await segments('?tenant_id=tn-acme-madrid')).message).toBe('Forbidden');
  });
});

describe('authentication', () => {
  it('requires a bearer on every segment route', async () => {
    for (const [method, path] of [['GET', '/segments'], ['GET', '/segments/0123456789abcdef01234567'], ['POST', '/segments'], ['PUT', '/segments/0123456789abcdef01234567']]) {
      const response = await request(`${api.url}${path}`, { method, body: method === 'GET' ? undefined : { name: 'x', definition } });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, message: 'Missing bearer token', error: 'Unauthorized' });
    }
  });
});
