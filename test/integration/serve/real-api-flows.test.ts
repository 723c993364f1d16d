/**
 * The app as a person runs it against a Nevent API elsewhere: `serve --api-url URL` (the built CLI, no
 * `--demo`) against a separately started demo API that answers in the real API's shapes — once with
 * HS256 tokens and no published keys, as the real API signs, and once with ES256 + JWKS. The desktop
 * flows go over the app's HTTP contract (sign in with a password, the picker's list, switch, segments,
 * preview, a concurrent edit), and every MCP tool is called through a real SDK client on the app's socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApi, type DemoApi } from '../../../src-main/demo-api';
import { tenantAt, type TenantColumns } from '../../../src-shared/ipc';
import { contractToolNames, serveFlowToolNames } from '../../helpers/contract-tools';
import { callApi } from '../../unit/shell/http-client';
import { failure, ok } from '../mcp/envelope-assert';
import { connectClient, type SocketClient } from '../mcp/socket-helpers';
import { startServe, type ServeProcess } from './serve-process';

/** A definition as a person or an AI writes it: no ids, and keys this app does not know about. */
const definition = {
  stanzas: [
    { criteria: [{ criterion_id: 'city', operator: 'is', value: ['madrid', 'valencia'], type: 'profile_property', filters: { property_name: 'home_city' }, vendor_hint: 'keep-me' }] },
    { criteria: [{ criterion_id: 'total_spent', operator: 'gte', value: 50, modifiers: { time_range: { value: 30, unit: 'days' } } }] },
  ],
};

