/**
 * `nevent-companion mcp --demo` over real stdio: the built CLI is spawned and driven by the MCP SDK's
 * Client, against the embedded demo API it starts in-process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, spawnCliClient, tokenPattern } from './cli-helpers';
import type { CliClient } from './cli-helpers';
import { failure, ok } from './envelope-assert';
import { contractToolNames } from '../../helpers/contract-tools';
import { allTools as productTools } from '../../../src-main/mcp/tools';
import { isToolAllowed } from '../../../src-shared/tool-access';

const allTools = contractToolNames;

beforeAll(async () => {
  await ensureCliBuilt();
}, 120_000);

describe('nevent-companion mcp --demo --toolsets all (stdio, owner, READ_ONLY)', () => {
  let c: CliClient;
  beforeAll(async () => {
    c = await spawnCliClient(['mcp', '--demo', '--toolsets', 'all']);
  });
  afterAll(async () => {
    await c.close();
  });

  it('lists the tools READ_ONLY allows with their input schema and annotations (no output schemas: the context budget)', async () => {
    const { tools } = await c.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(allTools.filter((name) => isToolAllowed('READ_ONLY', productTools.find((t) => t.name === name)?.access ?? 'destructive')).sort());
    expect(tools.map((t) => t.name)).not.toContain('nevent_create_segment');
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema).toBeUndefined();
      expect(typeof tool.annotations?.readOnlyHint).toBe('boolean');
    }
    expect(c.client.getInstructions()).toMatch(/nevent_list_tenants/);
  });

  it('runs the seed example conversation: list → switch → campaigns in the new tenant → reset → home', async () => {
    const listed = ok(await c.call('nevent_list_tenants'));
    expect(listed.home_tenant_id).toBe('tn-acme');
    expect(listed.active_tenant_id).toBe('tn-acme');
    const ids = (listed.tenants as { id: string }[]).map((t) => t.id);
    expect(ids).toContain('tn-acme-es');

    const switched = ok(await c.call('nevent_switch_tenant', { tenantId: 'tn-acme-es' }));
    expect(switched).toMatchObject({ success: true, active_tenant_id: 'tn-acme-es', home_tenant_id: 'tn-acme' });

    // Campaigns come from the data API's analytics table of the tenant now in effect.
    const campaigns = ok(await c.call('nevent_list_campaigns'));
    expect(campaigns.tenant_id).toBe('tn-acme-es');
    expect((campaigns.campaigns as unknown[]).length).toBeGreaterThan(0);
    for (const campaign of campaigns.campaigns as Record<string, unknown>[]) expect(campaign).toMatchObject({ id: expect.any(String), name: expect.stringContaining('Acme Spain') });

    const reset = ok(await c.call('nevent_reset_tenant'));
    expect(reset).toMatchObject({ success: true, active_tenant_id: 'tn-acme' });
    expect(ok(await c.call('nevent_get_active_tenant')).active_tenant_id).toBe('tn-acme');

    const help = ok(await c.call('nevent_help', { topic: 'tenants' }));
    expect(help.guidance).toContain('nevent_switch_tenant({ tenantId: "tenant-xyz" })');
  });

  it('refuses switches to INVITED, SUSPENDED and unknown tenants and leaves the session where it was', async () => {
    ok(await c.call('nevent_switch_tenant', { tenant_id: 'tn-acme-fr' }));
    // INVITED, SUSPENDED, unknown and another account's: the same neutral answer (the API's names none of them here).
    for (const tenantId of ['tn-acme-lyon', 'tn-acme-porto', 'tn-does-not-exist', 'tn-globex']) {
      const refused = failure(await c.call('nevent_switch_tenant', { tenantId }));
      expect(refused).toMatchObject({ type: 'not_found', code: 'tenant_not_found', param: 'tenantId' });
      expect(refused.message).toBe(`Tenant "${tenantId}" is not available to this account: it does not exist, or the account may not use it. Nothing was done. nevent_list_tenants lists the tenants it can use, with their status (only ACTIVE ones work).`);
    }
    // A tenant's name where the id belongs: the id it names.
    expect(failure(await c.call('nevent_switch_tenant', { tenantId: 'Acme France' })).message).toContain('Names are not ids: "Acme France" is the name of tenant "tn-acme-fr"');

    const active = ok(await c.call('nevent_get_active_tenant'));
    expect(active.active_tenant_id).toBe('tn-acme-fr');
    // What the API said of it, nothing made up: no status (active), no role, no slug.
    expect(active.tenant).toEqual({ id: 'tn-acme-fr', name: 'Acme France', parent_id: 'tn-acme', level: 2 });
    expect(ok(await c.call('nevent_list_segments')).tenant_id).toBe('tn-acme-fr');
    ok(await c.call('nevent_reset_tenant'));
  });

  it('runs a call that names tenant_id in that tenant (the active tenant stays), refuses unreachable ones, and writes in READ_ONLY', async () => {
    expect(ok(await c.call('nevent_list_segments', { tenant_id: 'tn-acme-es' })).tenant_id).toBe('tn-acme-es');
    expect(ok(await c.call('nevent_get_active_tenant')).active_tenant_id).toBe('tn-acme');
    expect(ok(await c.call('nevent_list_segments', { tenant_id: 'tn-acme' })).tenant_id).toBe('tn-acme');
    expect(failure(await c.call('nevent_list_segments', { tenant_id: 'tn-globex-de' }))).toMatchObject({ code: 'tenant_not_found', param: 'tenant_id' });
    expect(failure(await c.call('nevent_list_segments', { tenant_id: 'tn-nope' }))).toMatchObject({ type: 'not_found', param: 'tenant_id' });
    const refused = failure(await c.call('nevent_create_segment', { name: 'Nope', definition: { stanzas: [] } }));
    expect(refused).toMatchObject({ type: 'invalid_request', code: 'operation_not_permitted' });
  });

  it('answers every read tool with the tenant it came from, and keeps tokens out of results and stderr', async () => {
    const results = [
      await c.call('nevent_list_tenants'),
      await c.call('nevent_list_segments', { limit: 5 }),
      await c.call('nevent_segmentation_criteria'),
      await c.call('nevent_analytics_capabilities'),
      await c.call('nevent_paid_ads_status', { provider: 'meta' }),
      await c.call('nevent_list_campaigns', { status: 'EXECUTED', limit: 3 }),
    ];
    for (const result of results.slice(1)) expect(ok(result).tenant_id).toBe('tn-acme');
    const segments = ok(results[1]!).segments as { id: string }[];
    const one = ok(await c.call('nevent_get_segment', { segment_id: segments[0]!.id }));
    expect(one.tenant_id).toBe('tn-acme');
    const preview = ok(await c.call('nevent_segment_preview', { definition: one.definition }));
    expect(typeof preview.estimated_fan_count).toBe('number');
    expect(JSON.stringify(results)).not.toMatch(tokenPattern);
    expect(c.stderr()).not.toMatch(tokenPattern);
  });
});

describe('nevent-companion mcp --demo: role visibility per demo user', () => {
  const cases = [
    { user: 'superadmin', home: 'tn-nevent', check: (ids: string[]) => expect(ids).toEqual(expect.arrayContaining(['tn-nevent', 'tn-acme', 'tn-globex', 'tn-initech', 'tn-solo-studio'])) },
    // Acme's tenants, its Spanish promoter group (tn-ole…) among them.
    { user: 'owner', home: 'tn-acme', check: (ids: string[]) => expect(ids.every((id) => id.startsWith('tn-acme') || id.startsWith('tn-ole')) && ids.includes('tn-ole-logrono')).toBe(true) },
    { user: 'admin', home: 'tn-globex-de', check: (ids: string[]) => expect(ids).toEqual(['tn-globex-de']) },
    { user: 'staff', home: 'tn-globex-uk', check: (ids: string[]) => expect(ids).toEqual(['tn-globex-uk', 'tn-globex-london', 'tn-globex-manchester']) },
    { user: 'solo', home: 'tn-solo-studio', check: (ids: string[]) => expect(ids).toEqual(['tn-solo-studio']) },
  ];
  for (const { user, home, check } of cases) {
    it(`${user} sees what the role allows`, async () => {
      const c = await spawnCliClient(['mcp', '--demo', '--demo-user', user]);
      try {
        const listed = ok(await c.call('nevent_list_tenants'));
        const ids = (listed.tenants as { id: string }[]).map((t) => t.id);
        check(ids);
        expect(listed.count).toBe(ids.length);
        expect(listed.home_tenant_id).toBe(home);
        expect(listed.active_tenant_id).toBe(home);
        // The solo user's token carries no role: none is made up.
        expect(listed.role).toBe(user === 'solo' ? null : user.toUpperCase());
        if (user === 'owner') {
          const statuses = Object.fromEntries((listed.tenants as { id: string; status?: string }[]).map((t) => [t.id, t.status]));
          expect(statuses).toMatchObject({ 'tn-acme': 'ACTIVE', 'tn-acme-lyon': 'INVITED', 'tn-acme-porto': 'SUSPENDED', 'tn-acme-madrid-arena': undefined });
          // A model's search folds case and accents as the window's does: "LOGRONO" finds Logroño.
          const found = ok(await c.call('nevent_list_tenants', { search: 'LOGRONO' }));
          expect((found.tenants as { id: string; name: string }[]).map((t) => t.name)).toEqual(['Auditorio de Logroño']);
        }
        if (user === 'admin') expect(failure(await c.call('nevent_switch_tenant', { tenantId: 'tn-globex' })).code).toMatch(/tenant_forbidden|tenant_not_found/);
      } finally {
        await c.close();
      }
    });
  }
});

describe('nevent-companion mcp --demo --mode STANDARD', () => {
  it('allows creating and updating segments, answering with the tenant they were written to', async () => {
    const c = await spawnCliClient(['mcp', '--demo', '--mode', 'STANDARD']);
    try {
      ok(await c.call('nevent_switch_tenant', { tenantId: 'tn-acme-pt' }));
      const criteria = ok(await c.call('nevent_segmentation_criteria')).criteria as { id: string; operators: string[]; value_type: string; options?: { value: string }[] }[];
      const entity = criteria.find((cr) => cr.value_type === 'ENTITY' && (cr.options?.length ?? 0) > 0)!;
      const definition = { stanzas: [{ criteria: [{ criterion_id: entity.id, operator: 'is', value: [entity.options![0]!.value] }] }] };
      const created = ok(await c.call('nevent_create_segment', { name: 'MCP test segment', definition, tenant_id: 'tn-acme-pt' }));
      expect(created.tenant_id).toBe('tn-acme-pt');
      const segment = created.segment as { id: string; status: string; tenant_id: string; definition: { stanzas: { id: string; criteria: { id: string }[] }[] } };
      // Created usable (ACTIVE), with the ids the data API requires on every stanza and criterion.
      expect(segment).toMatchObject({ tenant_id: 'tn-acme-pt', status: 'ACTIVE' });
      expect(segment.definition.stanzas[0]?.id).toMatch(/\S/);
      expect(segment.definition.stanzas[0]?.criteria[0]?.id).toMatch(/\S/);
      const preview = ok(await c.call('nevent_segment_preview', { definition: segment.definition }));
      expect(preview.estimated_fan_count).toBeGreaterThan(0);
      const updated = ok(await c.call('nevent_update_segment', { segment_id: segment.id, name: 'Renamed' }));
      expect((updated.segment as { name: string }).name).toBe('Renamed');
      // Every fan: a definition with no stanzas is accepted by the tools and the API alike.
      expect(ok(await c.call('nevent_update_segment', { segment_id: segment.id, definition: { stanzas: [] } })).segment).toMatchObject({ definition: { stanzas: [] } });
    } finally {
      await c.close();
    }
  });
});
