/**
 * Class coverage over `allTools` (upstream once broke production twice on this): every tool has
 * a known domain and class, the class agrees with the annotations a client shows, and each operation mode
 * refuses exactly what it must — through a real MCP client, so a tool added to any domain is covered.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isToolAllowed, type ToolAccess } from '../../../src-main/mcp/operation-mode';
import type { AnyToolSpec } from '../../../src-main/mcp/tool';
import { allTools, toolsByDomain } from '../../../src-main/mcp/tools';
import { toolDomains, type ToolDomain } from '../../../src-shared/tool-domains';
import type { OperationMode } from '../../../src-shared/session';
import { connect, failure, type Harness } from './harness';

/**
 * The class of every tool this bridge may offer, as upstream's registry assigns it, with one deliberate
 * difference: switch and reset are `tenant` (allowed in every mode, so a conversation can always get back). Sending a test email is
 * WRITE as upstream has it, and still asks the person first (it emails real inboxes). A tool missing here
 * fails the suite.
 */
const expectedClass: Record<string, [ToolDomain, ToolAccess]> = {
  nevent_list_tenants: ['tenants', 'read'],
  nevent_get_active_tenant: ['tenants', 'read'],
  nevent_switch_tenant: ['tenants', 'tenant'],
  nevent_reset_tenant: ['tenants', 'tenant'],
  nevent_list_segments: ['audiences', 'read'],
  nevent_get_segment: ['audiences', 'read'],
  nevent_create_segment: ['audiences', 'write'],
  nevent_update_segment: ['audiences', 'write'],
  nevent_segment_preview: ['audiences', 'read'],
  nevent_segmentation_criteria: ['audiences', 'read'],
  nevent_segment_execute: ['audiences', 'read'],
  nevent_dimension_values: ['audiences', 'read'],
  nevent_list_campaigns: ['campaigns', 'read'],
  nevent_get_campaign: ['campaigns', 'read'],
  nevent_get_campaign_metrics: ['campaigns', 'read'],
  nevent_list_campaign_recipients: ['campaigns', 'read'],
  nevent_create_campaign: ['campaigns', 'write'],
  nevent_schedule_campaign: ['campaigns', 'destructive'],
  nevent_quote_campaign: ['campaigns', 'read'],
  nevent_analytics_capabilities: ['analytics', 'read'],
  nevent_analytics_query: ['analytics', 'read'],
  nevent_analytics_table_schema: ['analytics', 'read'],
  nevent_analytics_filter_values: ['analytics', 'read'],
  nevent_campaign_report: ['analytics', 'read'],
  nevent_paid_ads_status: ['paid-media', 'read'],
  nevent_paid_ads_health: ['paid-media', 'read'],
  nevent_list_paid_campaigns: ['paid-media', 'read'],
  nevent_get_paid_campaign_insights: ['paid-media', 'read'],
  nevent_paid_attribution: ['paid-media', 'read'],
  nevent_list_paid_ad_groups: ['paid-media', 'read'],
  nevent_get_paid_ad_group_insights: ['paid-media', 'read'],
  nevent_get_paid_ad_group_comparative_stats: ['paid-media', 'read'],
  nevent_get_paid_ad_group_targeting: ['paid-media', 'read'],
  nevent_list_paid_ads: ['paid-media', 'read'],
  nevent_get_paid_ad_creative: ['paid-media', 'read'],
  nevent_create_template: ['templates', 'write'],
  nevent_update_template: ['templates', 'write'],
  nevent_clone_template: ['templates', 'write'],
  nevent_rename_template: ['templates', 'write'],
  nevent_preview_template: ['templates', 'read'],
  nevent_send_test_template: ['templates', 'write'],
  nevent_list_short_urls: ['short-urls', 'read'],
  nevent_get_short_url: ['short-urls', 'read'],
  nevent_get_short_url_metrics: ['short-urls', 'read'],
  nevent_get_short_url_campaign_metrics: ['short-urls', 'read'],
  nevent_get_short_url_clicks: ['short-urls', 'read'],
  nevent_list_short_url_user_links: ['short-urls', 'read'],
  nevent_list_short_url_destinations: ['short-urls', 'read'],
  nevent_create_short_url: ['short-urls', 'write'],
  nevent_update_short_url: ['short-urls', 'write'],
  nevent_create_bulk_user_short_urls: ['short-urls', 'write'],
  nevent_upload_image: ['media', 'write'],
  nevent_list_images: ['media', 'read'],
  nevent_delete_image: ['media', 'destructive'],
  nevent_help: ['help', 'read'],
};

const accesses: readonly ToolAccess[] = ['read', 'tenant', 'write', 'destructive'];
const modes: readonly OperationMode[] = ['READ_ONLY', 'STANDARD', 'FULL'];

