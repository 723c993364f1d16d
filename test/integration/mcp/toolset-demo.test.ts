/**
 * The toolset's analytics, audience, campaign and media tools through a real SDK client on the
 * app's socket, against the real core and the demo API over HTTP: each tool answers in the tenant the
 * call names, the demo's figures agree across tools (segments → quote → recipients → metrics), and the
 * destructive ones say what they would do before doing it.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, ok } from './envelope-assert';
import type { SocketClient } from './socket-helpers';
import { startSocketToolset, type SocketToolset } from './socket-toolset-fixture';

/** A 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const tenant_id = 'tn-acme-es';
const madrid = { stanzas: [{ criteria: [{ criterion_id: 'city', operator: 'is', value: ['madrid'] }] }] };

let toolset: SocketToolset;
let mcp: SocketClient;
let images: Server;
let imagesUrl: string;
let folder: string;
const previousUploadDirs = process.env.NEVENT_UPLOAD_DIRS;
const previousLocalUrls = process.env.NEVENT_UPLOAD_LOCAL_URLS;

const run = async (name: string, args: Record<string, unknown> = {}): Promise<Record<string, unknown>> => ok(await mcp.call(name, args));
const refuse = async (name: string, args: Record<string, unknown> = {}): Promise<{ code: string; message: string; param?: string }> => failure(await mcp.call(name, args));

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'nevent-uploads-'));
  mkdirSync(join(folder, 'allowed'));
  writeFileSync(join(folder, 'allowed', 'logo.png'), png);
  writeFileSync(join(folder, 'allowed', 'notes.txt'), 'not an image');
  writeFileSync(join(folder, 'secret.png'), png);
  symlinkSync(join(folder, 'secret.png'), join(folder, 'allowed', 'escape.png'));
  // The person named one folder for uploads (read when each connection's server is built).
  process.env.NEVENT_UPLOAD_DIRS = join(folder, 'allowed');
  // The test's image server listens on loopback, which only an explicit allowance lets uploads fetch from
  // (the refusal itself: upload-sources.test.ts).
  process.env.NEVENT_UPLOAD_LOCAL_URLS = '1';
  images = createServer((req, res) => {
    if (req.url === '/poster.png') res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    else if (req.url === '/page.html') res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imagesUrl = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  toolset = await startSocketToolset('toolset-test', { maxLineBytes: 256 * 1024 });
  mcp = toolset.mcp;
}, 120_000);

afterAll(async () => {
  await toolset?.close();
  await new Promise<void>((resolve) => (images === undefined ? resolve() : images.close(() => resolve())));
  rmSync(folder, { recursive: true, force: true });
  if (previousUploadDirs === undefined) delete process.env.NEVENT_UPLOAD_DIRS;
  else process.env.NEVENT_UPLOAD_DIRS = previousUploadDirs;
  if (previousLocalUrls === undefined) delete process.env.NEVENT_UPLOAD_LOCAL_URLS;
  else process.env.NEVENT_UPLOAD_LOCAL_URLS = previousLocalUrls;
});

describe.skipIf(process.platform === 'win32')('the toolset against the demo API', () => {
  it('analytics: a summary of the capabilities, one table in detail, its schema, filter values, a query and its dry run, a monthly report', async () => {
    const summary = await run('nevent_analytics_capabilities', { tenant_id });
    expect(summary).toMatchObject({ tenant_id, count: 1, tables: [{ name: 'campaigns', timeField: 'created_at', fieldCount: 11 }] });
    expect(summary).not.toHaveProperty('table');
    const detail = await run('nevent_analytics_capabilities', { tenant_id, table: 'campaigns' });
    expect((detail.table as { fields: { name: string }[] }).fields.map((f) => f.name)).toContain('revenue');
    expect((await refuse('nevent_analytics_capabilities', { tenant_id, table: 'nope' })).code).toBe('not_found');

    const schema = await run('nevent_analytics_table_schema', { tenant_id, table: 'campaigns' });
    expect(schema).toMatchObject({ table: 'campaigns', tenant_id });
    expect((schema.columns as { name: string }[]).map((c) => c.name)).toEqual(expect.arrayContaining(['status', 'channel', 'sent']));
    expect((await refuse('nevent_analytics_table_schema', { tenant_id, table: 'purchasez' })).code).toBe('not_found');

    const values = await run('nevent_analytics_filter_values', { tenant_id, collection: 'campaigns', filters: [{ field: 'status' }] });
    const statuses = (values.results as { values: Record<string, string[]> }[])[0]?.values.status ?? [];
    expect(statuses.length).toBeGreaterThan(0);
    expect(['EXECUTED', 'DRAFT', 'PAUSED', 'STOPPED', 'SCHEDULED']).toEqual(expect.arrayContaining(statuses));

    const query = { tenant_id, collection: 'campaigns', dimensions: [{ field: 'status' }], metrics: [{ field: 'sent', operation: 'sum', alias: 'sent' }, { field: 'campaign_id', operation: 'count', alias: 'n' }], sort: { field: 'n', order: 'desc' } };
    const dry = await run('nevent_analytics_query', { ...query, dryRun: true });
    expect(dry).toMatchObject({ rows: [], dry_run: true, tenant_id });
    expect(dry.metadata).toHaveProperty('estimatedBytes');
    const result = await run('nevent_analytics_query', query);
    const rows = result.rows as { status: string; sent: number; n: number }[];
    expect(rows.map((r) => r.status).sort()).toEqual([...statuses].sort());
    // Only sent campaigns have sends.
    expect(rows.filter((r) => r.status === 'DRAFT' || r.status === 'SCHEDULED').every((r) => r.sent === 0)).toBe(true);

    const executed = (await run('nevent_analytics_query', { tenant_id, collection: 'campaigns', dimensions: [{ field: 'executed_at' }, { field: 'sent' }], filters: [{ field: 'status', operator: 'eq', value: 'EXECUTED' }], limit: 1 })).rows as { executed_at: string; sent: number }[];
    const month = executed[0]?.executed_at ?? '2025-12-01';
    const report = await run('nevent_campaign_report', { tenant_id, year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) });
    const q1 = (report.queries as Record<string, { sent: number }[]>).Q1 ?? [];
    expect(q1.length).toBeGreaterThan(0);
    expect(report.errors).toEqual([]);
  });

  it('audiences: contacts a page at a time, as many as the preview counts; dimension values for a definition', async () => {
    const preview = await run('nevent_segment_preview', { tenant_id, definition: madrid });
    const first = await run('nevent_segment_execute', { tenant_id, definition: madrid, page_size: 7 });
    expect(first).toMatchObject({ tenant_id, total_fans: preview.estimated_fan_count, current_page: 0, has_more: true });
    const fans = first.fans as { fan_id: string }[];
    expect(fans).toHaveLength(7);
    const second = await run('nevent_segment_execute', { tenant_id, definition: madrid, page: 1, page_size: 7 });
    expect((second.fans as { fan_id: string }[]).map((f) => f.fan_id).filter((id) => fans.some((f) => f.fan_id === id))).toEqual([]);
    expect((await refuse('nevent_segment_execute', { tenant_id, definition: madrid, page_size: 101 })).code).toBe('validation_failed');
    expect((await refuse('nevent_segment_execute', { tenant_id, definition: { stanzas: [{ criteria: [{ criterion_id: 'shoe_size', operator: 'eq', value: 1 }] }] } })).code).toBe('api_error');

    const cities = await run('nevent_dimension_values', { tenant_id, criterion_id: 'city', search: 'mad' });
    expect(cities).toMatchObject({ tenant_id, values: [{ value: 'madrid', label: expect.stringMatching(/madrid/i) }], truncated: false });
    expect((await refuse('nevent_dimension_values', { tenant_id, criterion_id: 'shoe_size' })).code).toBe('not_found');
  });

  it('campaigns: metrics agree with the recipients, a quote with the segments; a draft is scheduled only when confirmed', async () => {
    const listed = (await run('nevent_list_campaigns', { tenant_id, status: 'EXECUTED', limit: 1 })).campaigns as { id: string }[];
    const campaignId = listed[0]?.id ?? '';
    const metrics = (await run('nevent_get_campaign_metrics', { tenant_id, campaign_id: campaignId })).metrics as Record<string, number>;
    expect(metrics.totalSent).toBeGreaterThan(0);
    const recipients = await run('nevent_list_campaign_recipients', { tenant_id, campaign_id: campaignId, page_size: 5 });
    expect(recipients).toMatchObject({ tenant_id, page: 0, page_size: 5, total: metrics.totalRecipients });
    const clicked = await run('nevent_list_campaign_recipients', { tenant_id, campaign_id: campaignId, status: 'CLICKED', page_size: 1 });
    expect(clicked.total).toBe(metrics.uniqueClicks);
    // Another tenant's campaign is as unknown as a made-up one.
    expect((await refuse('nevent_get_campaign_metrics', { tenant_id: 'tn-acme-fr', campaign_id: campaignId })).code).toBe('not_found');

    const segments = (await run('nevent_list_segments', { tenant_id })).segments as { id: string }[];
    const segmentId = segments[0]?.id ?? '';
    const audience = await run('nevent_segment_preview', { tenant_id, definition: (await run('nevent_get_segment', { tenant_id, segment_id: segmentId })).definition });
    const quote = (await run('nevent_quote_campaign', { tenant_id, channel: 'EMAIL', segment_ids: [segmentId] })).quote as { recipientCount: number; cost: number; audience: { uniqueAudience: number } };
    expect(quote.audience.uniqueAudience).toBe(audience.estimated_fan_count);
    expect(quote.cost).toBe(quote.recipientCount);
    expect((await refuse('nevent_quote_campaign', { tenant_id, channel: 'EMAIL', segment_ids: ['000000000000000000000000'] })).code).toBe('not_found');

    // Without its body an email draft is refused, saying what is missing; with it, made.
    expect(await refuse('nevent_create_campaign', { tenant_id, name: 'Spring presale test', channel: 'EMAIL', email_subject: 'Tickets', segment_ids: [segmentId] })).toMatchObject({ code: 'validation_failed', param: 'email_body' });
    const draft = await run('nevent_create_campaign', { tenant_id, name: 'Spring presale test', channel: 'EMAIL', email_subject: 'Tickets', email_body: '<p>Presale</p>', segment_ids: [segmentId], utm_source: 'nevent' });
    const created = draft.campaign as { id: string; status: string; channel: string };
    expect(created).toMatchObject({ status: 'DRAFT', channel: 'EMAIL_ONLY' });
    const at = '2099-06-01T10:00:00+02:00';
    const asked = await refuse('nevent_schedule_campaign', { tenant_id, campaign_id: created.id, scheduled_time: at });
    expect(asked.code).toBe('confirmation_required');
    expect(asked.message).toContain('"Spring presale test"');
    expect(asked.message).toContain(`to ${quote.recipientCount} recipients`);
    expect(asked.message).toContain(at);
    expect(((await run('nevent_get_campaign_metrics', { tenant_id, campaign_id: created.id })).metrics as Record<string, number>).totalRecipients).toBe(0);
    expect((await refuse('nevent_schedule_campaign', { tenant_id, campaign_id: created.id, scheduled_time: '2001-01-01T00:00:00Z', confirmed: true })).param).toBe('scheduled_time');
    const scheduled = await run('nevent_schedule_campaign', { tenant_id, campaign_id: created.id, scheduled_time: at, confirmed: true });
    expect(scheduled.campaign).toMatchObject({ id: created.id, status: 'SCHEDULED', scheduledTime: at });
    expect((await run('nevent_list_campaign_recipients', { tenant_id, campaign_id: created.id, status: 'SCHEDULED', page_size: 1 })).total).toBe(quote.recipientCount);
    expect((await refuse('nevent_schedule_campaign', { tenant_id, campaign_id: created.id, scheduled_time: at, confirmed: true })).code).toBe('conflict');
  });

  it('media: uploads from data, a URL and a named folder; refuses other paths, symlink escapes and non-images; deletes only when confirmed', async () => {
    const before = await run('nevent_list_images', { tenant_id });
    const total = before.total as number;
    expect(total).toBeGreaterThan(0);

    const fromData = await run('nevent_upload_image', { tenant_id, source: `data:image/png;base64,${png.toString('base64')}`, imageName: 'pixel' });
    expect(fromData).toMatchObject({ tenant_id, mimeType: 'image/png', sizeBytes: png.length, destinationUrl: expect.stringMatching(/pixel\.png$/) });
    const fromUrl = await run('nevent_upload_image', { tenant_id, source: `${imagesUrl}/poster.png` });
    expect(fromUrl.destinationUrl).toMatch(/poster\.png$/);
    const fromFile = await run('nevent_upload_image', { tenant_id, file_path: join(folder, 'allowed', 'logo.png') });
    expect(fromFile.destinationUrl).toMatch(/logo\.png$/);

    expect(await refuse('nevent_upload_image', { tenant_id, file_path: join(folder, 'secret.png') })).toMatchObject({ code: 'operation_not_permitted', param: 'file_path' });
    expect(await refuse('nevent_upload_image', { tenant_id, file_path: join(folder, 'allowed', 'escape.png') })).toMatchObject({ code: 'operation_not_permitted', param: 'file_path' });
    expect(await refuse('nevent_upload_image', { tenant_id, file_path: join(folder, 'allowed', '..', 'secret.png') })).toMatchObject({ code: 'operation_not_permitted' });
    expect(await refuse('nevent_upload_image', { tenant_id, file_path: join(folder, 'allowed', 'notes.txt') })).toMatchObject({ code: 'validation_failed', param: 'file_path' });
    expect(await refuse('nevent_upload_image', { tenant_id, source: `${imagesUrl}/page.html` })).toMatchObject({ code: 'validation_failed', param: 'source' });
    expect(await refuse('nevent_upload_image', { tenant_id, source: Buffer.alloc(64, 1).toString('base64') })).toMatchObject({ code: 'validation_failed' });
    expect(await refuse('nevent_upload_image', { tenant_id })).toMatchObject({ code: 'validation_failed' });

    const after = await run('nevent_list_images', { tenant_id, limit: 200 });
    expect(after.total).toBe(total + 3);
    const urls = [fromData.destinationUrl as string, fromUrl.destinationUrl as string];
    const asked = await refuse('nevent_delete_image', { tenant_id, urls });
    expect(asked.code).toBe('confirmation_required');
    expect(asked.message).toContain('permanently delete 2 images');
    expect((await run('nevent_list_images', { tenant_id, limit: 200 })).total).toBe(total + 3);
    expect(await run('nevent_delete_image', { tenant_id, urls, confirmed: true })).toMatchObject({ deleted: 2, tenant_id });
    const left = (await run('nevent_list_images', { tenant_id, limit: 200 })).resources as { src: string }[];
    expect(left.map((r) => r.src)).not.toEqual(expect.arrayContaining([urls[0]]));
    expect(left).toHaveLength(total + 1);
    // Another tenant's library is its own.
    expect(((await run('nevent_list_images', { tenant_id: 'tn-acme-fr', limit: 200 })).resources as { src: string }[]).some((r) => r.src === fromFile.destinationUrl)).toBe(false);
  });
});
