/**
 * The boundary normalizers against the corpus of real-shaped Nevent API payloads
 * (test/fixtures/nevent-api, README there): every answer the client must accept is read by the function
 * the client reads it with, and keeps what the code needs; every error body yields the API's own words.
 *
 *   fixture file ──> endpoint in `readers`?  ──yes──> 2xx: (data API: failure envelope? unwrap) ──> reader ──> checks
 *                        │ no                          non-2xx, 200 success:false ──> readApiErrorBody
 *                        └─> in `pending`? (no: the test fails: a new fixture is never silently ignored)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  AccessTokenClaimsSchema,
  ApiShapeError,
  CampaignMetricsSchema,
  CampaignQuoteSchema,
  normalizeCampaignRecord,
  normalizeCampaignReport,
  normalizeDimensionValues,
  normalizeFilterValues,
  normalizeMediaResources,
  normalizeRecipientsPage,
  normalizeSegmentExecution,
  normalizeUploadAnswer,
  CapabilitiesSchema,
  capabilityTables,
  isFailureEnvelope,
  MeSchema,
  normalizeAccessibleTenants,
  normalizeAnalyticsResult,
  normalizeCriteria,
  normalizePlatformTenants,
  normalizeSegmentAnswer,
  normalizeSegmentList,
  normalizeTableSchema,
  normalizeTokenResponse,
  normalizeBulkUserLinks,
  normalizeClicks,
  normalizeDestinationPage,
  normalizePaidEntities,
  normalizePaidObject,
  normalizePaidRows,
  normalizeShortUrl,
  normalizeShortUrlMetrics,
  normalizeShortUrlPage,
  normalizeTemplateAnswer,
  normalizeTemplatePreview,
  normalizeTestSendResult,
  normalizeUserLinks,
  PaidAdsStatusSchema,
  PreviewSchema,
  readApiErrorBody,
  SegmentDefinitionInputSchema,
  SegmentIdSchema,
  TenantIdSchema,
  unwrapDataEnvelope,
  withDefinitionIds,
  type Segment,
  type SegmentDefinition,
  type Tenant,
} from '../../../src-shared/api';
import { loadNeventCorpus, neventFixtureDir, neventFixtureFileNames, type FixtureCase, type FixtureFile } from '../../helpers/nevent-fixtures';

const corpus = await loadNeventCorpus();

type Json = Record<string, unknown>;

/** What a check knows about the case it checks. */
interface CaseContext {
  file: FixtureFile;
  /** The body as the boundary function got it (after the data API's envelope was unwrapped). */
  body: unknown;
}

/** How the client reads one endpoint's success bodies, and what must hold of the result. */
interface Reader {
  /** The boundary function(s), called as the client calls them. */
  read(body: unknown): unknown;
  check(value: unknown, ctx: CaseContext): void;
  /** 2xx cases that lack what the code needs: case name → the field the rejection must name. */
  rejects?: Record<string, string>;
}

function reader<T>(read: (body: unknown) => T, check: (value: T, ctx: CaseContext) => void, rejects?: Record<string, string>): Reader {
  return { read, check: (value, ctx) => check(value as T, ctx), ...(rejects === undefined ? {} : { rejects }) };
}

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function record(value: unknown): Json {
  if (!isRecord(value)) throw new Error(`expected an object in the fixture, got ${JSON.stringify(value)}`);
  return value;
}

function records(value: unknown): Json[] {
  if (!Array.isArray(value)) throw new Error(`expected an array in the fixture, got ${JSON.stringify(value)}`);
  return value.map(record);
}

/** JSON as it would go over the wire (undefined dropped), for comparing what we would send back. */
function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

// ---------------------------------------------------------------------------------------------------
// Tokens: login, refresh and switch answer the same shapes.

function checkTokenPair(pair: ReturnType<typeof normalizeTokenResponse>, ctx: CaseContext): void {
  const body = record(ctx.body);
  const sentAccess = body.access_token ?? body.accessToken;
  const sentRefresh = body.refresh_token ?? body.refreshToken;
  expect(pair.accessToken).toBe(sentAccess);
  if (sentRefresh === undefined) expect(pair).not.toHaveProperty('refreshToken'); // "keep the old one"
  else expect(pair.refreshToken).toBe(sentRefresh);

  const placeholder = corpus.claimsOf.get(pair.accessToken);
  if (placeholder === undefined) throw new Error('the access token is not one the corpus loader made');
  expect(placeholder.type).not.toBe('refresh_token');
  const claims = AccessTokenClaimsSchema.parse(decodeJwt(pair.accessToken));
  expect(claims.tenantId).toBe(placeholder.tenantId ?? placeholder.activeTenantId);
  expect(claims.tenantId).toEqual(expect.any(String));
  expect(claims.role).toBe(placeholder.role);
  expect(claims.subject).toBe(placeholder.sub ?? placeholder.email);
  expect(claims.exp).toBe(placeholder.exp);
  // A switch answers with a token scoped to the tenant asked for (the client checks exactly this).
  if (ctx.file.endpoint === 'POST /users/tenant') expect(claims.tenantId).toBe(record(ctx.file.request?.body).tenantId);
}