describe.each([
  { label: 'HS256, no published keys (like the real API)', jwks: false },
  { label: 'ES256 with a JWKS', jwks: true },
])('the app against a separately running Nevent API in the real shapes — $label', ({ jwks }) => {
  let demo: DemoApi;
  let serve: ServeProcess;
  let mcp: SocketClient | null = null;

  async function call<T = Record<string, unknown>>(channel: string, payload?: unknown): Promise<T> {
    const answer = (await callApi(serve.port, serve.token, channel, payload)).json;
    if (!answer.ok) throw new Error(`${channel} failed: ${JSON.stringify(answer.error)}`);
    return answer.value as T;
  }

  beforeAll(async () => {
    demo = await startDemoApi({ jwks });
    serve = await startServe(['--api-url', demo.url, '--mode', 'STANDARD']);
  }, 60_000);
  afterAll(async () => {
    await mcp?.close().catch(() => undefined);
    if (serve !== undefined && serve.child.exitCode === null) await serve.stop();
    serve?.cleanup();
    await demo?.close();
  });

  it('signs in with a password and opens the picker on the tenants as the API lists them', async () => {
    const status = await call<{ state: string; user: { email: string; role: string | null }; apiUrl: string; dataApiUrl: string }>('account.signIn', {
      method: 'password',
      apiUrl: demo.url,
      email: 'owner@demo.nevent.local',
      password: 'demo',
    });
    // Several tenants and a fresh sign-in: the org-picker (main's account state) comes first.
    expect(status).toMatchObject({ state: 'choosingTenant', user: { email: 'owner@demo.nevent.local', role: 'OWNER' }, apiUrl: demo.url, dataApiUrl: `${demo.url}/data` });
    const list = await call<{ tenants: TenantColumns; role: string; homeTenantId: string }>('tenants.list');
    expect(list).toMatchObject({ role: 'OWNER', homeTenantId: 'tn-acme' });
    const tenants = list.tenants.id.map((_, i) => tenantAt(list.tenants, i));
    // Minimal records as the API sent them: the root first, a parent from the tree, nothing made up.
    expect(tenants[0]).toMatchObject({ id: 'tn-acme', status: 'ACTIVE', role: 'OWNER' });
    expect(tenants.find((t) => t.id === 'tn-acme-madrid')).toEqual({ id: 'tn-acme-madrid', name: 'Acme Madrid', parentId: 'tn-acme-es' });
    expect(tenants.find((t) => t.id === 'tn-acme-lyon')).toMatchObject({ status: 'INVITED', statusReason: expect.stringContaining('Invitation') });
    expect(new Set(tenants.map((t) => t.id)).size).toBe(tenants.length);
  });

  it('switches the desktop, and works with segments in that tenant', async () => {
    expect(await call('tenants.switch', { tenantId: 'tn-acme-es' })).toMatchObject({ activeTenantId: 'tn-acme-es', previousTenantId: 'tn-acme' });
    const state = await call<{ account: { state: string }; desktop: { activeTenant: Record<string, unknown> } }>('session.get');
    expect(state.account.state).toBe('active');
    expect(state.desktop.activeTenant).toEqual({ id: 'tn-acme-es', name: 'Acme Spain', role: 'OWNER' });

    const criteria = await call<{ criteria: { id: string; operators: string[]; valueType: string | null }[]; tenantId: string }>('segments.criteria');
    expect(criteria.tenantId).toBe('tn-acme-es');
    expect(criteria.criteria.find((c) => c.id === 'total_spent')?.valueType).toBe('CURRENCY');
    // Listed without operators by the API: the window gets them as listed (empty) and offers the defaults.
    expect(criteria.criteria.find((c) => c.id === 'first_name')).toMatchObject({ operators: [], valueType: 'STRING' });

    const list = await call<{ segments: { id: string; revision: string; definition: unknown }[]; tenantId: string }>('segments.list', { limit: 50 });
    expect(list.tenantId).toBe('tn-acme-es');
    expect(list.segments.length).toBeGreaterThan(0);
    // `_id` records and records without a definition (lists carry none) read like any other.
    for (const s of list.segments) expect(s.id).toMatch(/^[0-9a-f]{24}$/);

    const preview = await call<{ estimated_fan_count: number; sample_fans: Record<string, string>[] }>('segments.preview', { definition });
    expect(preview.estimated_fan_count).toBeGreaterThan(0);
    expect(Object.keys(preview.sample_fans[0] ?? {})).toEqual(expect.arrayContaining(['fan_id', 'first_name']));

    const created = await call<{ segment: { id: string; revision: string; status: string; definition: { stanzas: { id: string; criteria: Record<string, unknown>[] }[] } }; tenantId: string }>('segments.create', { name: 'Real-shaped flow', definition });
    expect(created).toMatchObject({ tenantId: 'tn-acme-es', segment: { status: 'ACTIVE' } });
    const stored = created.segment.definition;
    // Ids generated where missing (the data API needs them), every key the person wrote kept.
    expect(stored.stanzas.every((s) => typeof s.id === 'string' && s.criteria.every((c) => typeof c.id === 'string'))).toBe(true);
    expect(stored.stanzas[0]?.criteria[0]).toMatchObject({ filters: { property_name: 'home_city' }, vendor_hint: 'keep-me', type: 'profile_property' });
    expect(stored.stanzas[1]?.criteria[0]).toMatchObject({ modifiers: { time_range: { value: 30, unit: 'days' } } });

    // A rename from the revision it was opened at goes through; a second edit from that old revision is refused.
    const renamed = await call<{ segment: { revision: string; name: string } }>('segments.update', { segmentId: created.segment.id, baseRevision: created.segment.revision, name: 'Real-shaped flow (renamed)' });
    expect(renamed.segment.name).toBe('Real-shaped flow (renamed)');
    const stale = (await callApi(serve.port, serve.token, 'segments.update', { segmentId: created.segment.id, baseRevision: created.segment.revision, name: 'lost edit' })).json;
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const after = await call<{ segment: { name: string; definition: unknown } }>('segments.get', { segmentId: created.segment.id });
    expect(after.segment.name).toBe('Real-shaped flow (renamed)');
    // The rename did not touch the definition (only changed fields are sent).
    expect(after.segment.definition).toEqual(stored);
  });

  it('answers every MCP tool on the app socket, in the tenant each call ran in', async () => {
    mcp = await connectClient(serve.socketPath, 'real-api-flow');
    const { tools } = await mcp.client.listTools();
    // STANDARD mode lists everything but the DELETE-class tools (which it would refuse).
    expect(tools.map((t) => t.name).sort()).toEqual(contractToolNames.filter((name) => name !== 'nevent_schedule_campaign' && name !== 'nevent_delete_image').sort());
    const called = new Set<string>();
    const run = async (name: string, args: Record<string, unknown> = {}): Promise<Record<string, unknown>> => {
      called.add(name);
      return ok(await (mcp as SocketClient).call(name, args));
    };
    // A new connection starts where the desktop is.
    expect(await run('nevent_get_active_tenant')).toMatchObject({ active_tenant_id: 'tn-acme-es', home_tenant_id: 'tn-acme-es' });
    expect((await run('nevent_list_tenants', { search: 'madrid' })).total).toBe(2);
    expect(await run('nevent_switch_tenant', { tenantId: 'tn-acme-madrid' })).toMatchObject({ active_tenant_id: 'tn-acme-madrid' });
    const segments = await run('nevent_list_segments', { limit: 5 });
    expect(segments.tenant_id).toBe('tn-acme-madrid');
    const first = (segments.segments as { id: string }[])[0];
    const one = await run('nevent_get_segment', { segment_id: first?.id });
    expect(one.tenant_id).toBe('tn-acme-madrid');
    expect((await run('nevent_segment_preview', { definition })).tenant_id).toBe('tn-acme-madrid');
    expect(((await run('nevent_segmentation_criteria')).criteria as unknown[]).length).toBeGreaterThan(5);
    const created = await run('nevent_create_segment', { name: 'From the AI', definition: { stanzas: [] } });
    const id = (created.segment as { id: string }).id;
    expect((await run('nevent_update_segment', { segment_id: id, description: 'every fan' })).segment).toMatchObject({ description: 'every fan' });
    const campaigns = await run('nevent_list_campaigns', { status: 'EXECUTED', limit: 3, sort: 'executedAt' });
    expect(campaigns).toMatchObject({ tenant_id: 'tn-acme-madrid' });
    for (const c of campaigns.campaigns as { status: string }[]) expect(c.status).toBe('EXECUTED');
    const capabilities = (await run('nevent_analytics_capabilities')) as { tables: { name: string }[] };
    expect(capabilities.tables.map((t) => t.name)).toContain('campaigns');
    expect((await run('nevent_paid_ads_status', { provider: 'google' })).provider).toBe('google');
    // The toolset: each domain's tools over the real wire, in the session's tenant.
    expect((await run('nevent_analytics_table_schema', { table: 'campaigns' })).table).toBe('campaigns');
    expect((await run('nevent_analytics_filter_values', { collection: 'campaigns', filters: [{ field: 'channel' }] })).tenant_id).toBe('tn-acme-madrid');
    expect((await run('nevent_analytics_query', { collection: 'campaigns', metrics: [{ field: 'sent', operation: 'sum', alias: 'sent' }] })).total_rows).toBe(1);
    expect((await run('nevent_campaign_report', { year: 2025, month: 12 })).errors).toEqual([]);
    expect(((await run('nevent_segment_execute', { definition, page_size: 3 })).fans as unknown[]).length).toBeLessThanOrEqual(3);
    expect(((await run('nevent_dimension_values', { criterion_id: 'city' })).values as unknown[]).length).toBeGreaterThan(0);
    const sent = (campaigns.campaigns as { id: string }[])[0]?.id;
    expect((await run('nevent_get_campaign', { campaign_id: sent })).campaign).toMatchObject({ id: sent, status: 'EXECUTED' });
    const figures = (await run('nevent_get_campaign_metrics', { campaign_id: sent })).metrics as { totalRecipients: number };
    expect((await run('nevent_list_campaign_recipients', { campaign_id: sent, page_size: 2 })).total).toBe(figures.totalRecipients);
    expect((await run('nevent_quote_campaign', { channel: 'SMS', segment_ids: [first?.id] })).quote).toHaveProperty('recipientCount');
    const draft = (await run('nevent_create_campaign', { name: 'AI draft', channel: 'EMAIL', email_subject: 'See you there', email_body: '<p>Hi</p>', segment_ids: [first?.id] })).campaign as { id: string; status: string };
    expect(draft.status).toBe('DRAFT');
    expect((await run('nevent_list_images')).total).toBeGreaterThan(0);
    expect((await run('nevent_upload_image', { source: 'data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAA=' })).mimeType).toBe('image/gif');
    // DELETE class in STANDARD: not listed, and refused before anything runs.
    for (const [name, args] of [['nevent_schedule_campaign', { campaign_id: draft.id, scheduled_time: '2099-01-01T00:00:00Z', confirmed: true }], ['nevent_delete_image', { urls: ['x'], confirmed: true }]] as const) {
      called.add(name);
      expect(failure(await (mcp as SocketClient).call(name, args)).code).toBe('operation_not_permitted');
    }
    expect((await run('nevent_help', { topic: 'tenants' })).guidance).toMatch(/tenant/i);
    expect(await run('nevent_reset_tenant')).toMatchObject({ active_tenant_id: 'tn-acme-es' });
    // The toolset's other domains are called one by one against the demo in test/integration/mcp/.
    expect([...called].sort()).toEqual([...serveFlowToolNames].sort());
    // A tenant the account cannot reach: the envelope, nothing changed.
    expect(failure(await mcp.call('nevent_switch_tenant', { tenantId: 'tn-globex' })).code).toMatch(/tenant_forbidden|tenant_not_found/);
  });
});