/** What is wrong with one tool's classification, as sentences (empty when nothing is). */
function classProblems(tool: AnyToolSpec): string[] {
  const problems: string[] = [];
  const access = tool.access as ToolAccess | undefined;
  if (access === undefined || !accesses.includes(access)) problems.push(`has no class (access ${String(access)})`);
  const expected = expectedClass[tool.name];
  if (expected === undefined) problems.push('is not in the class table');
  else {
    if (expected[0] !== tool.domain) problems.push(`is in domain ${tool.domain}, expected ${expected[0]}`);
    if (expected[1] !== access) problems.push(`has class ${String(access)}, expected ${expected[1]}`);
  }
  const { readOnlyHint, destructiveHint, openWorldHint } = tool.annotations;
  for (const [hint, value] of Object.entries({ readOnlyHint, destructiveHint, openWorldHint })) {
    if (typeof value !== 'boolean') problems.push(`lacks ${hint}`);
  }
  if (tool.title.trim() === '') problems.push('has no title');
  if (readOnlyHint !== (access === 'read')) problems.push(`says readOnlyHint ${String(readOnlyHint)} with class ${String(access)}`);
  if (access === 'read' && destructiveHint === true) problems.push('is read yet destructiveHint');
  if (access === 'destructive' && destructiveHint !== true) problems.push('is destructive without destructiveHint');
  if (access === 'destructive' && tool.confirmation === undefined) problems.push('is destructive without a confirmation sentence');
  if (tool.confirmation !== undefined && destructiveHint !== true) problems.push('asks the person first without destructiveHint');
  return problems;
}

describe('class coverage over allTools', () => {
  it('every tool has a domain and a class that agree with the table and with its annotations', () => {
    const problems = allTools.flatMap((tool) => classProblems(tool).map((problem) => `${tool.name} ${problem}`));
    expect(problems).toEqual([]);
    expect(new Set(allTools.map((tool) => tool.name)).size).toBe(allTools.length);
  });

  it('each tool sits in the index of the domain it names, and every domain is indexed', () => {
    expect(Object.keys(toolsByDomain).sort()).toEqual([...toolDomains].sort());
    for (const domain of toolDomains) {
      for (const tool of toolsByDomain[domain]) expect(tool.domain, tool.name).toBe(domain);
    }
  });

  it('finds what it exists to find: a tool without a class, a lying hint, a destructive tool without confirmation', () => {
    const base = allTools.find((tool) => tool.name === 'nevent_list_segments');
    expect(base).toBeDefined();
    const broken = (patch: Partial<AnyToolSpec>): AnyToolSpec => ({ ...(base as AnyToolSpec), ...patch });
    expect(classProblems(broken({ access: undefined as unknown as ToolAccess }))).toContain('has no class (access undefined)');
    expect(classProblems(broken({ annotations: { ...base?.annotations, readOnlyHint: false } }))).toContain('says readOnlyHint false with class read');
    expect(classProblems(broken({ name: 'nevent_delete_image', domain: 'media', access: 'destructive', annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true } }))).toEqual(['is destructive without a confirmation sentence']);
    expect(classProblems(broken({ name: 'nevent_made_up' }))).toEqual(['is not in the class table']);
    expect(classProblems(broken({ domain: 'media' }))).toEqual(['is in domain media, expected audiences']);
  });
});

describe('operation modes over allTools, through a real client', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it.each(modes)('%s lists exactly the tools it allows and refuses the others, before running anything', async (mode) => {
    h = await connect(mode);
    const listed = (await h.listTools()).tools.map((tool) => tool.name);
    expect(listed).toEqual(allTools.filter((tool) => isToolAllowed(mode, tool.access)).map((tool) => tool.name));
    const wrong: string[] = [];
    for (const tool of allTools) {
      const before = h.session.calls.length;
      const result = await h.call(tool.name, {});
      const refused = result.isError === true && failure(result).code === 'operation_not_permitted';
      const mustRefuse = !isToolAllowed(mode, tool.access);
      if (refused !== mustRefuse) wrong.push(`${tool.name} (${tool.access}) ${refused ? 'refused' : 'let through'}`);
      if (refused && h.session.calls.length !== before) wrong.push(`${tool.name} reached the session although refused`);
    }
    expect(wrong).toEqual([]);
  });

  it('the mode table itself: READ_ONLY only read and tenant, STANDARD adds write, FULL adds destructive', () => {
    const allowed = (mode: OperationMode): ToolAccess[] => accesses.filter((access) => isToolAllowed(mode, access));
    expect(allowed('READ_ONLY')).toEqual(['read', 'tenant']);
    expect(allowed('STANDARD')).toEqual(['read', 'tenant', 'write']);
    expect(allowed('FULL')).toEqual(['read', 'tenant', 'write', 'destructive']);
  });
});