const tokenReader = (rejects?: Record<string, string>): Reader => reader(normalizeTokenResponse, checkTokenPair, rejects);

// ---------------------------------------------------------------------------------------------------
// Tenants.

/** Every tenant id once, each a valid switch target, named, with tree fields consistent. */
function checkTenantList(tenants: Tenant[], expected: Json[], ctx: CaseContext): void {
  const ids = tenants.map((t) => t.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual([...new Set(expected.map((r) => String(r.id ?? r._id)))].sort());
  const byId = new Map(tenants.map((t) => [t.id, t]));
  for (const tenant of tenants) {
    expect(TenantIdSchema.safeParse(tenant.id).success, `tenant id ${tenant.id} can be switched to`).toBe(true);
    const sources = expected.filter((r) => String(r.id ?? r._id) === tenant.id);
    const name = sources.map((r) => r.name).find((n) => typeof n === 'string');
    expect(tenant.name).toBe(name ?? tenant.id);
    const sentParent = sources.map((r) => r.parentId).find((p) => typeof p === 'string');
    if (sentParent !== undefined) expect(tenant.parentId).toBe(sentParent);
    const sentLevel = sources.map((r) => r.level).find((l) => typeof l === 'number');
    if (sentLevel !== undefined) expect(tenant.level).toBe(sentLevel);
    const domain = sources.map((r) => r.domain).find((d) => typeof d === 'string');
    expect(tenant.domain).toBe(domain);
    const parent = tenant.parentId === null ? undefined : byId.get(tenant.parentId);
    if (parent !== undefined) expect(tenant.level, `${tenant.id} sits one level below ${parent.id}`).toBe((parent.level ?? Number.NaN) + 1);
    else if (sentLevel === undefined) expect(tenant.level, `${tenant.id} is a top of the list`).toBe(0);
  }
  const total = isRecord(ctx.body) ? ctx.body.totalTenants : undefined;
  if (typeof total === 'number') expect(tenants).toHaveLength(total);
}

/** The records of an accessible-tenants answer, with the parent each tree position implies. */
function accessibleRecords(body: unknown): { all: Json[]; treeParents: Map<string, string> } {
  if (Array.isArray(body)) return { all: records(body), treeParents: new Map() };
  const answer = record(body);
  const all: Json[] = [];
  const treeParents = new Map<string, string>();
  const walk = (nodes: unknown, parentId: string | null): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of records(nodes)) {
      all.push(node);
      if (parentId !== null) treeParents.set(String(node.id), parentId);
      walk(node.children, String(node.id));
    }
  };
  const root = answer.root === undefined || answer.root === null ? null : record(answer.root);
  if (root !== null) {
    all.push(root);
    walk(root.children, String(root.id));
  }
  walk(answer.children, root === null ? null : String(root.id));
  if (Array.isArray(answer.flatList)) all.push(...records(answer.flatList));
  return { all, treeParents };
}

function checkAccessibleTenants(tenants: Tenant[], ctx: CaseContext): void {
  const { all, treeParents } = accessibleRecords(ctx.body);
  checkTenantList(tenants, all, ctx);
  // A record that lacks parentId gets it from where the tree puts it.
  for (const [id, parentId] of treeParents) expect(tenants.find((t) => t.id === id)?.parentId, `parent of ${id}`).toBe(parentId);
}

function platformRecords(body: unknown): Json[] {
  if (Array.isArray(body)) return records(body);
  const answer = record(body);
  if (Array.isArray(answer.tenants)) return records(answer.tenants);
  if (Array.isArray(answer.content)) return records(answer.content);
  return [answer]; // one tenant object instead of a list
}

function checkPlatformTenants(tenants: Tenant[], ctx: CaseContext): void {
  const expected = platformRecords(ctx.body);
  checkTenantList(tenants, expected, ctx);
  expect(tenants.map((t) => t.id)).toEqual(expected.map((r) => r.id)); // the API's order
}

// ---------------------------------------------------------------------------------------------------
// Segments.

/** Adds keys no version of our code knows at every level of a definition (a future API). */
function withFutureKeys(definition: Json): Json {
  const copy = structuredClone(definition);
  copy.x_future = { rule: 'kept' };
  for (const stanza of records(copy.stanzas)) {
    stanza.x_weight = 2;
    for (const criterion of records(stanza.criteria)) criterion.x_hint = ['a', { b: 1 }];
  }
  return copy;
}

/** Removes the ids `withDefinitionIds` generated (those that start with `gen-`). */
function withoutGeneratedIds(definition: unknown): unknown {
  return JSON.parse(JSON.stringify(definition), function (this: Json, key: string, value: unknown) {
    return key === 'id' && typeof value === 'string' && value.startsWith('gen-') ? undefined : value;
  }) as unknown;
}

/**
 * Read → write round trip of a definition as the client does it: read from the API, validated as
 * input, ids filled in, serialized. Everything the API sent must come back unchanged.
 */
