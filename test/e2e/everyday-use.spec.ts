/**
 * Everyday use, against a `serve --demo` of its own (so it can be frozen and stopped):
 * an "every fan" segment saved from the editor, an AI session's segment writes showing live in the
 * list and the detail, the audit log answering "what did the AI try?", and the window saying when the
 * core is gone and recovering by itself. Screenshots at 1280×800 and 900×700 in both themes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { expect, test, type Page } from '@playwright/test';
import type { ScopedSegment, SegmentList } from '../../src-shared/ipc';
import { serveForThisFile } from './helpers/file-serve';
import { callServe } from './helpers/serve-api';
import { SocketClientTransport } from './helpers/socket-transport';
import { openUi, snap, snapSizes } from './helpers/ui';

test.describe.configure({ mode: 'serial' });

const { serve, target } = serveForThisFile();

// `serve --demo` starts signed in as the demo owner, at the organization picker.
async function chooseAcmeGroup(page: Page): Promise<void> {
  expect(await openUi(page, serve.uiUrl)).toBe('picker');
  await page.getByRole('tree', { name: 'Tenants' }).getByRole('treeitem', { name: 'Acme Group' }).click();
  await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Group');
}

test('segments, the AI and the audit log', async ({ page }) => {
  await chooseAcmeGroup(page);

  await test.step('an empty audit says so', async () => {
    await page.getByRole('button', { name: /^MCP/ }).click();
    await expect(page.getByText('No tool calls yet.', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: 'Segments', exact: true }).click();
  });

  await test.step('a segment with no conditions ("every fan") is saved from the editor', async () => {
    await page.getByRole('button', { name: 'New segment' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Everyone (e2e)');
    await page.getByRole('button', { name: 'Remove group 1' }).click();
    const builder = page.getByRole('group', { name: 'Conditions' });
    await expect(builder.getByTestId('every-fan')).toContainText('Every fan of Acme Group');
    await expect(builder.getByRole('button', { name: '+ Add a condition' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Preview' })).toHaveText(/≈ [\d,]+ fans match/);
    await snapSizes(page, '20-every-fan-editor');
    await page.getByRole('button', { name: 'Create segment' }).click();
    await expect(page.getByRole('heading', { name: 'Everyone (e2e)' })).toBeVisible();
    await expect(page.getByTestId('every-fan')).toContainText('Every fan of the tenant');
    const list = await callServe<SegmentList>('segments.list', {}, target());
    const saved = list.segments.find((s) => s.name === 'Everyone (e2e)');
    expect(saved?.id).toBeDefined();
    const read = await callServe<ScopedSegment>('segments.get', { segmentId: saved?.id }, target());
    expect(read.segment.definition).toEqual({ stanzas: [] });
  });

  const client = new Client({ name: 'e2e-assistant', version: '2.1.0' });
  await client.connect(new SocketClientTransport(serve.socketPath));
  try {
    await test.step('the person allows writes; the audit says who changed the mode', async () => {
      await page.getByRole('button', { name: /^MCP/ }).click();
      await page.getByRole('radio', { name: /^Standard/ }).check();
      const audit = page.getByRole('table', { name: 'Audit entries' });
      const mode = audit.getByRole('row').filter({ hasText: 'Changed the operation mode' });
      await expect(mode).toContainText('Read only → Standard');
      await expect(mode).toContainText('You');
      await page.getByRole('button', { name: 'Segments', exact: true }).click();
    });

    await test.step("an AI session's segment writes show live in the list and the detail", async () => {
      const created = await client.callTool({ name: 'nevent_create_segment', arguments: { name: 'Picked by the AI', description: 'Fans the assistant picked, a private note', definition: { stanzas: [] } } });
      expect(created.isError).toBeFalsy();
      const segmentId = (created.structuredContent as { segment: { id: string } }).segment.id;
      const list = page.getByRole('list', { name: 'Segments of Acme Group' });
      const row = list.getByRole('button', { name: /Picked by the AI/ });
      await expect(row).toBeVisible();
      await row.click();
      await expect(page.getByRole('heading', { name: 'Picked by the AI' })).toBeVisible();
      const renamed = await client.callTool({ name: 'nevent_update_segment', arguments: { segment_id: segmentId, name: 'Picked by the AI (renamed)', confirmed: true } });
      expect(renamed.isError).toBeFalsy();
      await expect(list.getByRole('button', { name: /Picked by the AI \(renamed\)/ })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Picked by the AI (renamed)' })).toBeVisible();
    });

    await test.step('the audit log: one row per call, where a switch went, what was asked', async () => {
      expect((await client.callTool({ name: 'nevent_switch_tenant', arguments: { tenantId: 'tn-acme-madrid' } })).isError).toBeFalsy();
      expect((await client.callTool({ name: 'nevent_list_segments', arguments: { search: 'vip', limit: 5 } })).isError).toBeFalsy();
      // A tenant outside the owner's tree: refused, and still logged with what was asked.
      expect((await client.callTool({ name: 'nevent_switch_tenant', arguments: { tenantId: 'tn-globex' } })).isError).toBe(true);
      await page.getByRole('button', { name: /^MCP/ }).click();
      const audit = page.getByRole('table', { name: 'Audit entries' });
      const switches = audit.getByRole('row').filter({ hasText: 'nevent_switch_tenant' });
      await expect(switches).toHaveCount(2);
      const ok = switches.filter({ hasText: 'Switched tenant' });
      await expect(ok).toContainText('Acme Group → Acme Madrid');
      await expect(ok).toContainText('tenantId: tn-acme-madrid');
      await expect(ok).toContainText('e2e-assistant');
      const refused = switches.filter({ hasText: 'Tried to switch tenant' });
      await expect(refused).toContainText('tenantId: tn-globex');
      await expect(refused).toContainText('Acme Madrid → tn-globex');
      const listed = audit.getByRole('row').filter({ hasText: 'nevent_list_segments' });
      await expect(listed).toContainText('List segments');
      await expect(listed).toContainText('search: vip');
      await expect(listed).toContainText('limit: 5');
      await expect(listed).toContainText('Acme Madrid');
      await expect(listed).toContainText('Audiences · nevent_list_segments');
      await expect(ok).toContainText('Tenants · nevent_switch_tenant');
      const create = audit.getByRole('row').filter({ hasText: 'nevent_create_segment' });
      await expect(create).toContainText('name: Picked by the AI');
      await expect(create).toContainText('description: (text, ');
      await expect(create).toContainText('definition: every fan (no conditions)');
      await expect(audit).not.toContainText('private note');
      await audit.scrollIntoViewIfNeeded();
      await snapSizes(page, '21-audit-log');
      // The action filter finds a call by its title as well as its tool name.
      await page.getByLabel('Filter by tool name').fill('list segments');
      await page.getByLabel('Filter by tool name').press('Enter');
      await expect(audit.getByRole('row').filter({ hasText: 'nevent_switch_tenant' })).toHaveCount(0);
      await expect(listed).toBeVisible();
      await page.getByLabel('Filter by tool name').fill('');
      await page.getByLabel('Filter by tool name').press('Enter');
      // The domain filter: only the tenant tools' calls.
      await page.getByLabel('Filter by domain').selectOption({ label: 'Tenants' });
      await expect(switches).toHaveCount(2);
      await expect(listed).toHaveCount(0);
      await page.getByLabel('Filter by domain').selectOption({ label: 'All domains' });
      await expect(listed).toBeVisible();
      await page.getByRole('radio', { name: /^Read only/ }).check();
    });
  } finally {
    await client.close();
  }
});

test('the window says when the core is gone and comes back by itself', async ({ page }) => {
  expect(await openUi(page, serve.uiUrl)).toBe('app');
  const banner = page.getByRole('alert').filter({ hasText: 'Disconnected — reconnecting…' });
  await expect(banner).toHaveCount(0);
  // A frozen core: the connection stays open but nothing comes through it (no heartbeat).
  process.kill(serve.pid, 'SIGSTOP');
  try {
    await expect(banner).toBeVisible({ timeout: 20_000 });
    // The last known state stays readable, dimmed, and takes no input until the core is back.
    await expect(page.locator('.screen.offline')).toHaveAttribute('inert', '');
    await snapSizes(page, '22-disconnected');
  } finally {
    process.kill(serve.pid, 'SIGCONT');
  }
  await expect(banner).toBeHidden({ timeout: 20_000 });
  // Live again: a change made elsewhere shows.
  await callServe('tenants.switch', { tenantId: 'tn-acme-es' }, target());
  await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Spain');
});

test('search, colours, the multi-select, the theme and the account menu', async ({ page }) => {
  // After the tests above the window is in the app; run alone, it starts at the picker.
  if ((await openUi(page, serve.uiUrl)) === 'picker') await page.getByRole('tree', { name: 'Tenants' }).getByRole('treeitem', { name: 'Acme Group' }).click();
  await callServe('tenants.switch', { tenantId: 'tn-acme-es' }, target());
  await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Spain');

  await test.step('the segment search marks what matched', async () => {
    await page.getByRole('textbox', { name: 'Search segments' }).or(page.getByRole('searchbox', { name: 'Search segments' })).fill('fans');
    const list = page.getByRole('list', { name: 'Segments of Acme Spain' });
    await expect(list.locator('mark').first()).toHaveText(/fans/i);
    await page.getByRole('searchbox', { name: 'Search segments' }).fill('');
  });

  await test.step('tenants shown together have different colours', async () => {
    await page.getByRole('button', { name: 'Switch tenant…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Switch tenant' });
    const hueOf = async (name: string): Promise<string> =>
      // A row's name starts with the tenant's name, then its badges: "Acme Spain, Owner".
      dialog.getByRole('treeitem', { name: new RegExp(`^${name}(,|$)`) }).locator('.tenant-swatch').first().evaluate((el) => getComputedStyle(el).getPropertyValue('--tenant-hue').trim());
    const hues = await Promise.all(['Acme Group', 'Acme Spain', 'Acme Madrid', 'Acme Barcelona', 'Acme Valencia'].map(hueOf));
    expect(hues[0]).not.toBe(hues[2]); // Acme Group and Acme Madrid
    expect(hues[3]).not.toBe(hues[4]); // Barcelona and Valencia
    expect(new Set(hues.slice(2)).size).toBe(3); // Spain's cities
    await page.keyboard.press('Escape');
  });

  await test.step('values are chosen in a searchable multi-select with chips, by keyboard too', async () => {
    await page.getByRole('button', { name: 'New segment' }).click();
    await page.getByLabel('Criterion 1.1').selectOption({ label: 'City' });
    await page.getByLabel('Operator 1.1').selectOption('is');
    const box = page.getByRole('combobox', { name: 'Value 1.1' });
    await box.fill('val');
    await expect(page.getByRole('listbox', { name: 'Value 1.1 choices' }).getByRole('option')).toHaveCount(1);
    await box.press('Enter');
    await box.fill('bar');
    await box.press('Enter');
    await expect(page.getByRole('button', { name: 'Remove Valencia' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove Barcelona' })).toBeVisible();
    await box.fill('');
    await box.press('Backspace');
    await expect(page.getByRole('button', { name: 'Remove Barcelona' })).toHaveCount(0);
    await box.fill('ma');
    await snapSizes(page, '23-multi-select');
    await box.press('Escape');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  await test.step('the theme is a setting (system, light, dark), kept by main', async () => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dark = page.getByRole('radio', { name: /^Dark/ });
    await expect(page.getByRole('radio', { name: /^System/ })).toBeChecked();
    await dark.check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect.poll(async () => (await callServe<{ theme?: string }>('settings.get', undefined, target())).theme).toBe('dark');
    // The OS says light; the chosen theme wins.
    await page.emulateMedia({ colorScheme: 'light' });
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());
    expect(background).toBe('#15181d');
    await page.screenshot({ path: 'test-results/screenshots/24-theme-dark-chosen.png' });
    // Kept across a reload: main answers it at start.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('radio', { name: /^System/ }).check();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  });

  await test.step('a settings change from elsewhere (another window, a hand edit) shows at once', async () => {
    await callServe('settings.update', { theme: 'dark' }, target());
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('radio', { name: /^Dark/ })).toBeChecked();
    await callServe('settings.update', { theme: 'system' }, target());
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  });

  await test.step('AI upload folders: a wrong path is refused with the reason and kept in the box; a real folder is listed and can be removed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nc-e2e-uploads-'));
    try {
      const section = page.getByRole('region', { name: 'AI uploads' });
      await expect(section).toContainText('No folder yet');
      const box = section.getByLabel('Add a folder');
      await box.fill('Pictures/campaigns');
      await section.getByRole('button', { name: 'Add folder' }).click();
      await expect(section.getByRole('alert')).toContainText('The folder was not added: "Pictures/campaigns" is not a full path');
      await expect(box).toHaveValue('Pictures/campaigns');
      await box.fill(folder);
      await section.getByRole('button', { name: 'Add folder' }).click();
      await expect(section.getByRole('list', { name: 'Upload folders' })).toContainText(folder);
      await expect(box).toHaveValue('');
      await expect(section.getByRole('alert')).toHaveCount(0);
      expect((await callServe<{ uploadFolders?: string[] }>('settings.get', undefined, target())).uploadFolders).toEqual([folder]);
      await section.evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await snapSizes(page, '26-upload-folders');
      await section.getByRole('button', { name: `Remove ${folder}` }).click();
      await expect(section).toContainText('No folder yet');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  await test.step('sign out is in the account menu', async () => {
    const account = page.getByRole('button', { name: 'Account: owner@demo.nevent.local' });
    await account.click();
    const menu = page.getByRole('menu', { name: 'Account' });
    await expect(menu.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
    await snap(page, '25-account-menu');
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(account).toBeFocused();
    await account.click();
    await menu.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to Nevent' })).toBeVisible();
  });

  await test.step('the sign-in form: an error belongs to its method, the data API placeholder is its own host', async () => {
    await page.getByRole('radio', { name: 'Email and password' }).check();
    await page.getByLabel('API URL', { exact: true }).fill('http://127.0.0.1:9');
    await page.getByRole('textbox', { name: 'Email' }).fill('nobody@example.com');
    await page.getByLabel('Password', { exact: true }).fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.locator('.sign-in-card .form-error');
    await expect(error).not.toBeEmpty();
    await expect(page.getByLabel(/^Data API URL/)).toHaveAttribute('placeholder', 'https://data.nevent.es');
    await page.getByRole('radio', { name: 'Demo server' }).check();
    await expect(error).toBeEmpty();
    await page.getByRole('radio', { name: 'owner', exact: true }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Choose an organization' })).toBeVisible();
  });
});
