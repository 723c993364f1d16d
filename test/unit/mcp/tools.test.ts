/** Each tool against the fake session: inputs reach the session as they should, results have the envelope's shape. */
import { afterEach, describe, expect, it } from 'vitest';
import { CoreError } from '../../../src-main/core/tenant-session';
import { guidanceFor, helpTopics } from '../../../src-main/mcp/guidance';
import { connect, failure, ok } from './harness';
import type { Harness } from './harness';

const definition = { stanzas: [{ criteria: [{ criterion_id: 'country', operator: 'is', value: ['ES'] }] }] };
let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('tenant tools', () => {
  it('nevent_list_tenants: snake_case tenants with only what the API gave, and where the session is', async () => {
    h = await connect();
    const result = ok(await h.call('nevent_list_tenants'));
    expect(result).toMatchObject({ count: 4, total: 4, home_tenant_id: 'tenant-root', active_tenant_id: 'tenant-root', role: 'OWNER' });
    expect(result).not.toHaveProperty('next_cursor');
    const tenants = result.tenants as Record<string, unknown>[];
    expect(tenants[0]).toEqual({ id: 'tenant-root', name: 'Root Org', level: 0, status: 'ACTIVE', role: 'OWNER' });
    // No status, no role, no slug from the API: none made up.
    expect(tenants[1]).toEqual({ id: 'tenant-a', name: 'Child A', parent_id: 'tenant-root', level: 1 });
    expect(tenants[2]).toEqual({ id: 'tenant-b', name: 'Child B', parent_id: 'tenant-root', level: 1, status: 'INVITED', switchable: false, status_reason: 'Invitation not accepted yet' });
  });

  it('nevent_list_tenants: searches names and ids, pages with a cursor bound to its search', async () => {
    h = await connect();
    const first = ok(await h.call('nevent_list_tenants', { search: 'child', limit: 2 }));
    expect(first).toMatchObject({ count: 2, total: 3 });
    expect((first.tenants as { id: string }[]).map((t) => t.id)).toEqual(['tenant-a', 'tenant-b']);
    const second = ok(await h.call('nevent_list_tenants', { search: 'child', limit: 2, cursor: first.next_cursor }));
    expect((second.tenants as { id: string }[]).map((t) => t.id)).toEqual(['tenant-c']);
    expect(second).not.toHaveProperty('next_cursor');
    expect(failure(await h.call('nevent_list_tenants', { search: 'root', cursor: first.next_cursor }))).toMatchObject({ code: 'invalid_request', param: 'cursor' });
    expect(failure(await h.call('nevent_list_tenants', { cursor: 'garbage' }))).toMatchObject({ code: 'invalid_request', param: 'cursor' });
  });

  it('nevent_get_active_tenant: the active tenant with its details', async () => {
    h = await connect('READ_ONLY', { activeTenantId: 'tenant-a' });
    expect(ok(await h.call('nevent_get_active_tenant'))).toEqual({
      active_tenant_id: 'tenant-a',
      home_tenant_id: 'tenant-root',
      tenant: { id: 'tenant-a', name: 'Child A', parent_id: 'tenant-root', level: 1 },
      role: 'OWNER',
    });
  });

  it('nevent_switch_tenant: accepts tenantId or tenant_id, reports the tenant now in effect', async () => {
    h = await connect();
    const first = ok(await h.call('nevent_switch_tenant', { tenantId: 'tenant-a' }));
    expect(first).toMatchObject({ success: true, active_tenant_id: 'tenant-a', switched_to_tenant_id: 'tenant-a', home_tenant_id: 'tenant-root', previous_tenant_id: 'tenant-root' });
    expect(first.message).toContain('Pass tenant_id: "tenant-a" on every later call');
    expect(first.message).toMatch(/tenant-a/);
    expect(ok(await h.call('nevent_switch_tenant', { tenant_id: 'tenant-root' })).active_tenant_id).toBe('tenant-root');
    expect(ok(await h.call('nevent_switch_tenant', { tenantId: 'tenant-root', tenant_id: 'tenant-root' })).message).toMatch(/Already/);
    expect(failure(await h.call('nevent_switch_tenant', { tenantId: 'tenant-a', tenant_id: 'tenant-root' })).code).toBe('validation_failed');
    expect(h.session.calls).toEqual(['switchTenant:tenant-a', 'switchTenant:tenant-root', 'switchTenant:tenant-root']);
  });

  it('nevent_switch_tenant: refusals keep the session where it was', async () => {
    h = await connect();
    // INVITED, SUSPENDED and unknown: one neutral answer (the API's refusal would name the tenant).
    for (const tenantId of ['tenant-b', 'tenant-c', 'tenant-zzz']) {
      expect(failure(await h.call('nevent_switch_tenant', { tenantId }))).toMatchObject({ type: 'not_found', code: 'tenant_not_found', param: 'tenantId', message: expect.stringContaining(`Tenant "${tenantId}" is not available to this account`) });
    }
    // A name where the id belongs.
    expect(failure(await h.call('nevent_switch_tenant', { tenantId: 'child a' }))).toMatchObject({ code: 'invalid_request', param: 'tenantId', message: expect.stringContaining('Names are not ids: "child a" is the name of tenant "tenant-a". Pass tenantId: "tenant-a"') });
    expect(failure(await h.call('nevent_switch_tenant', { tenantId: 'Acme Lisbon' }))).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('names are not ids, use an id from nevent_list_tenants') });
    expect(ok(await h.call('nevent_get_active_tenant')).active_tenant_id).toBe('tenant-root');
  });

  it('nevent_reset_tenant: back home, or no_home_tenant without one', async () => {
    h = await connect('READ_ONLY', { activeTenantId: 'tenant-a' });
    expect(ok(await h.call('nevent_reset_tenant'))).toMatchObject({ success: true, active_tenant_id: 'tenant-root', switched_to_tenant_id: 'tenant-root', previous_tenant_id: 'tenant-a' });
    await h.close();
    h = await connect('READ_ONLY', { homeTenantId: null, activeTenantId: 'tenant-a' });
    expect(failure(await h.call('nevent_reset_tenant'))).toMatchObject({ type: 'invalid_request', code: 'no_home_tenant' });
    expect(ok(await h.call('nevent_get_active_tenant')).active_tenant_id).toBe('tenant-a');
  });
});