function expectDefinitionRoundTrip(read: SegmentDefinition | null, sent: Json): void {
  expect(read).not.toBeNull();
  let n = 0;
  const written = withDefinitionIds(SegmentDefinitionInputSchema.parse(read), () => `gen-${(n += 1)}`);
  const out = wire(written) as { stanzas: { id: string; criteria: { id: string }[] }[] };
  expect(withoutGeneratedIds(out)).toStrictEqual(sent);
  // The data API refuses a DSL without ids: every stanza and criterion has one, the given ones kept.
  const sentStanzas = records(sent.stanzas);
  out.stanzas.forEach((stanza, s) => {
    expect(stanza.id).toEqual(sentStanzas[s]?.id ?? expect.stringMatching(/^gen-/));
    const sentCriteria = records(sentStanzas[s]?.criteria);
    stanza.criteria.forEach((criterion, c) => expect(criterion.id).toEqual(sentCriteria[c]?.id ?? expect.stringMatching(/^gen-/)));
  });
}

/** One segment record: id (from `id` or `_id`) usable as input, name, every other field as sent, definition intact. */
function checkSegment(segment: Segment, sent: Json): void {
  const id = String(sent.id ?? sent._id);
  expect(segment.id).toBe(id);
  expect(SegmentIdSchema.safeParse(segment.id).success, `segment id ${id} can be sent back`).toBe(true);
  expect(segment.name).toBe(sent.name);
  for (const [key, value] of Object.entries(sent)) {
    if (key === 'id' || key === '_id' || key === 'definition') continue;
    expect(segment[key], `field ${key} kept`).toStrictEqual(value);
  }
  if (sent.definition === undefined) expect(segment.definition).toBeNull();
  else {
    const definition = record(sent.definition);
    expectDefinitionRoundTrip(segment.definition, definition);
    const future = withFutureKeys(definition);
    expectDefinitionRoundTrip(normalizeSegmentAnswer({ ...sent, definition: future }).definition, future);
  }
}

function segmentListRecords(body: unknown): Json[] {
  if (Array.isArray(body)) return records(body);
  const answer = record(body);
  return records(answer.segments ?? answer.content);
}

function checkSegmentList(list: ReturnType<typeof normalizeSegmentList>, ctx: CaseContext): void {
  const sent = segmentListRecords(ctx.body);
  expect(list.segments).toHaveLength(sent.length);
  list.segments.forEach((segment, i) => checkSegment(segment, sent[i] as Json));
  const meta = isRecord(ctx.body) ? ctx.body : {};
  expect(list.page.total).toBe(meta.totalElements ?? meta.total);
  expect(list.page.totalPages).toBe(meta.totalPages);
}

function checkSegmentAnswer(segment: Segment, ctx: CaseContext): void {
  const body = record(ctx.body);
  checkSegment(segment, isRecord(body.segment) ? body.segment : body);
}

// ---------------------------------------------------------------------------------------------------
// Data API.

function checkCriteria(criteria: ReturnType<typeof normalizeCriteria>, ctx: CaseContext): void {
  const sent = records(record(ctx.body).criteria);
  // Nothing real-shaped is skipped: one odd criterion may be, but none of these is odd.
  expect(criteria.map((c) => c.id)).toEqual(sent.map((c) => c.id));
  criteria.forEach((criterion, i) => {
    const c = sent[i] as Json;
    expect(criterion.label).toBe(c.label ?? c.id);
    expect(criterion.operators).toEqual(c.operators ?? []);
    expect(criterion.valueType).toBe(c.valueType ?? c.value_type ?? null); // open: ENUM, STRING come through
    expect(criterion.type).toBe(c.type ?? null);
  });
}

function checkPreview(preview: ReturnType<typeof PreviewSchema.parse>, ctx: CaseContext): void {
  const body = record(ctx.body);
  expect(preview.estimated_fan_count).toBe(body.estimated_fan_count ?? body.estimatedCount);
  const fans = records(body.sample_fans ?? body.sample);
  expect(preview.sample_fans.map((f) => f.fan_id)).toEqual(fans.map((f) => f.fan_id));
  preview.sample_fans.forEach((fan, i) => expect(fan).toStrictEqual(fans[i]));
}

function checkCapabilities(tables: ReturnType<typeof capabilityTables>, ctx: CaseContext): void {
  const sent = records(record(ctx.body).tables);
  expect(tables.map((t) => t.name)).toEqual(sent.map((t) => t.name));
  tables.forEach((table, i) => {
    const t = sent[i] as Json;
    expect(table.fieldCount).toBe(((t.fields ?? t.columns ?? []) as unknown[]).length);
    expect(table.timeField).toBe(t.timeField ?? null);
    expect(table.description).toBe(t.description ?? null);
  });
}

