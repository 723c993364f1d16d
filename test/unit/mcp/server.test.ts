import { afterEach, describe, expect, it } from 'vitest';
import { ToolErrorEnvelopeSchema } from '../../../src-main/mcp/envelope';
import { CoreError } from '../../../src-main/core/tenant-session';
import { fakeSecretToken } from '../../helpers/fake-tenant-session';
import { connect, failure, ok } from './harness';
import type { Harness } from './harness';
import { contractToolNames } from '../../helpers/contract-tools';

const expectedTools = contractToolNames;
const scoped = ['nevent_list_segments', 'nevent_get_segment', 'nevent_create_segment', 'nevent_update_segment', 'nevent_segment_preview', 'nevent_segmentation_criteria', 'nevent_list_campaigns', 'nevent_analytics_capabilities', 'nevent_paid_ads_status'];
const definition = { stanzas: [{ criteria: [{ criterion_id: 'country', operator: 'is', value: ['ES'] }] }] };

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('MCP server factory', () => {
  it('lists every DESIGN §4 tool with input and output schemas, annotations and instructions', async () => {
    h = await connect();
    const { tools } = await h.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expectedTools);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.description?.length).toBeGreaterThan(60);
      expect(typeof tool.annotations?.readOnlyHint).toBe('boolean');
      expect(Object.keys(tool.inputSchema.properties ?? {}).includes('tenant_id')).toBe(scoped.includes(tool.name) || tool.name === 'nevent_switch_tenant');
    }
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get('nevent_list_segments')?.annotations?.readOnlyHint).toBe(true);
    expect(byName.get('nevent_create_segment')?.annotations?.readOnlyHint).toBe(false);
    expect(byName.get('nevent_update_segment')?.annotations?.destructiveHint).toBe(true);
    expect(byName.get('nevent_get_segment')?.inputSchema.required).toEqual(['segment_id']);
    expect(h.client.getInstructions()).toContain('nevent_switch_tenant');
    expect(h.client.getInstructions()).toContain('Operation mode when you connected: READ_ONLY');
    expect(h.client.getServerVersion()?.name).toBe('nevent-companion');
  });

  it('passes the client name and version from initialize to the session', async () => {
    h = await connect();
    expect(h.session.snapshot().clientName).toBe('test-client');
    expect(h.session.snapshot().clientVersion).toBe('9.9.9');
  });

  it('refuses write tools in READ_ONLY with operation_not_permitted, without calling the session', async () => {
    h = await connect('READ_ONLY');
    const created = failure(await h.call('nevent_create_segment', { name: 'x', definition }));
    expect(created).toMatchObject({ type: 'invalid_request', code: 'operation_not_permitted' });
    const updated = failure(await h.call('nevent_update_segment', { segment_id: '000000000000000000000001', name: 'y' }));
    expect(updated.code).toBe('operation_not_permitted');
    expect(h.session.calls).toEqual([]);
    // Tenant tools work in every mode.
    expect(ok(await h.call('nevent_switch_tenant', { tenantId: 'tenant-a' })).active_tenant_id).toBe('tenant-a');
    expect(ok(await h.call('nevent_reset_tenant')).active_tenant_id).toBe('tenant-root');
  });

  it('allows create and update in STANDARD and FULL', async () => {
    for (const mode of ['STANDARD', 'FULL'] as const) {
      h = await connect(mode);
      const created = ok(await h.call('nevent_create_segment', { name: 'Fans', definition }));
      expect(created.tenant_id).toBe('tenant-root');
      await h.close();
    }
    h = await connect('STANDARD');
  });

  it('fails with tenant_mismatch when tenant_id is not the active tenant, and does nothing', async () => {
    h = await connect('STANDARD');
    const error = failure(await h.call('nevent_list_segments', { tenant_id: 'tenant-a' }));
    expect(error).toMatchObject({ type: 'invalid_request', code: 'tenant_mismatch', param: 'tenant_id' });
    expect(failure(await h.call('nevent_create_segment', { name: 'x', definition, tenant_id: 'tenant-a' })).code).toBe('tenant_mismatch');
    expect(h.session.calls).toEqual([]);
    expect(ok(await h.call('nevent_list_segments', { tenant_id: 'tenant-root' })).tenant_id).toBe('tenant-root');
  });

  it('answers invalid arguments with the envelope (validation_failed and the param)', async () => {
    h = await connect();
    const error = failure(await h.call('nevent_get_segment', { segment_id: 'not an id' }));
    expect(error).toMatchObject({ type: 'invalid_request', code: 'validation_failed', param: 'segment_id' });
    expect(failure(await h.call('nevent_paid_ads_status', { provider: 'myspace' })).param).toBe('provider');
    expect(failure(await h.call('nevent_switch_tenant', {})).param).toBe('tenantId');
    expect(failure(await h.call('nevent_help', { topic: 'nope' })).code).toBe('validation_failed');
  });

  it('maps core errors to the envelope and never lets a token through', async () => {
    h = await connect();
    h.session.failNext = new CoreError('refresh_failed', 'Your sign-in expired.');
    expect(failure(await h.call('nevent_list_segments'))).toEqual({ type: 'authentication_error', code: 'refresh_failed', message: 'Your sign-in expired.' });
    h.session.leakTokenInNextError = true;
    const result = await h.call('nevent_list_campaigns');
    expect(JSON.stringify(result)).not.toContain(fakeSecretToken);
    expect(failure(result).code).toBe('api_error');
    h.session.failNext = new Error(`boom ${fakeSecretToken}`);
    const unexpected = failure(await h.call('nevent_list_segments'));
    expect(unexpected.code).toBe('internal_error');
    expect(unexpected.message).not.toContain(fakeSecretToken);
  });

  it('survives fuzzed input: unknown keys, __proto__, wrong types, huge strings', async () => {
    h = await connect();
    ok(await h.call('nevent_list_segments', { bogus: 1, nested: { deep: [1, 2] } }));
    ok(await h.call('nevent_list_tenants', JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}') as Record<string, unknown>));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(failure(await h.call('nevent_list_segments', { search: 'x'.repeat(1_000_000) })).code).toBe('validation_failed');
    expect(failure(await h.call('nevent_list_segments', { limit: 'ten' })).code).toBe('validation_failed');
    expect(failure(await h.call('nevent_switch_tenant', { tenantId: '../../etc/passwd' })).code).toBe('validation_failed');
    expect(failure(await h.call('nevent_segment_preview', { definition: { stanzas: 'all' } })).param).toBe('definition.stanzas');
    await expect(h.call('nevent_no_such_tool')).rejects.toThrow(/Unknown tool/);
    // Still serving.
    expect(ok(await h.call('nevent_get_active_tenant')).active_tenant_id).toBe('tenant-root');
  });

  it('every error result has exactly the envelope shape', async () => {
    h = await connect();
    const results = [
      await h.call('nevent_create_segment', { name: 'x', definition }),
      await h.call('nevent_switch_tenant', { tenantId: 'tenant-b' }),
      await h.call('nevent_switch_tenant', { tenantId: 'tenant-unknown' }),
      await h.call('nevent_get_segment', { segment_id: 'ffffffffffffffffffffffff' }),
      await h.call('nevent_list_segments', { tenant_id: 'tenant-a' }),
    ];
    for (const result of results) {
      expect(result.isError).toBe(true);
      expect(result.structuredContent).toBeUndefined();
      const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
      expect(ToolErrorEnvelopeSchema.strict().safeParse(JSON.parse(text)).success).toBe(true);
    }
  });
});
