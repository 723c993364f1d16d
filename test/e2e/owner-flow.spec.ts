/**
 * The owner's day against `serve --demo`: sign in, pick a child tenant with the keyboard, browse and
 * edit segments (including a stale edit), reset home, survive a failed switch, and watch an MCP session
 * in the panel. Screenshots of every screen in both themes go to test-results/screenshots/.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { expect, test } from '@playwright/test';
import type { AppState, ScopedSegment, SegmentList } from '../../src-shared/ipc';
import { callServe } from './helpers/serve-api';
import { SocketClientTransport } from './helpers/socket-transport';
import { chooseValues, openUi, signOutIfNeeded, snap, snapSizes } from './helpers/ui';

test.describe.configure({ mode: 'serial' });

// The owner's subtree of the demo tree (tenant-directory.ts), with the two non-ACTIVE memberships.
const ownerTenants = [
  'Acme Group',
  'Acme Spain',
  'Acme Madrid',
  'Acme Madrid Arena',
  'Acme Barcelona',
  'Acme Valencia',
  'Acme France',
  'Acme Paris',
  'Acme Lyon (invited)',
  'Acme Portugal',
  'Acme Lisbon',
  'Acme Porto (suspended)',
  // Acme's Spanish promoter group and its venues.
  'Olé Producciones',
  'Sala Málaga Centro',
  'Auditorio de Logroño',
  'Coliseo A Coruña',
  'Gran Teatro de Cádiz',
];

test('owner: sign in, pick, segments, conflict, reset, failed switch', async ({ page }) => {
  await test.step('sign in as the demo owner', async () => {
    await signOutIfNeeded(page);
    await expect(page.getByRole('radio', { name: 'Demo server' })).toBeChecked();
    await snap(page, '01-sign-in');
    await page.getByRole('radio', { name: 'owner', exact: true }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Choose an organization' })).toBeVisible();
  });

  await test.step('the picker shows exactly the owner subtree, with status reasons', async () => {
    const tree = page.getByRole('tree', { name: 'Tenants' });
    await expect(page.getByText(`${ownerTenants.length} tenants`, { exact: true })).toBeVisible();
    // The list is virtual (only the rows in view exist): read it while scrolling it through.
    const names = new Set<string>();
    await expect
      .poll(async () => {
        for (const label of await tree.getByRole('treeitem').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''))) names.add(label);
        await tree.evaluate((el) => el.scrollBy(0, el.clientHeight / 2));
        return names.size;
      })
      .toBeGreaterThanOrEqual(ownerTenants.length);
    expect([...names].sort()).toEqual([...ownerTenants].sort());
    await tree.evaluate((el) => el.scrollTo(0, 0));
    await expect(tree.getByRole('treeitem', { name: 'Acme Lyon (invited)' })).toHaveAttribute('aria-disabled', 'true');
    await expect(tree.getByText('Invitation not accepted yet', { exact: false })).toBeVisible();
    await expect(tree.getByText('Access suspended by an administrator', { exact: false })).toBeVisible();
    await snap(page, '02-org-picker');
  });

  await test.step('filter and keyboard-select a child tenant', async () => {
    const search = page.getByRole('combobox', { name: 'Search tenants by name or id' });
    await expect(search).toBeFocused();
    // A tenant with a pending invitation cannot be opened, and the picker says why.
    await page.keyboard.type('lyon');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Acme Lyon cannot be opened' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Choose an organization' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(search).toHaveValue('');
    await page.keyboard.type('madrid');
    const results = page.getByRole('listbox', { name: 'Matching tenants' });
    await expect(results.getByRole('option')).toHaveCount(2);
    await expect(results.locator('mark').first()).toHaveText(/madrid/i);
    await snap(page, '03-org-picker-filtered');
    await page.keyboard.press('ArrowDown');
    await expect(results.getByRole('option', { name: 'Acme Madrid Arena' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Madrid Arena');
    // The API sends no slug for this tenant: the header shows what exists (the id), nothing made up.
    await expect(page.getByTestId('active-tenant-slug')).toHaveCount(0);
    await expect(page.getByRole('banner', { name: 'Active tenant' })).toContainText('tn-acme-madrid-arena');
  });

  await test.step("the segment list shows that tenant's segments", async () => {
    const fromMain = await callServe<SegmentList>('segments.list', {});
    expect(fromMain.tenantId).toBe('tn-acme-madrid-arena');
    const list = page.getByRole('list', { name: 'Segments of Acme Madrid Arena' });
    await expect(list.getByRole('listitem')).toHaveCount(fromMain.segments.length);
    const shown = await list.locator('.segment-row-name').allTextContents();
    expect(shown.sort()).toEqual(fromMain.segments.map((s) => s.name).sort());
    await expect(page.getByText(`${fromMain.segments.length} segments in Acme Madrid Arena`)).toBeVisible();
    await list.getByRole('button').first().click();
    await expect(page.getByRole('list', { name: 'Definition' }).or(page.getByTestId('every-fan'))).toBeVisible();
    await snap(page, '04-segments-detail');
  });

  const name = `E2E buyers ${Date.now()}`;
  await test.step('create a segment through the builder', async () => {
    await page.getByRole('button', { name: 'New segment' }).click();
    await expect(page.getByRole('heading', { name: 'New segment' })).toBeVisible();
    await page.getByRole('button', { name: 'Create segment' }).click();
    await expect(page.getByText('Give the segment a name.')).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Criterion 1.1').selectOption({ label: 'City' });
    await page.getByLabel('Operator 1.1').selectOption('is');
    await chooseValues(page, 'Value 1.1', ['Madrid', 'Valencia']);
    await page.getByRole('button', { name: 'Add an OR condition to group 1' }).click();
    await page.getByLabel('Criterion 1.2').selectOption({ label: 'Favourite genre' });
    await chooseValues(page, 'Value 1.2', ['Rock']);
    await page.getByRole('button', { name: '+ And group' }).click();
    await page.getByLabel('Criterion 2.1').selectOption({ label: 'Age' });
    await page.getByLabel('Operator 2.1').selectOption('gt');
    await page.getByLabel('Value 2.1').fill('thirty');
    await page.getByRole('button', { name: 'Create segment' }).click();
    await expect(page.getByText('“thirty” is not a number.')).toBeVisible();
    await page.getByLabel('Value 2.1').fill('30');
    await expect(page.getByRole('status', { name: 'Preview' })).toHaveText(/≈ [\d,]+ fans match/);
    await snapSizes(page, '05-segment-builder');
    await page.getByRole('button', { name: 'Create segment' }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Segments of Acme Madrid Arena' }).getByRole('button', { name: new RegExp(name) })).toBeVisible();
    const definition = page.getByRole('list', { name: 'Definition' });
    await expect(definition).toContainText('City is Madrid or Valencia');
    await expect(definition).toContainText('Favourite genre is Rock');
    await expect(definition).toContainText('Age is greater than 30');
  });

  await test.step('edit it', async () => {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
    await page.getByLabel('Name', { exact: true }).fill(`${name} (edited)`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { name: `${name} (edited)` })).toBeVisible();
    await expect(page.getByText(/· active · changed /)).toBeVisible();
  });

  await test.step('a stale edit shows what changed on each side and re-applies mine on the latest', async () => {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(page.getByText(/editing the version of /)).toBeVisible();
    const list = await callServe<SegmentList>('segments.list', {});
    const segment = list.segments.find((s) => s.name === `${name} (edited)`);
    expect(segment?.revision).toMatch(/^m:/);
    // Someone else saves first (through main, as another window or an AI client would).
    const other = await callServe<ScopedSegment>('segments.update', { segmentId: segment?.id, baseRevision: segment?.revision, name: `${name} (changed elsewhere)`, description: 'Changed by someone else' });
    expect(other.segment.revision).not.toBe(segment?.revision);
    // The pushed list tells the open editor before any save is tried.
    await expect(page.getByRole('status').filter({ hasText: 'This segment was just changed elsewhere' })).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill(`${name} (mine)`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'This segment was changed elsewhere' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('nothing was overwritten');
    const changes = alert.getByRole('table', { name: 'What changed' });
    await expect(changes.getByRole('row', { name: /^Name/ })).toContainText(`${name} (mine)you changed`);
    await expect(changes.getByRole('row', { name: /^Name/ })).toContainText(`${name} (changed elsewhere)changed elsewhere`);
    await expect(changes.getByRole('row', { name: /^Description/ })).toContainText('Changed by someone else');
    await snap(page, '06-segment-conflict');
    const after = await callServe<ScopedSegment>('segments.get', { segmentId: segment?.id });
    expect(after.segment.name).toBe(`${name} (changed elsewhere)`);
    await page.getByRole('button', { name: 'Re-apply my changes on the latest version' }).click();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(`${name} (mine)`);
    // What I did not touch comes from the latest version.
    await expect(page.getByLabel(/^Description/)).toHaveValue('Changed by someone else');
    await expect(page.getByTestId('reapplied')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'This segment was changed elsewhere' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { name: `${name} (mine)` })).toBeVisible();
    const saved = await callServe<ScopedSegment>('segments.get', { segmentId: segment?.id });
    expect(saved.segment).toMatchObject({ name: `${name} (mine)`, description: 'Changed by someone else' });
  });

  await test.step('reset returns home', async () => {
    await page.getByRole('button', { name: 'Reset to home' }).click();
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Group');
    await expect(page.getByRole('banner', { name: 'Active tenant' }).getByText('Home', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reset to home' })).toBeDisabled();
    await expect(page.getByRole('list', { name: 'Segments of Acme Group' })).toBeVisible();
    await snap(page, '07-segments-home');
  });

  await test.step('a switch from elsewhere closes an open editor and says so', async () => {
    await page.getByRole('button', { name: 'New segment' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Never saved');
    // The tray (or another window) switches the desktop session meanwhile.
    await callServe('tenants.switch', { tenantId: 'tn-acme-es' });
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Spain');
    await expect(page.getByRole('heading', { name: 'New segment' })).toHaveCount(0);
    await expect(page.getByText(/Editor closed\. The desktop switched tenant while you were editing a segment in Acme Group; nothing was saved\./)).toBeVisible();
    await page.getByRole('button', { name: 'Reset to home' }).click();
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Group');
  });

  await test.step('a failed switch says why and keeps the old tenant', async () => {
    const account = (await callServe<AppState>('session.get')).account;
    const faults = await fetch(`${account.apiUrl}/__demo/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ failNextSwitches: { n: 1, kind: 'http_500' } }) });
    expect(faults.ok).toBe(true);
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Switch tenant' });
    await expect(dialog).toBeVisible();
    await snap(page, '08-quick-switch');
    // Pin a tenant: it shows among the pinned shortcuts (kept by main, shared with the tray).
    await dialog.getByRole('button', { name: 'Pin Acme Lisbon' }).click();
    await expect(dialog.getByRole('group', { name: 'Pinned tenants' }).getByRole('button', { name: 'Pinned: Acme Lisbon' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Unpin Acme Lisbon' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.type('paris');
    await expect(dialog.getByRole('option', { name: 'Acme Paris' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'Could not switch to Acme Paris' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('still in Acme Group');
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Group');
    await snap(page, '09-switch-failed');
    // The fault was one-shot: the same switch now works; a slow API shows the switch in progress.
    const slow = await fetch(`${account.apiUrl}/__demo/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: 1500 }) });
    expect(slow.ok).toBe(true);
    await page.getByRole('button', { name: 'Switch tenant…' }).click();
    await page.keyboard.type('paris');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Switching to Acme Paris…' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Switch tenant…' })).toBeDisabled();
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Group');
    await snap(page, '09b-switch-in-progress');
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Paris', { timeout: 20_000 });
    await fetch(`${account.apiUrl}/__demo/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: 0 }) });
    await expect(alert).toBeHidden();
    await page.getByRole('button', { name: 'Reset to home' }).click();
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Group');
  });

  await test.step('a switch the API holds can be cancelled: the tenant stays, nothing reads as a failure', async () => {
    const account = (await callServe<AppState>('session.get')).account;
    // The demo holds the next switch for two minutes (the core would give up after its 15 s timeout).
    const held = await fetch(`${account.apiUrl}/__demo/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ failNextSwitches: { n: 1, kind: 'timeout' } }) });
    expect(held.ok).toBe(true);
    await page.getByRole('button', { name: 'Switch tenant…' }).click();
    await page.keyboard.type('lisbon');
    await page.keyboard.press('Enter');
    const progress = page.getByRole('status').filter({ hasText: 'Switching to Acme Lisbon…' });
    await expect(progress).toBeVisible();
    await snap(page, '09c-switch-cancellable');
    await page.getByRole('banner', { name: 'Active tenant' }).getByRole('button', { name: 'Cancel' }).click();
    await expect(progress).toBeHidden();
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Group');
    await expect(page.getByText('Switch cancelled')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not switch' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Switch tenant…' })).toBeEnabled();
    // The next switch runs at once (the held request does not block it).
    await page.getByRole('button', { name: 'Switch tenant…' }).click();
    await page.keyboard.type('lisbon');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Lisbon');
    await page.getByRole('button', { name: 'Reset to home' }).click();
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Group');
  });
});

test('an MCP session over the socket shows in the panel with its tenant and audit entries', async ({ page }) => {
  expect(await openUi(page)).toBe('app');
  const client = new Client({ name: 'e2e-client', version: '1.0.0' });
  await client.connect(new SocketClientTransport(process.env.E2E_SOCKET as string));
  try {
    await client.callTool({ name: 'nevent_list_tenants', arguments: {} });
    const switched = await client.callTool({ name: 'nevent_switch_tenant', arguments: { tenantId: 'tn-acme-lisbon' } });
    expect(switched.isError).toBeFalsy();
    await client.callTool({ name: 'nevent_list_segments', arguments: {} });

    await page.getByRole('button', { name: /^MCP/ }).click();
    await expect(page.getByTestId('bridge-state')).toHaveText('Listening');
    await expect(page.getByTestId('bridge-socket')).toHaveText(process.env.E2E_SOCKET as string);
    const row = page.getByRole('row', { name: 'Session e2e-client 1.0.0' });
    await expect(row).toBeVisible();
    await expect(row.getByTestId('session-tenant')).toContainText('Acme Lisbon');
    await expect(row).toContainText('nevent_list_segments');
    await expect(row.getByRole('cell').nth(3)).toHaveText('3');
    // The desktop did not move: sessions are isolated.
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Group');

    const audit = page.getByRole('table', { name: 'Audit entries' });
    const listRow = audit.getByRole('row').filter({ hasText: 'nevent_list_segments' }).first();
    await expect(listRow).toContainText('e2e-client');
    await expect(listRow).toContainText('Acme Lisbon');
    await expect(audit.getByRole('row').filter({ hasText: 'nevent_switch_tenant' }).first()).toContainText('e2e-client');
    await snap(page, '10-mcp-panel');

    await page.getByLabel('Filter by tool name').fill('switch');
    await page.getByLabel('Filter by tool name').press('Enter');
    await expect(audit.getByRole('row').filter({ hasText: 'nevent_list_segments' })).toHaveCount(0);
    await expect(audit.getByRole('row').filter({ hasText: 'nevent_switch_tenant' }).first()).toBeVisible();

    // Move the session from the desktop; the client sees the new tenant.
    await row.getByLabel('Move e2e-client 1.0.0 to tenant').selectOption({ label: 'Acme Paris' });
    await row.getByRole('button', { name: 'Move' }).click();
    await expect(row.getByTestId('session-tenant')).toContainText('Acme Paris');
    const active = await client.callTool({ name: 'nevent_get_active_tenant', arguments: {} });
    expect(JSON.stringify(active.structuredContent)).toContain('tn-acme-paris');
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Group');

    // Operation mode: main's setting, mirrored back into the radio group.
    await page.getByRole('radio', { name: /^Standard/ }).check();
    await expect(page.getByRole('radio', { name: /^Standard/ })).toBeChecked();
    await expect.poll(async () => (await callServe<AppState>('session.get')).operationMode).toBe('STANDARD');

    // The tools by domain, with their class and whether the mode allows them (following the pushed mode).
    const campaigns = page.getByTestId('tool-domain-campaigns');
    await campaigns.locator('summary').click();
    await page.getByTestId('tool-domain-media').locator('summary').click();
    await expect(campaigns.getByTestId('tool-nevent_create_campaign')).toContainText('Allowed');
    await expect(campaigns.getByTestId('tool-nevent_schedule_campaign')).toContainText('Delete');
    await expect(campaigns.getByTestId('tool-nevent_schedule_campaign')).toContainText('Refused');
    await expect(page.getByTestId('tools-summary')).toContainText('standard mode');
    await page.getByTestId('tools-summary').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await snap(page, '10b-mcp-tools');
    await page.getByRole('radio', { name: /^Read only/ }).check();
    await expect(campaigns.getByTestId('tool-nevent_create_campaign')).toContainText('Refused');
    await expect(campaigns.getByTestId('tool-nevent_list_campaigns')).toContainText('Allowed');

    // Connect a client: every client `config` knows is offered; the exact change first, then the write
    // (serve runs with a throwaway HOME, where no client looks installed).
    const choices = page.getByRole('radiogroup', { name: 'MCP client' });
    await expect(choices.getByRole('radio')).toHaveCount(11);
    for (const name of ['Claude Code', 'GitHub Copilot CLI', 'Qwen Code', 'opencode']) await expect(choices.getByRole('radio', { name })).toBeVisible();
    await expect(choices).toContainText('not found here');
    await page.getByRole('radio', { name: 'Claude Desktop' }).check();
    // Claude Desktop can also take the bundle: written into the app's folder, then opened with the OS
    // (or, on a machine without a desktop to open it, the answer says where the file is).
    await page.getByRole('button', { name: 'Install the extension' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'nevent-companion.mcpb' })).toHaveText(/^(Opened .*nevent-companion\.mcpb: Claude Desktop asks you to install it\.|Saved .*nevent-companion\.mcpb, but it could not be opened \(.+\): open it with Claude Desktop\.)$/);
    await expect(page.getByLabel('Proposed file')).toContainText('nevent');
    await page.getByLabel('Proposed file').scrollIntoViewIfNeeded();
    await snap(page, '11-mcp-connect-client');
    await page.getByRole('button', { name: 'Write to Claude Desktop config' }).click();
    await expect(page.getByText(/^Written to .*claude_desktop_config\.json/)).toBeVisible();
    await expect(page.getByText('already up to date')).toBeVisible();
  } finally {
    await client.close();
  }
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
  await snap(page, '12-settings');
});