function checkAnalyticsResult(result: ReturnType<typeof normalizeAnalyticsResult>, ctx: CaseContext): void {
  const body = ctx.body;
  const rows = Array.isArray(body) ? body : isRecord(body) ? ((Array.isArray(body.data) ? body.data : body.rows) ?? []) : [];
  expect(result.rows).toStrictEqual(rows);
  const metadata = isRecord(body) && isRecord(body.metadata) ? body.metadata : {};
  expect(result.totalRows).toBe(metadata.totalRows ?? metadata.total_rows ?? (rows as unknown[]).length);
  expect(result.executionTimeMs).toBe(metadata.executionTime ?? metadata.execution_time ?? null);
  const { totalRows: _t, total_rows: _tr, executionTime: _e, execution_time: _et, ...rest } = metadata;
  expect(result.metadata).toStrictEqual(rest); // e.g. the dry run's estimatedBytes, the query text
}

const askedTable = 'purchases';

function checkTableSchema(schema: ReturnType<typeof normalizeTableSchema>, ctx: CaseContext): void {
  const body = record(ctx.body);
  expect(schema.table).toBe(body.table ?? askedTable);
  const columns = records(body.columns ?? body.fields);
  expect(schema.columns).toEqual(columns.map((c) => ({ name: c.name, type: c.type ?? null, description: c.description ?? null })));
}

function checkPaidAdsStatus(status: ReturnType<typeof PaidAdsStatusSchema.parse>, ctx: CaseContext): void {
  // Every field as sent (unknown ones too); the MCP layer lower-cases `provider`.
  expect(status).toStrictEqual(unwrapDataEnvelope(ctx.body));
  expect(typeof status.connected).toBe('boolean');
}

function checkMe(me: ReturnType<typeof MeSchema.parse>, ctx: CaseContext): void {
  expect(me).toStrictEqual(ctx.body);
  expect(me.id).toEqual(expect.any(String));
}


// ---------------------------------------------------------------------------------------------------
// Templates, short URLs, paid media: records keep every field as sent; ids come from `id` or `_id`.

/** A record read by id: the id from `id`/`_id` as a string, every other field exactly as sent. */
function checkRecordKept(read: Json, sent: Json): void {
  expect(read.id).toBe(String(sent.id ?? sent._id));
  for (const [key, value] of Object.entries(sent)) if (key !== 'id') expect(read[key], `field ${key} kept`).toStrictEqual(value);
}

function checkTemplate(template: ReturnType<typeof normalizeTemplateAnswer>, ctx: CaseContext): void {
  const body = record(ctx.body);
  checkRecordKept(template, isRecord(body.template) ? body.template : body);
}

function checkTemplatePreview(preview: ReturnType<typeof normalizeTemplatePreview>, ctx: CaseContext): void {
  const body = record(ctx.body);
  expect(preview).toStrictEqual({ ...body, detectedMergeTags: body.detectedMergeTags ?? [] });
}

function checkTestSend(result: ReturnType<typeof normalizeTestSendResult>, ctx: CaseContext): void {
  const body = record(ctx.body);
  expect(result.success).toBe(true);
  expect(result.sentTo).toEqual(body.sentTo);
  expect(result.subject).toBe(body.subject);
}

function checkShortUrlPage(page: ReturnType<typeof normalizeShortUrlPage>, ctx: CaseContext): void {
  const body = record(ctx.body);
  const sent = records(body.items);
  expect(page.items).toHaveLength(sent.length);
  page.items.forEach((item, i) => checkRecordKept(item, sent[i] as Json));
  expect([page.total, page.page, page.pageSize, page.totalPages]).toEqual([body.total, body.page, body.pageSize, body.totalPages]);
}

function checkDestinationPage(page: ReturnType<typeof normalizeDestinationPage>, ctx: CaseContext): void {
  const body = record(ctx.body);
  expect(page.items).toStrictEqual(records(body.items));
  expect(page.total).toBe(body.total);
}

function checkRecordList(list: Json[], ctx: CaseContext): void {
  const sent = records(ctx.body);
  expect(list).toHaveLength(sent.length);
  list.forEach((item, i) => checkRecordKept(item, sent[i] as Json));
}

function checkRowsKept(rows: Json[], ctx: CaseContext): void {
  expect(rows).toStrictEqual(records(ctx.body));
}

function checkObjectKept(value: Json, ctx: CaseContext): void {
  expect(value).toStrictEqual(record(ctx.body));
}

function checkBulkUserLinks(result: ReturnType<typeof normalizeBulkUserLinks>, ctx: CaseContext): void {
  const body = record(ctx.body);
  expect(result.totalRequested).toBe(body.totalRequested);
  expect(result.totalCreated).toBe(body.totalCreated);
  const sent = records(body.createdLinks);
  result.createdLinks.forEach((link, i) => checkRecordKept(link, sent[i] as Json));
}

// ---------------------------------------------------------------------------------------------------
// The toolset: audiences, analytics, campaigns, media.

function checkSegmentExecution(result: ReturnType<typeof normalizeSegmentExecution>, ctx: CaseContext): void {
  const body = record(ctx.body);
  const sent = records(body.fans ?? body.contacts);
  expect(result.fans.map((f) => f.fan_id)).toEqual(sent.map((f) => String(f.fan_id ?? f.id)));
  result.fans.forEach((fan, i) => expect(fan).toStrictEqual(sent[i])); // personal fields as sent, none made up
  expect(result.totalFans).toBe(body.total_fans ?? body.total);
  expect(result.currentPage).toBe(body.current_page ?? body.page);
  if (typeof body.has_more === 'boolean') expect(result.hasMore).toBe(body.has_more);
}

