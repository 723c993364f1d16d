/**
 * Toolsets (src-main/mcp/toolsets.ts, enable-tools.ts): a conversation lists the domains the person chose
 * plus the ones it turned on itself; `nevent_enable_tools` lists the rest and turns one on (announced with
 * tools/list_changed); a tool of a domain that is off answers `toolset_not_enabled` naming the domain and
 * how to turn it on, without running; the operation mode applies on top. Both protocol eras, a fake session.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ToolsetsSetting } from '../../../src-main/app/toolsets-setting';
import { serverInstructions } from '../../../src-main/mcp/guidance';
import { fixedToolsets } from '../../../src-main/mcp/toolsets';
import { allTools, toolsByDomain } from '../../../src-main/mcp/tools';
import { isToolAllowed } from '../../../src-shared/tool-access';
import { defaultToolDomains, toolDomains, type ToolDomain } from '../../../src-shared/tool-domains';
import type { OperationMode } from '../../../src-shared/session';
import { connect, failure, ok, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The names `mode` lists with `domains` on, in tools/list order (without the on-demand tool). */
const listedIn = (mode: OperationMode, domains: readonly ToolDomain[]): string[] => allTools.filter((tool) => domains.includes(tool.domain) && isToolAllowed(mode, tool.access)).map((tool) => tool.name);

/** A counter of list-changed notifications; `next()` resolves at the next one. */
function heard(): { onToolsChanged: () => void; next: () => Promise<void>; count: () => number } {
  let count = 0;
  let waiters: Array<() => void> = [];
  return {
    onToolsChanged: () => {
      count += 1;
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    },
    next: () => new Promise<void>((resolve) => waiters.push(resolve)),
    count: () => count,
  };
}

const names = async (harness: Harness): Promise<string[]> => (await harness.listTools()).tools.map((tool) => tool.name);

describe('what a conversation lists', () => {
  it('the default set: its domains’ tools the mode allows, then nevent_enable_tools naming the domains that are off', async () => {
    h = await connect('READ_ONLY', { toolsets: fixedToolsets(defaultToolDomains) });
    const { tools } = await h.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([...listedIn('READ_ONLY', defaultToolDomains), 'nevent_enable_tools']);
    const description = tools.at(-1)?.description ?? '';
    for (const off of ['analytics', 'paid-media', 'templates', 'short-urls', 'media']) expect(description).toContain(`\n- ${off}: `);
    for (const on of defaultToolDomains) expect(description).not.toContain(`- ${on}: `);
  });

  it('every domain on: exactly the full toolset of the mode, and no on-demand tool (it would have nothing to offer)', async () => {
    for (const mode of ['READ_ONLY', 'FULL'] as const) {
      h = await connect(mode, { toolsets: fixedToolsets(toolDomains) });
      expect(await names(h)).toEqual(listedIn(mode, toolDomains));
      await h.close();
    }
    h = undefined;
  });

  it('every domain has a tool each mode lists (so what is listed says which domains are on, and the on-demand tool’s description follows the list)', () => {
    for (const mode of ['READ_ONLY', 'STANDARD', 'FULL'] as const) {
      for (const domain of toolDomains) expect(toolsByDomain[domain].some((tool) => isToolAllowed(mode, tool.access)), `${domain} in ${mode}`).toBe(true);
    }
  });

  it('tells the model in the instructions that the on-demand tool exists, only when a domain is off', () => {
    const some = serverInstructions('READ_ONLY', { on: defaultToolDomains, off: ['analytics', 'media'] });
    expect(some).toContain('nevent_enable_tools lists the others (analytics, media)');
    expect(some).toContain('toolset_not_enabled');
    expect(serverInstructions('READ_ONLY')).not.toContain('nevent_enable_tools');
  });
});

describe('a tool of a domain that is off', () => {
  it.each(['modern', 'legacy'] as const)('%s: answers toolset_not_enabled naming the domain and both ways to turn it on, and runs nothing', async (era) => {
    h = await connect('READ_ONLY', { era, toolsets: fixedToolsets(defaultToolDomains) });
    const before = h.session.calls.length;
    const refused = failure(await h.call('nevent_list_images', { tenant_id: 'tn-acme' }));
    expect(refused).toMatchObject({ type: 'invalid_request', code: 'toolset_not_enabled', param: 'domain' });
    expect(refused.message).toContain('media tools');
    expect(refused.message).toContain('nevent_enable_tools({"domain": "media"})');
    expect(refused.message).toContain('MCP panel → Tools the AI sees');
    expect(h.session.calls.length).toBe(before);
    expect(h.audit.entries().at(-1)).toMatchObject({ name: 'nevent_list_images', result: 'toolset_not_enabled' });
  });

  it('the mode is checked first: a write the mode refuses says which mode it needs, whether or not its domain is on', async () => {
    h = await connect('READ_ONLY', { toolsets: fixedToolsets(defaultToolDomains) });
    expect(failure(await h.call('nevent_upload_image', { source: 'https://example.com/a.png' })).code).toBe('operation_not_permitted');
    expect(failure(await h.call('nevent_create_segment', { name: 'x', definition: { stanzas: [] } })).code).toBe('operation_not_permitted');
  });
});

