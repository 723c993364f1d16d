import { afterEach, describe, expect, it } from 'vitest';
import { ToolErrorEnvelopeSchema } from '../../../src-main/mcp/envelope';
import { CoreError } from '../../../src-main/core/common/core-error';
import { fakeSecretToken } from '../../helpers/fake-tenant-session';
import { serverInstructions } from '../../../src-main/mcp/guidance';
import { tenantIdDescription } from '../../../src-main/mcp/server';
import { connect, failure, ok } from './harness';
import type { Harness } from './harness';
import { contractToolNames } from '../../helpers/contract-tools';
import { allTools } from '../../../src-main/mcp/tools';

const expectedTools = contractToolNames;
/** The tools that run in no tenant (every other one takes `tenant_id`; the switch takes it as its target). */
const unscoped = ['nevent_list_tenants', 'nevent_get_active_tenant', 'nevent_reset_tenant', 'nevent_help'];
const definition = { stanzas: [{ criteria: [{ criterion_id: 'country', operator: 'is', value: ['ES'] }] }] };

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('MCP server factory', () => {
  it('lists every tool (FULL mode) with its input schema, title, annotations as written and instructions', async () => {
    h = await connect('FULL');
    const { tools } = await h.listTools();
    expect(tools.map((t) => t.name)).toEqual(expectedTools);
    const specs = new Map(allTools.map((spec) => [spec.name, spec]));
    for (const tool of tools) {
      const spec = specs.get(tool.name);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.description?.length).toBeGreaterThan(60);
      expect((tool as { title?: string }).title, tool.name).toBe(spec?.title);
      for (const hint of ['readOnlyHint', 'destructiveHint', 'openWorldHint'] as const) {
        expect(typeof tool.annotations?.[hint], `${tool.name} ${hint}`).toBe('boolean');
        expect(tool.annotations?.[hint], `${tool.name} ${hint}`).toBe(spec?.annotations[hint]);
      }
      expect(Object.keys(tool.inputSchema.properties ?? {}).includes('tenant_id'), tool.name).toBe(!unscoped.includes(tool.name));
    }
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get('nevent_list_segments')?.annotations?.readOnlyHint).toBe(true);
    expect(byName.get('nevent_create_segment')?.annotations?.readOnlyHint).toBe(false);
    expect(byName.get('nevent_update_segment')?.annotations?.destructiveHint).toBe(true);
    expect(byName.get('nevent_get_segment')?.inputSchema.required).toEqual(['segment_id']);
  });

  it('describes tenant_id with one shared line and teaches it in the instructions', async () => {
    h = await connect();
    const { tools } = await h.listTools();
    const lines = new Set(tools.flatMap((t) => (t.name === 'nevent_switch_tenant' ? [] : [((t.inputSchema.properties as Record<string, { description?: string }> | undefined)?.tenant_id?.description)].filter((d) => d !== undefined))));
    expect([...lines]).toEqual([tenantIdDescription]);
    const instructions = serverInstructions('READ_ONLY');
    expect(instructions).toMatch(/Pass tenant_id on every such call/);
    expect(instructions).toContain('switched_to_tenant_id');
    expect(instructions).toContain('Operation mode when you connected: Read only');
    expect(instructions).toContain('MCP panel → Operation mode');
  });

  it('passes the client name and version to the session: from each request (2026-07-28) or initialize (2025-11-25)', async () => {
    for (const era of ['modern', 'legacy'] as const) {
      h = await connect('READ_ONLY', { era });
      ok(await h.call('nevent_get_active_tenant'));
      expect(h.session.snapshot().clientName).toBe('test-client');
      expect(h.session.snapshot().clientVersion).toBe('9.9.9');
      await h.close();
    }
    h = await connect();
  });

  it('reads the operation mode on every call: a change applies to the open connection at once', async () => {
    let mode: 'READ_ONLY' | 'STANDARD' = 'READ_ONLY';
    h = await connect('READ_ONLY', { modeSource: { get: () => mode } });
    expect(failure(await h.call('nevent_create_segment', { name: 'x', definition })).code).toBe('operation_not_permitted');
    mode = 'STANDARD';
    expect(ok(await h.call('nevent_create_segment', { name: 'x', definition })).tenant_id).toBe('tenant-root');
    mode = 'READ_ONLY';
    expect(failure(await h.call('nevent_create_segment', { name: 'y', definition })).code).toBe('operation_not_permitted');
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

  it('runs a call that names tenant_id in that tenant, without moving the active tenant', async () => {
    h = await connect('STANDARD');
    expect(ok(await h.call('nevent_list_segments', { tenant_id: 'tenant-a' })).tenant_id).toBe('tenant-a');
    const created = ok(await h.call('nevent_create_segment', { name: 'x', definition, tenant_id: 'tenant-a' }));
    expect(created.tenant_id).toBe('tenant-a');
    expect(h.session.segments.get('tenant-a')?.some((s) => s.name === 'x')).toBe(true);
    expect(h.session.segments.get('tenant-root')?.some((s) => s.name === 'x')).toBe(false);
    expect(ok(await h.call('nevent_get_active_tenant')).active_tenant_id).toBe('tenant-root');
    expect(ok(await h.call('nevent_list_segments')).tenant_id).toBe('tenant-root');
    expect(h.audit.entries().filter((e) => e.name === 'nevent_list_segments').map((e) => e.tenantId)).toEqual(['tenant-a', 'tenant-root']);
  });

  it('answers an unreachable or malformed tenant_id with the envelope, and runs nothing', async () => {
    h = await connect('STANDARD');
    // A refused tenant and an unknown one are told apart by nothing: same code, same sentence but the id.
    const refused = failure(await h.call('nevent_list_segments', { tenant_id: 'tenant-b' }));
    const unknown = failure(await h.call('nevent_list_segments', { tenant_id: 'tenant-nope' }));
    expect(refused).toMatchObject({ type: 'not_found', code: 'tenant_not_found', param: 'tenant_id' });
    expect(unknown).toMatchObject({ type: 'not_found', code: 'tenant_not_found', param: 'tenant_id' });
    expect(refused.message.replace('tenant-b', 'X')).toBe(unknown.message.replace('tenant-nope', 'X'));
    expect(refused.message).not.toContain('Child B');
    expect(failure(await h.call('nevent_create_segment', { name: 'x', definition, tenant_id: '../etc' }))).toMatchObject({ type: 'invalid_request', code: 'invalid_request', param: 'tenant_id', message: expect.stringContaining('names are not ids') });
    // A tenant's name where its id belongs: the id it names.
    expect(failure(await h.call('nevent_list_segments', { tenant_id: 'Child A' }))).toMatchObject({ code: 'invalid_request', param: 'tenant_id', message: expect.stringMatching(/^Names are not ids: "Child A" is the name of tenant "tenant-a"/) });
    // Nothing ran but the tenant checks (and reading the account's own list to explain them).
    expect(h.session.calls.filter((c) => !c.startsWith('openScope:') && c !== 'listTenants')).toEqual([]);
    expect(h.session.snapshot().activeTenantId).toBe('tenant-root');
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
    expect(failure(await h.call('nevent_switch_tenant', { tenantId: '../../etc/passwd' })).code).toBe('invalid_request');
    expect(failure(await h.call('nevent_segment_preview', { definition: { stanzas: 'all' } })).param).toBe('definition.stanzas');
    const unknown = await h.call('nevent_no_such_tool').catch((error: unknown) => error);
    expect(String(unknown instanceof Error ? unknown.message : JSON.stringify(unknown))).toMatch(/nevent_no_such_tool/);
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
      await h.call('nevent_list_segments', { tenant_id: 'tenant-c' }),
      await h.call('nevent_list_segments', { tenant_id: '' }),
    ];
    for (const result of results) {
      expect(result.isError).toBe(true);
      expect(result.structuredContent).toBeUndefined();
      const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
      expect(ToolErrorEnvelopeSchema.strict().safeParse(JSON.parse(text)).success).toBe(true);
    }
  });
});