function checkDimensionValues(values: ReturnType<typeof normalizeDimensionValues>, ctx: CaseContext): void {
  const sent = (record(ctx.body).values as unknown[]) ?? [];
  expect(values.map((v) => v.value)).toEqual(sent.map((v) => (typeof v === 'string' ? v : String(record(v).id))));
  expect(values.map((v) => v.label)).toEqual(sent.map((v) => (typeof v === 'string' ? v : String(record(v).label))));
}

function checkFilterValues(results: ReturnType<typeof normalizeFilterValues>, ctx: CaseContext): void {
  if (Array.isArray(ctx.body)) {
    const sent = records(ctx.body);
    expect(results.map((r) => r.collection)).toEqual(sent.map((r) => r.collection));
    results.forEach((result, i) => expect(result.values).toEqual(record(sent[i]?.results)));
  } else expect(results).toEqual([{ collection: null, values: { values: record(ctx.body).values } }]);
}

function checkCampaignReport(report: ReturnType<typeof normalizeCampaignReport>, ctx: CaseContext): void {
  const body = record(ctx.body);
  const queryKeys = Object.keys(body).filter((key) => key !== 'errors' && Array.isArray(body[key]));
  expect(Object.keys(report.queries)).toEqual(queryKeys);
  for (const key of queryKeys) expect(report.queries[key]).toStrictEqual(body[key]);
  expect(report.errors.map((e) => e.message)).toEqual(records(body.errors ?? []).map((e) => e.message));
}

function checkCampaignRecord(campaign: ReturnType<typeof normalizeCampaignRecord>, ctx: CaseContext): void {
  const body = record(ctx.body);
  const sent = isRecord(body.campaign) ? body.campaign : body;
  expect(campaign.id).toBe(String(sent.id ?? sent._id));
  const { _id: _ignored, ...rest } = sent;
  expect(campaign).toStrictEqual({ ...rest, id: campaign.id }); // channel values like EMAIL_AND_SMS pass through
}

function checkAsSent(value: unknown, ctx: CaseContext): void {
  expect(value).toStrictEqual(ctx.body);
}

function checkRecipientsPage(page: ReturnType<typeof normalizeRecipientsPage>, ctx: CaseContext): void {
  const body = record(ctx.body);
  const sent = records(body.content);
  expect(page.recipients).toEqual(sent.map((r) => ({ user_id: r.userId ?? null, name: r.name ?? null, email: r.email ?? null, status: r.status ?? null })));
  expect(page.page).toBe(body.page ?? body.number);
  expect(page.total).toBe(body.totalElements);
  expect(page.totalPages).toBe(body.totalPages);
}

function checkMediaResources(resources: ReturnType<typeof normalizeMediaResources>, ctx: CaseContext): void {
  const sent = records(ctx.body);
  expect(resources).toEqual(sent.map((r) => ({ src: r.src, name: r.name ?? null, mimeType: r.mimeType ?? null, size: r.size ?? null })));
}

function checkUploadAnswer(answer: ReturnType<typeof normalizeUploadAnswer>, ctx: CaseContext): void {
  expect(answer.destinationUrl).toBe(record(ctx.body).destinationUrl);
}

// ---------------------------------------------------------------------------------------------------
// THE table: every endpoint the client reads today, and the boundary function it reads it with.

