/**
 * MCP Apps on the bridge (src-main/mcp/apps/): a host that declares `io.modelcontextprotocol/ui` with our
 * MIME type sees each linked tool's view (`_meta.ui.resourceUri`, at most 80 bytes more per tool), can list
 * and read the four `ui://` views, and gets the operation mode in a linked answer's `_meta`; every other
 * client, in both eras, gets exactly the definitions and answers a server without views gives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RESOURCE_MIME_TYPE } from '@modelcontextprotocol/ext-apps/server';
import { appViews, operationModeMetaKey, viewLinkBudgetBytes } from '../../../src-shared/app-views';
import type { AppViewSource } from '../../../src-main/mcp/apps/view-html';
import { builtAppViews, viewIdPlaceholder } from '../../../src-main/mcp/apps/view-html';
import { allTools } from '../../../src-main/mcp/tools';
import { connect, ok, type Harness } from './harness';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A stand-in for the built page: small, with the placeholder the build leaves. */
const page = `<!doctype html><html><head><meta name="nevent-view" content="${viewIdPlaceholder}"></head><body></body></html>`;
const views: AppViewSource = { available: () => true, html: (view) => page.replace(viewIdPlaceholder, view) };
const noViews: AppViewSource = { available: () => false, html: () => '' };

const linked = new Set(appViews.flatMap((view) => view.tools));
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');
type Listed = { name: string; _meta?: { ui?: { resourceUri?: string } } };

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});
async function start(...args: Parameters<typeof connect>): Promise<Harness> {
  const h = await connect(...args);
  open.push(h);
  return h;
}

describe.each(['modern', 'legacy'] as const)('MCP Apps views (%s client)', (era) => {
  it('links each listed tool to its view for a host that renders them, within 80 bytes per tool', async () => {
    const host = await start('FULL', { era, appViews: views, uiMimeTypes: [RESOURCE_MIME_TYPE] });
    const plain = await start('FULL', { era, appViews: views });
    const seen = (await host.listTools()).tools as Listed[];
    const before = (await plain.listTools()).tools as Listed[];
    expect(seen.map((t) => t.name)).toEqual(before.map((t) => t.name));
    for (const [i, tool] of seen.entries()) {
      const view = appViews.find((v) => v.tools.includes(tool.name));
      if (view === undefined) {
        expect(tool, tool.name).toEqual(before[i]);
        continue;
      }
      expect(tool._meta?.ui?.resourceUri, tool.name).toBe(view.uri);
      // Only the link is added: the definition is otherwise the one every client gets.
      const { _meta: _link, ...rest } = tool;
      expect(rest).toEqual(before[i]);
      expect(bytes(tool) - bytes(before[i]), tool.name).toBeLessThanOrEqual(viewLinkBudgetBytes);
    }
    expect(seen.filter((t) => t._meta?.ui !== undefined).map((t) => t.name).sort()).toEqual([...linked].sort());
  });

  it('links only what the mode lists (READ_ONLY: no create or schedule tool), and nothing for another MIME type', async () => {
    const host = await start('READ_ONLY', { era, appViews: views, uiMimeTypes: [RESOURCE_MIME_TYPE] });
    const links = ((await host.listTools()).tools as Listed[]).filter((t) => t._meta?.ui !== undefined).map((t) => t.name);
    expect(links.sort()).toEqual(['nevent_campaign_report', 'nevent_get_campaign_metrics', 'nevent_get_segment', 'nevent_list_tenants', 'nevent_quote_campaign', 'nevent_segment_preview', 'nevent_switch_tenant']);
    const other = await start('FULL', { era, appViews: views, uiMimeTypes: ['text/html;profile=something-else'] });
    expect(((await other.listTools()).tools as Listed[]).some((t) => t._meta !== undefined)).toBe(false);
  });

  it('lists and serves the four views to such a host: our MIME type, the page with its id, a CSP that allows nothing external', async () => {
    const host = await start('READ_ONLY', { era, appViews: views, uiMimeTypes: [RESOURCE_MIME_TYPE] });
    const { resources } = await host.listResources();
    expect(resources.map((r) => r.uri)).toEqual(appViews.map((v) => v.uri));
    for (const view of appViews) {
      const read = await host.readResource(view.uri);
      const content = read.contents[0] as { uri: string; mimeType: string; text: string; _meta: { ui: { csp: Record<string, string[]> } } };
      expect(content.uri).toBe(view.uri);
      expect(content.mimeType).toBe(RESOURCE_MIME_TYPE);
      expect(content.text).toContain(`<meta name="nevent-view" content="${view.id}">`);
      expect(content._meta.ui.csp).toEqual({ connectDomains: [], resourceDomains: [], frameDomains: [], baseUriDomains: [] });
    }
  });

  it('tells a linked answer its mode in _meta, with the very text and structured content a plain client gets', async () => {
    const host = await start('STANDARD', { era, appViews: views, uiMimeTypes: [RESOURCE_MIME_TYPE] });
    const plain = await start('STANDARD', { era, appViews: views });
    const mine = await host.call('nevent_list_tenants');
    const theirs = await plain.call('nevent_list_tenants');
    expect(mine._meta?.[operationModeMetaKey]).toBe('STANDARD');
    expect(mine.content).toEqual(theirs.content);
    expect(ok(mine)).toEqual(ok(theirs));
    expect(theirs._meta?.[operationModeMetaKey]).toBeUndefined();
    // A tool that links no view answers as it always did.
    expect((await host.call('nevent_help'))._meta?.[operationModeMetaKey]).toBeUndefined();
  });

  it('a client without the extension sees exactly what a server without views shows: no link, no view, the same answers', async () => {
    const plain = await start('FULL', { era, appViews: views });
    const bare = await start('FULL', { era, appViews: noViews });
    expect(JSON.stringify((await plain.listTools()).tools)).toBe(JSON.stringify((await bare.listTools()).tools));
    expect((await plain.listResources()).resources).toEqual([]);
    const answer = await plain.call('nevent_list_tenants', { search: 'acme' });
    expect(answer).toEqual(await bare.call('nevent_list_tenants', { search: 'acme' }));
    expect(answer._meta?.[operationModeMetaKey]).toBeUndefined();
  });

  it('links nothing when the views are not built, even for a host that renders them', async () => {
    const host = await start('FULL', { era, appViews: noViews, uiMimeTypes: [RESOURCE_MIME_TYPE] });
    expect(((await host.listTools()).tools as Listed[]).some((t) => t._meta !== undefined)).toBe(false);
    expect((await host.call('nevent_list_tenants'))._meta?.[operationModeMetaKey]).toBeUndefined();
  });
});

describe('the views table', () => {
  it('links only tools the bridge has, each to one view', () => {
    const names = new Set(allTools.map((t) => t.name));
    for (const view of appViews) for (const tool of view.tools) expect(names.has(tool), tool).toBe(true);
    expect(linked.size).toBe(appViews.reduce((n, v) => n + v.tools.length, 0));
  });
});

describe('builtAppViews', () => {
  it('serves the built page with the view id in place, and says it is unavailable when there is no page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nc-views-'));
    try {
      const file = join(dir, 'view.html');
      expect(builtAppViews(file).available()).toBe(false);
      writeFileSync(file, page);
      const source = builtAppViews(file);
      expect(source.available()).toBe(true);
      expect(source.html('report')).toContain('content="report"');
      expect(builtAppViews(null).available()).toBe(false);
      writeFileSync(file, '<html></html>');
      expect(() => builtAppViews(file).html('tenants')).toThrow(/placeholder/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