describe('segment tools', () => {
  it('nevent_list_segments: summaries of the active tenant, search, limit and cursor', async () => {
    h = await connect('READ_ONLY', { activeTenantId: 'tenant-a' });
    const page = ok(await h.call('nevent_list_segments', { limit: 1 }));
    expect(page).toMatchObject({ count: 1, tenant_id: 'tenant-a', next_cursor: '1' });
    const [first] = page.segments as Record<string, unknown>[];
    expect(first).toMatchObject({ name: 'tenant-a segment 1', stanza_count: 1, estimated_count: 100, status: 'ACTIVE', modified_at: '2026-01-01T00:00:00.000Z' });
    expect(first).not.toHaveProperty('definition');
    expect(ok(await h.call('nevent_list_segments', { cursor: '1' })).count).toBe(1);
    expect(ok(await h.call('nevent_list_segments', { search: 'SEGMENT 2' })).count).toBe(1);
  });

  it('nevent_get_segment: the definition, and not_found for another tenant\'s segment', async () => {
    h = await connect();
    const id = h.session.segments.get('tenant-root')![0]!.id;
    const segment = ok(await h.call('nevent_get_segment', { segment_id: id }));
    expect(segment).toMatchObject({ id, tenant_id: 'tenant-root', description: null, created_at: '2026-01-01T00:00:00.000Z', modified_at: '2026-01-01T00:00:00.000Z' });
    expect(segment.definition).toEqual({ stanzas: [{ id: 's1', criteria: [{ id: 'c1', criterion_id: 'country', operator: 'is', value: ['ES'] }] }] });
    const foreign = h.session.segments.get('tenant-a')![0]!.id;
    expect(failure(await h.call('nevent_get_segment', { segment_id: foreign }))).toMatchObject({ type: 'not_found', code: 'not_found', param: 'segment_id' });
  });

  it('nevent_create_segment and nevent_update_segment (STANDARD): write to the active tenant; no version input', async () => {
    h = await connect('STANDARD', { activeTenantId: 'tenant-a' });
    const created = ok(await h.call('nevent_create_segment', { name: '  VIP fans ', definition, description: 'Top buyers' }));
    const segment = created.segment as { id: string; name: string; tenant_id: string; description: string };
    expect(created.tenant_id).toBe('tenant-a');
    expect(segment).toMatchObject({ name: 'VIP fans', tenant_id: 'tenant-a', description: 'Top buyers', status: 'ACTIVE' });
    const updated = ok(await h.call('nevent_update_segment', { segment_id: segment.id, name: 'VIPs' }));
    expect(updated.segment).toMatchObject({ name: 'VIPs' });
    // `version` is gone from the contract; like any unknown key from a client it is ignored, not obeyed.
    expect(ok(await h.call('nevent_update_segment', { segment_id: segment.id, name: 'x', version: 1 })).segment).toMatchObject({ name: 'x' });
    expect(failure(await h.call('nevent_update_segment', { segment_id: segment.id })).code).toBe('validation_failed');
    expect(failure(await h.call('nevent_create_segment', { name: '', definition })).param).toBe('name');
    // Every fan: a definition with no stanzas is valid in the tools as everywhere.
    expect(ok(await h.call('nevent_create_segment', { name: 'Everyone', definition: { stanzas: [] } })).segment).toMatchObject({ name: 'Everyone', definition: { stanzas: [] } });
  });

  it('nevent_segment_preview and nevent_segmentation_criteria answer for the active tenant', async () => {
    h = await connect();
    expect(ok(await h.call('nevent_segment_preview', { definition }))).toEqual({ estimated_fan_count: 42, sample_fans: [{ fan_id: 'fan-1', first_name: 'Ana' }], tenant_id: 'tenant-root' });
    expect(failure(await h.call('nevent_segment_preview', { definition: { stanzas: [{ criteria: [] }] } })).code).toBe('validation_failed');
    const criteria = ok(await h.call('nevent_segmentation_criteria'));
    expect(criteria).toEqual({ tenant_id: 'tenant-root', criteria: [{ id: 'country', type: 'profile_property', label: 'Country', operators: ['is', 'is_not', 'is_set', 'is_not_set'], value_type: 'ENTITY', options: [{ value: 'ES', label: 'Spain' }] }] });
  });
});