const readers: Record<string, Reader> = {
  'POST /auth/admin/login': tokenReader(),
  'POST /auth/refresh': tokenReader({ '200 without any access token (upstream treats as a failed refresh)': 'access_token' }),
  'POST /users/tenant': tokenReader({ '200 without a token (upstream reports success but keeps the old token) (inferred body)': 'access_token' }),
  'GET /auth/me': reader((body) => MeSchema.parse(body), checkMe, { 'no id (must be treated as not verified)': 'id' }),
  'GET /users/accessible-tenants': reader(normalizeAccessibleTenants, checkAccessibleTenants),
  'GET /platform/tenants': reader(normalizePlatformTenants, checkPlatformTenants),
  'GET /segments': reader(normalizeSegmentList, checkSegmentList),
  'GET /segments/{id}': reader(normalizeSegmentAnswer, checkSegmentAnswer),
  'POST /segments': reader(normalizeSegmentAnswer, checkSegmentAnswer),
  'PUT /segments/{id}': reader(normalizeSegmentAnswer, checkSegmentAnswer),
  'GET /segmentation/criteria': reader(normalizeCriteria, checkCriteria),
  'POST /segments/preview': reader((body) => PreviewSchema.parse(body), checkPreview),
  'GET /analytics/capabilities': reader((body) => capabilityTables(CapabilitiesSchema.parse(body)), checkCapabilities),
  'POST /analytics/query': reader(normalizeAnalyticsResult, checkAnalyticsResult),
  'GET /analytics/schema/{table}': reader((body) => normalizeTableSchema(body, askedTable), checkTableSchema),
  // A core endpoint, but PaidMediaClient unwraps a `{success, data}` envelope if one comes.
  'GET /api/ads/{provider}/status': reader((body) => PaidAdsStatusSchema.parse(unwrapDataEnvelope(body)), checkPaidAdsStatus),
  'POST /templates': reader(normalizeTemplateAnswer, checkTemplate),
  'PUT /templates/{id}': reader(normalizeTemplateAnswer, checkTemplate),
  'POST /templates/{id}/clone': reader(normalizeTemplateAnswer, checkTemplate),
  'PATCH /templates/{id}/rename': reader(normalizeTemplateAnswer, checkTemplate),
  'POST /templates/{id}/preview': reader(normalizeTemplatePreview, checkTemplatePreview),
  'POST /templates/{id}/test': reader(normalizeTestSendResult, checkTestSend),
  'GET /admin/short-url': reader(normalizeShortUrlPage, checkShortUrlPage),
  'GET /admin/short-url/{id}': reader(normalizeShortUrl, (link, ctx) => checkRecordKept(link, record(ctx.body))),
  'GET /admin/short-url/{id}/metrics': reader(normalizeShortUrlMetrics, checkObjectKept),
  'GET /admin/short-url/{parentShortCode}/campaign-metrics': reader(normalizeShortUrlMetrics, checkObjectKept),
  'GET /admin/short-url/{id}/clicks': reader(normalizeClicks, checkRowsKept),
  'GET /admin/short-url/{parentShortCode}/user-links': reader(normalizeUserLinks, checkRecordList),
  'GET /admin/short-url/destinations': reader(normalizeDestinationPage, checkDestinationPage),
  'POST /admin/short-url': reader(normalizeShortUrl, (link, ctx) => checkRecordKept(link, record(ctx.body))),
  'PUT /admin/short-url/{id}': reader(normalizeShortUrl, (link, ctx) => checkRecordKept(link, record(ctx.body))),
  'POST /admin/short-url/{parentShortCode}/user-links': reader(normalizeBulkUserLinks, checkBulkUserLinks),
  'GET /api/ads/{provider}/health': reader((body) => normalizePaidObject(body, 'health'), checkObjectKept),
  'GET /api/ads/{provider}/campaigns': reader((body) => normalizePaidEntities(body, 'campaigns'), checkRecordList),
  'GET /api/ads/{provider}/campaigns/{campaignId}/insights': reader((body) => normalizePaidRows(body, 'rows'), checkRowsKept),
  'GET /api/ads/{provider}/attribution': reader((body) => normalizePaidRows(body, 'attribution'), checkRowsKept),
  'GET /api/ads/{provider}/ad-groups': reader((body) => normalizePaidEntities(body, 'adGroups'), checkRecordList),
  'GET /api/ads/{provider}/ad-groups/{adGroupId}/insights': reader((body) => normalizePaidRows(body, 'rows'), checkRowsKept),
  'GET /api/ads/{provider}/ad-groups/{adGroupId}/comparative-stats': reader((body) => normalizePaidObject(body, 'stats'), checkObjectKept),
  'GET /api/ads/{provider}/ad-groups/{adGroupId}/targeting': reader((body) => normalizePaidObject(body, 'targeting'), checkObjectKept),
  'GET /api/ads/{provider}/ads': reader((body) => normalizePaidEntities(body, 'ads'), checkRecordList),
  'GET /api/ads/{provider}/ads/{adId}/creative': reader((body) => normalizePaidObject(body, 'creative'), checkObjectKept),
  'POST /segments/execute': reader((body) => normalizeSegmentExecution(body, { page: 0, pageSize: 20 }), checkSegmentExecution),
  'POST /dimensions/values': reader(normalizeDimensionValues, checkDimensionValues),
  'POST /analytics/filters': reader(normalizeFilterValues, checkFilterValues),
  'POST /analytics/campaign-report': reader(normalizeCampaignReport, checkCampaignReport),
  'GET /campaigns/{id}': reader(normalizeCampaignRecord, checkCampaignRecord),
  'POST /campaigns': reader(normalizeCampaignRecord, checkCampaignRecord),
  'POST /campaigns/{id}/actions/schedule': reader(normalizeCampaignRecord, checkCampaignRecord),
  'GET /campaigns/{id}/metrics': reader((body) => CampaignMetricsSchema.parse(body), checkAsSent),
  'GET /campaigns/{id}/recipients': reader(normalizeRecipientsPage, checkRecipientsPage),
  'POST /campaigns/quote': reader((body) => CampaignQuoteSchema.parse(body), checkAsSent),
  'GET /media/resources': reader(normalizeMediaResources, checkMediaResources),
  'POST /media/upload/resource': reader(normalizeUploadAnswer, checkUploadAnswer),
};

/**
 * Endpoints the client does not read yet: the toolset issue (docs/upstream-toolset.md) adds their
 * readers, and moves each into `readers` above with its checks. Their error bodies are checked below.
 */
const pending: Record<string, string> = {
  // Read by nobody: a 204 without a body (its error bodies are checked below).
  'DELETE /media/resource': 'media: 204, no body to read',
  // Never sent: the core API has no PATCH mapping (405); scheduling uses /actions/schedule.
  'PATCH /campaigns/{id}': 'campaign actions: not sent (405)',
};