describe('nevent_enable_tools', () => {
  it.each(['modern', 'legacy'] as const)('%s: without a domain, lists the domains that are off with one line each', async (era) => {
    h = await connect('READ_ONLY', { era, toolsets: fixedToolsets(['tenants']) });
    const answer = ok(await h.call('nevent_enable_tools'));
    expect((answer.off as Array<{ domain: string; about: string }>).map((entry) => entry.domain)).toEqual(toolDomains.filter((domain) => domain !== 'tenants'));
    expect((answer.off as Array<{ about: string }>).every((entry) => entry.about.length > 10)).toBe(true);
    expect(answer.enabled).toBeNull();
  });

  it.each(['modern', 'legacy'] as const)('%s: turns a domain on for this conversation: announced, listed, and its tools run by name', async (era) => {
    const changes = heard();
    h = await connect('READ_ONLY', { era, toolsets: fixedToolsets(defaultToolDomains), onToolsChanged: changes.onToolsChanged });
    const announced = changes.next();
    const answer = ok(await h.call('nevent_enable_tools', { domain: 'Paid_Media' }));
    expect(answer).toMatchObject({ enabled: 'paid-media', already_on: false, needs_other_mode: [] });
    expect((answer.listed as Array<{ name: string }>).map((tool) => tool.name)).toEqual(listedIn('READ_ONLY', ['paid-media']));
    await announced;
    const listed = await names(h);
    expect(listed).toEqual([...listedIn('READ_ONLY', [...defaultToolDomains, 'paid-media']), 'nevent_enable_tools']);
    const description = (await h.listTools()).tools.find((tool) => tool.name === 'nevent_enable_tools')?.description ?? '';
    expect(description).not.toContain('paid-media');
    // Called by name, as a client that never re-read the list would: it runs; a domain still off does not.
    expect(ok(await h.call('nevent_paid_ads_status', { provider: 'meta' })).tenant_id).toBeDefined();
    expect(failure(await h.call('nevent_list_images', {})).code).toBe('toolset_not_enabled');
    expect(ok(await h.call('nevent_enable_tools', { domain: 'paid-media' })).already_on).toBe(true);
    expect(changes.count()).toBe(1);
  });

  it('in Read only, says which of the domain’s tools need another mode (they stay unlisted)', async () => {
    h = await connect('READ_ONLY', { toolsets: fixedToolsets(defaultToolDomains) });
    const answer = ok(await h.call('nevent_enable_tools', { domain: 'media' }));
    expect(answer.listed).toEqual([{ name: 'nevent_list_images', title: expect.any(String) }]);
    expect(answer.needs_other_mode).toEqual([{ name: 'nevent_upload_image', mode: 'Standard' }, { name: 'nevent_delete_image', mode: 'Full' }]);
    expect(await names(h)).not.toContain('nevent_upload_image');
    expect(failure(await h.call('nevent_delete_image', { urls: ['https://cdn.example/a.png'] })).code).toBe('operation_not_permitted');
  });

  it('refuses a name that is no domain, naming the valid ones, and changes nothing', async () => {
    h = await connect('READ_ONLY', { toolsets: fixedToolsets(defaultToolDomains) });
    const before = await names(h);
    const refused = failure(await h.call('nevent_enable_tools', { domain: 'everything' }));
    expect(refused).toMatchObject({ code: 'validation_failed', param: 'domain' });
    expect(refused.message).toContain('paid-media');
    expect(await names(h)).toEqual(before);
  });

  it('is one conversation’s: another conversation on the same toolsets still has the domain off', async () => {
    const choice = fixedToolsets(defaultToolDomains);
    h = await connect('READ_ONLY', { toolsets: choice });
    const other = await connect('READ_ONLY', { toolsets: choice });
    try {
      ok(await h.call('nevent_enable_tools', { domain: 'analytics' }));
      expect(await names(h)).toContain('nevent_analytics_capabilities');
      expect(await names(other)).not.toContain('nevent_analytics_capabilities');
      expect(failure(await other.call('nevent_analytics_capabilities', {})).code).toBe('toolset_not_enabled');
    } finally {
      await other.close();
    }
  });
});

describe('the person’s choice', () => {
  it.each(['modern', 'legacy'] as const)('%s: a change reaches the open conversation as tools/list_changed, and a change that lists the same tools is not announced', async (era) => {
    const setting = new ToolsetsSetting(defaultToolDomains);
    const changes = heard();
    h = await connect('READ_ONLY', { era, toolsets: setting, onToolsChanged: changes.onToolsChanged });
    let announced = changes.next();
    setting.set([...defaultToolDomains, 'analytics'], 'app');
    await announced;
    expect(await names(h)).toEqual([...listedIn('READ_ONLY', [...defaultToolDomains, 'analytics']), 'nevent_enable_tools']);
    expect(ok(await h.call('nevent_analytics_capabilities', {})).tenant_id).toBeDefined();

    announced = changes.next();
    setting.set(toolDomains, 'app');
    await announced;
    expect(await names(h)).toEqual(listedIn('READ_ONLY', toolDomains));
    expect(setting.set([...toolDomains].reverse(), 'app')).toBe(false);
    expect(changes.count()).toBe(2);
  });
});