describe('campaign, analytics and paid-media tools', () => {
  it('nevent_list_campaigns: upstream\'s filters reach the session; campaigns as the list found them', async () => {
    h = await connect('READ_ONLY', { activeTenantId: 'tenant-a' });
    const all = ok(await h.call('nevent_list_campaigns'));
    expect(all).toMatchObject({ count: 2, tenant_id: 'tenant-a' });
    expect((all.campaigns as unknown[])[1]).toEqual({ id: 'tenant-a-c2', name: 'Reminder', status: 'DRAFT', channel: 'SMS', created_at: '2026-01-02T00:00:00.000Z' });
    expect(ok(await h.call('nevent_list_campaigns', { status: 'EXECUTED' })).count).toBe(1);
    expect(ok(await h.call('nevent_list_campaigns', { channel: 'WHATSAPP' })).count).toBe(0);
    expect(ok(await h.call('nevent_list_campaigns', { limit: 1 })).count).toBe(1);
    expect(failure(await h.call('nevent_list_campaigns', { date_from: 'yesterday' })).param).toBe('date_from');
    expect(failure(await h.call('nevent_list_campaigns', { sort: 'size' })).param).toBe('sort');
    h.session.failNext = new CoreError('not_available', 'no campaigns table');
    expect(failure(await h.call('nevent_list_campaigns'))).toMatchObject({ type: 'api_error', code: 'not_available' });
  });

  it('nevent_analytics_capabilities and nevent_paid_ads_status', async () => {
    h = await connect();
    // A summary (the real answer is ~865 KB), and one table in detail on request.
    expect(ok(await h.call('nevent_analytics_capabilities'))).toEqual({ tenant_id: 'tenant-root', tables: [{ name: 'campaigns', description: 'Sent campaigns', timeField: 'executed_at', fieldCount: 1 }], count: 1, hint: expect.stringContaining('table') });
    expect(ok(await h.call('nevent_analytics_capabilities', { table: 'campaigns' }))).toEqual({ tenant_id: 'tenant-root', table: { name: 'campaigns', description: 'Sent campaigns', timeField: 'executed_at', tenantField: null, fieldCount: 1, fields: [{ name: 'status', type: 'STRING', description: null }] } });
    expect(failure(await h.call('nevent_analytics_capabilities', { table: 'tickets' }))).toMatchObject({ code: 'not_found', param: 'table' });
    expect(ok(await h.call('nevent_paid_ads_status', { provider: 'meta' }))).toEqual({ connected: true, provider: 'meta', account_id: 'act_1', account_name: null, last_sync_at: null, tenant_id: 'tenant-root' });
    expect(h.session.calls).toContain('paidAdsStatus:meta');
  });

  it('reports a core failure in any of them with the envelope', async () => {
    h = await connect();
    h.session.failNext = new CoreError('rate_limit_exceeded', 'Too many requests; retry in a minute.');
    expect(failure(await h.call('nevent_analytics_capabilities'))).toEqual({ type: 'rate_limit_error', code: 'rate_limit_exceeded', message: 'Too many requests; retry in a minute.' });
  });
});

describe('nevent_help', () => {
  it('answers every topic with markdown, and an overview without one', async () => {
    h = await connect();
    for (const topic of helpTopics) {
      const result = ok(await h.call('nevent_help', { topic }));
      expect(result.topic).toBe(topic);
      expect(result.guidance).toBe(guidanceFor(topic));
      expect((result.guidance as string).startsWith('# ')).toBe(true);
    }
    expect(ok(await h.call('nevent_help')).topic).toBeNull();
  });

  it('carries the seed\'s example conversation and contracts', () => {
    const tenants = guidanceFor('tenants');
    expect(tenants).toContain('nevent_switch_tenant({ tenantId: "tenant-xyz" })');
    expect(tenants).toContain('→ Response: { active_tenant_id: "tenant-abc" }');
    expect(tenants).toMatch(/SUPERADMIN.*All tenants/);
    expect(tenants).toMatch(/nothing changes/);
    expect(guidanceFor('errors')).toContain('names are not ids');
    expect(guidanceFor('tenants')).toMatch(/pass its `switched_to_tenant_id` on every later call/);
    expect(guidanceFor('segments')).toContain('AND');
  });
});