/** The files of error bodies of any endpoint (every case is an error). */
const errorCorpora = new Set(['ANY core endpoint (error bodies)', 'ANY data endpoint (error bodies)']);

const isSuccess = (c: FixtureCase): boolean => c.status >= 200 && c.status < 300;
const saysFailure = (c: FixtureCase): boolean => c.name.includes('success:false');
const isErrorCase = (file: FixtureFile, c: FixtureCase): boolean => errorCorpora.has(file.endpoint) || !isSuccess(c) || saysFailure(c);
const label = (file: FixtureFile, c: FixtureCase): string => `${file.file} › ${c.name}`;

/** What the client does before the boundary function: the data API's failure envelope, then its wrapper. */
function asClientGetsIt(file: FixtureFile, body: unknown): unknown {
  if (file.host !== 'data') return body;
  if (isFailureEnvelope(body)) throw new Error('a failure envelope is an API error, not data');
  return unwrapDataEnvelope(body);
}

describe('the corpus', () => {
  it('loads every fixture file, each with an endpoint, a host and cases', () => {
    expect(corpus.files.map((f) => f.file)).toEqual(neventFixtureFileNames());
    for (const file of corpus.files) {
      expect(file.endpoint, file.file).toMatch(/^(GET|POST|PUT|PATCH|DELETE|ANY) \S/);
      expect(['core', 'data'], file.file).toContain(file.host);
      expect(file.cases.length, file.file).toBeGreaterThan(0);
    }
  });

  it('leaves no token placeholder behind and stores no literal token', () => {
    expect(JSON.stringify(corpus.files)).not.toContain('<jwt');
    const raw = neventFixtureFileNames().map((name) => readFileSync(join(neventFixtureDir, name), 'utf8'));
    const placeholders = new Set(raw.flatMap((text) => text.match(/<jwt[^>]*>/g) ?? []));
    expect(placeholders.size).toBeGreaterThan(0);
    expect(corpus.claimsOf.size, 'one token per distinct placeholder').toBe(placeholders.size);
    // The repository holds placeholders only, never a token (the loader signs at run time).
    const tokenShape = new RegExp(`${'ey'}J[\\w-]*\\.${'ey'}J[\\w-]*\\.`); // spelled in parts: no token-like literal here either
    for (const text of raw) expect(text).not.toMatch(tokenShape);
    expect([...corpus.claimsOf.keys()].every((token) => tokenShape.test(token)), 'the generated tokens have that shape').toBe(true);
  });

  it('maps every endpoint either to the boundary function that reads it or to the pending list', () => {
    const unlisted = corpus.files.filter((f) => !errorCorpora.has(f.endpoint) && readers[f.endpoint] === undefined && pending[f.endpoint] === undefined);
    expect(unlisted.map((f) => `${f.file}: ${f.endpoint}`), 'add the endpoint to `readers` (or, until it is read, to `pending`)').toEqual([]);
    const both = Object.keys(readers).filter((endpoint) => endpoint in pending);
    expect(both).toEqual([]);
    const endpoints = new Set(corpus.files.map((f) => f.endpoint));
    const stale = [...Object.keys(readers), ...Object.keys(pending), ...errorCorpora].filter((endpoint) => !endpoints.has(endpoint));
    expect(stale, 'entries without a fixture file').toEqual([]);
  });

  it('marks exactly the failure envelopes as "success:false" in 2xx case names', () => {
    for (const file of corpus.files) {
      for (const c of file.cases.filter(isSuccess)) expect(isFailureEnvelope(c.body), label(file, c)).toBe(saysFailure(c));
    }
  });
});

describe('success bodies of the endpoints we read', () => {
  const successCases = corpus.files.flatMap((file) => (readers[file.endpoint] === undefined ? [] : file.cases.filter((c) => !isErrorCase(file, c)).map((c) => ({ file, c }))));

  it('has cases for every endpoint we read', () => {
    const covered = new Set(successCases.map(({ file }) => file.endpoint));
    expect(Object.keys(readers).filter((endpoint) => !covered.has(endpoint))).toEqual([]);
  });

  it.each(successCases.map(({ file, c }) => [label(file, c), file, c] as const))('%s', (_name, file, c) => {
    const { read, check, rejects } = readers[file.endpoint] as Reader;
    const body = asClientGetsIt(file, c.body);
    const ctx: CaseContext = { file, body };
    const field = rejects?.[c.name];
    if (field === undefined) {
      check(read(body), ctx);
      return;
    }
    let thrown: unknown;
    try {
      read(body);
    } catch (error) {
      thrown = error;
    }
    if (thrown instanceof ApiShapeError) expect(thrown.field).toBe(field);
    else if (thrown instanceof ZodError) expect(thrown.issues.map((issue) => issue.path.join('.'))).toContain(field);
    else expect.fail(`expected the body to be refused for lacking ${field}, got ${String(thrown)}`);
  });

  it('names only cases that exist as lacking what the code needs', () => {
    for (const [endpoint, { rejects }] of Object.entries(readers)) {
      const names = new Set(corpus.files.filter((f) => f.endpoint === endpoint).flatMap((f) => f.cases.filter(isSuccess).map((c) => c.name)));
      for (const name of Object.keys(rejects ?? {})) expect(names, `${endpoint}: ${name}`).toContain(name);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Error bodies: the API's own words reach the user.

/** A machine code as an error body sends one: UPPER_SNAKE or lower_snake. */
function isCode(value: unknown): value is string {
  return typeof value === 'string' && (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(value) || /^[A-Z]{2,}$/.test(value) || /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(value));
}

function words(value: unknown): string[] {
  if (typeof value === 'string' && value.trim() !== '') return [value.trim()];
  if (Array.isArray(value)) return value.flatMap(words);
  return [];
}

/** The words of an error body that must appear in the message shown; none means the client's fallback. */
function apiWords(body: unknown): string[] {
  if (typeof body === 'string') return /^\s*</.test(body) ? [] : words(body);
  if (!isRecord(body)) return [];
  // A nested error's `details` is the better message, then its `message`, then the top one.
  if (isRecord(body.error)) return [words(body.error.details), words(body.error.message), words(body.message)].find((w) => w.length > 0) ?? [];
  const message = [...words(body.message), ...words(body.errorMessage)];
  // NestJS and Spring put the HTTP reason phrase in `error`: next to a message it adds nothing, alone it is all there is.
  const error = isCode(body.error) || (message.length > 0 && isReasonPhrase(body.error)) ? [] : words(body.error);
  return [...message, ...error];
}

function isReasonPhrase(value: unknown): boolean {
  return typeof value === 'string' && ['bad request', 'unauthorized', 'forbidden', 'not found', 'method not allowed', 'conflict', 'too many requests', 'internal server error', 'service unavailable'].includes(value.toLowerCase());
}

function apiCode(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const nested = isRecord(body.error) ? body.error : {};
  return [nested.code, body.code, body.error, nested.type].find(isCode) ?? null;
}

/** Error bodies that carry no words of the API's: the client shows its own fallback for them. */
const wordless = new Set(['HTML gateway page (non-JSON 502; inferred)', '200 with success:false and a data block', '200 with success:false is an API error, not rows']);

describe('error bodies', () => {
  const errorCases = corpus.files.flatMap((file) => file.cases.filter((c) => isErrorCase(file, c)).map((c) => ({ file, c })));

  it.each(errorCases.map(({ file, c }) => [label(file, c), c] as const))('%s', (_name, c) => {
    const detail = readApiErrorBody(c.body);
    const expected = apiWords(c.body);
    if (wordless.has(c.name)) {
      expect(expected).toEqual([]);
      expect(detail.message).toBeNull();
    } else {
      expect(expected.length, 'the case says something').toBeGreaterThan(0);
      for (const part of expected) expect(detail.message).toContain(part);
    }
    expect(detail.code).toBe(apiCode(c.body));
    const retryAfter = isRecord(c.body) ? c.body.retryAfter : undefined;
    expect(detail.retryAfterSeconds).toBe(typeof retryAfter === 'number' ? retryAfter : null);
    // A 200 that says success:false is read as an error, never as data.
    if (isSuccess(c)) expect(isFailureEnvelope(c.body)).toBe(true);
  });

  const errorCase = (file: string, name: string): FixtureCase => {
    const found = corpus.files.find((f) => f.file === file)?.cases.find((c) => c.name === name);
    if (found === undefined) throw new Error(`no case "${name}" in ${file}`);
    return found;
  };

  it.each([
    ['errors.core.json', 'nested {error:{message,details,code}}: details wins as the message', 'segmentIds[0] is not a valid id', 'VALIDATION_ERROR'],
    ['errors.core.json', 'nested {error:{type,message,code}}', 'Missing required field: name', 'missing_field'],
    ['errors.core.json', 'generic message with a detailed error string', 'Internal server error: Detailed upstream failure reason', null],
    ['errors.core.json', 'plain-text body, not JSON', 'Forbidden', null],
    ['errors.core.json', 'method not allowed, Spring default error body (inferred)', 'Method Not Allowed', null],
    ['errors.core.json', '200 with success:false and an errorMessage (send test email)', 'Email address is not verified', null],
    ['errors.core.json', 'HTML gateway page (non-JSON 502; inferred)', null, null],
    ['errors.data.json', 'DSL rejected: generic message, detail in error', 'Failed to preview segment: Invalid DSL: stanza 0 missing id', null],
    ['errors.data.json', 'upper-case error code instead of a detail (NEVENT-API.md shape; upstream shows a detail string) (inferred)', 'Invalid query', 'INVALID_OPERATOR'],
    ['errors.data.json', '200 with success:false, message and error (inferred)', 'Failed to execute segment: BigQuery timeout', null],
  ] as const)('%s › %s reads as %j (code %j)', (file, name, message, code) => {
    const detail = readApiErrorBody(errorCase(file, name).body);
    expect(detail.message).toBe(message);
    expect(detail.code).toBe(code);
  });
});
