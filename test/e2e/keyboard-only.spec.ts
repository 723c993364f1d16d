/**
 * The window driven by the keyboard alone, against a `serve --demo` of its own: sign in, pick a tenant,
 * open and edit a segment (Enter in the name does not save; Ctrl+S does), switch tenant with unsaved
 * edits (asked: keeping them stays, discarding them switches), then the MCP panel and its audit log,
 * scrolled by keys. The only thing not typed is set-up over the API: signing out first and the MCP calls
 * that fill the audit log.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { serveForThisFile } from './helpers/file-serve';
import { callServe } from './helpers/serve-api';
import { SocketClientTransport } from './helpers/socket-transport';

const { serve, target } = serveForThisFile();

/** Presses Tab until `wanted` has the focus (a person tabbing through the window); fails after `max` presses. */
async function tabTo(page: Page, wanted: Locator, max = 150): Promise<void> {
  const focused = (): Promise<boolean> => wanted.evaluate((el) => el === document.activeElement).catch(() => false);
  for (let presses = 0; presses < max; presses += 1) {
    if (await focused()) return;
    await page.keyboard.press('Tab');
  }
  await expect(wanted).toBeFocused();
}

test('keyboard only: sign in, pick, edit and save with Ctrl+S, switch with unsaved edits, scroll the audit log, dialogs by keys', async ({ page }) => {
  test.setTimeout(240_000);
  await callServe('account.signOut', undefined, target());
  await page.goto(serve.uiUrl);
  await expect(page.getByRole('heading', { name: 'Sign in to Nevent' })).toBeVisible({ timeout: 20_000 });

  await test.step('sign in as the demo owner', async () => {
    // Started --demo: the demo server comes first, and its first user is chosen with the arrow keys.
    await tabTo(page, page.getByRole('radio', { name: 'Demo server' }));
    await expect(page.getByRole('radio', { name: 'Demo server' })).toBeChecked();
    await page.keyboard.press('Tab');
    const owner = page.getByRole('radio', { name: 'owner', exact: true });
    for (let i = 0; i < 5 && !(await owner.isChecked()); i += 1) await page.keyboard.press('ArrowDown');
    await expect(owner).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Sign in' }));
    await page.keyboard.press('Enter');
  });

  await test.step('pick a tenant: the focus lands on its name in the header', async () => {
    await expect(page.getByRole('heading', { name: 'Choose an organization', level: 1 })).toBeVisible();
    const search = page.getByRole('combobox', { name: 'Search tenants by name or id' });
    await expect(search).toBeFocused();
    await page.keyboard.type('madrid arena');
    await expect(page.getByRole('tree', { name: 'Matching tenants' }).getByRole('treeitem', { name: /^Acme Madrid Arena/ })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    const name = page.getByTestId('active-tenant-name');
    await expect(name).toHaveText('Acme Madrid Arena');
    await expect(name).toBeFocused();
  });

  let edited = '';
  await test.step('open a segment, edit it; Enter does not save, Ctrl+S does', async () => {
    const firstRow = page.locator('.segment-row').first();
    await expect(firstRow).toBeVisible();
    await tabTo(page, firstRow);
    await page.keyboard.press('Enter');
    const heading = page.locator('#segment-detail-title');
    await expect(heading).toBeVisible();
    const original = (await heading.textContent()) ?? '';
    await tabTo(page, page.locator('.segment-detail').getByRole('button', { name: 'Edit' }));
    await page.keyboard.press('Enter');
    // The editor opens on its name field.
    const nameField = page.getByRole('textbox', { name: 'Name', exact: true });
    await expect(nameField).toBeFocused();
    await page.keyboard.press('End');
    await page.keyboard.type(' by keys');
    edited = `${original} by keys`;
    await page.keyboard.press('Enter');
    // Still editing, and nothing was written.
    await expect(nameField).toHaveValue(edited);
    const listed = await callServe<{ segments: Array<{ id: string; name: string }> }>('segments.list', {}, target());
    expect(listed.segments.map((s) => s.name)).not.toContain(edited);
    await page.keyboard.press('Control+s');
    await expect(heading).toHaveText(edited);
    const after = await callServe<{ segments: Array<{ id: string; name: string }> }>('segments.list', {}, target());
    expect(after.segments.map((s) => s.name)).toContain(edited);
    // Back in the detail, the focus is on the segment's name (the Save button it was on is gone).
    await expect(heading).toBeFocused();
  });

  await test.step('switch tenant with unsaved edits: asked; keeping stays, discarding switches', async () => {
    await tabTo(page, page.locator('.segment-detail').getByRole('button', { name: 'Edit' }));
    await page.keyboard.press('Enter');
    const nameField = page.getByRole('textbox', { name: 'Name', exact: true });
    await expect(nameField).toBeFocused();
    await page.keyboard.type(' again');
    const switchTo = async (): Promise<Locator> => {
      await page.keyboard.press('Control+k');
      const dialog = page.getByRole('dialog', { name: 'Switch tenant' });
      await expect(dialog.getByRole('combobox')).toBeFocused();
      await page.keyboard.type('acme spain');
      await expect(dialog.getByRole('treeitem', { name: /^Acme Spain/ })).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('Enter');
      const question = page.getByRole('alertdialog', { name: `Discard your changes to “${edited}”?` });
      await expect(question).toBeVisible();
      return question;
    };
    let question = await switchTo();
    // Keeping is the safe answer: it has the focus, and Escape gives it.
    await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(question).toHaveCount(0);
    await expect(nameField).toHaveValue(`${edited} again`);
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Madrid Arena');

    question = await switchTo();
    await page.keyboard.press('Tab');
    await expect(question.getByRole('button', { name: 'Discard changes' })).toBeFocused();
    await page.keyboard.press('Enter');
    const name = page.getByTestId('active-tenant-name');
    await expect(name).toHaveText('Acme Spain');
    await expect(name).toBeFocused();
  });

  const client = new Client({ name: 'keyboard-only', version: '1.0.0' });
  await test.step('the MCP panel: Ctrl+2, then the audit log scrolled by keys', async () => {
    // Set-up: enough calls for the audit log to scroll.
    await client.connect(new SocketClientTransport(serve.socketPath));
    for (let i = 0; i < 30; i += 1) await client.callTool({ name: 'nevent_list_segments', arguments: { search: `vip ${i}` } });
    await page.keyboard.press('Control+2');
    await expect(page.getByRole('button', { name: /^MCP/ })).toHaveAttribute('aria-current', 'page');
    const log = page.getByRole('region', { name: 'Audit entries' });
    await expect(log.locator('tbody tr').nth(20)).toBeAttached();
    await tabTo(page, log);
    expect(await log.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('End');
    await expect.poll(() => log.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  });

  await test.step('? lists the shortcuts; Escape closes a dialog and gives the focus back to where it was', async () => {
    const log = page.getByRole('region', { name: 'Audit entries' });
    await expect(log).toBeFocused();
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(shortcuts.getByRole('row', { name: /Ctrl\+S/ })).toBeVisible();
    // Tab stays inside the dialog.
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
    expect(await shortcuts.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(shortcuts).toHaveCount(0);
    await expect(log).toBeFocused();
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: 'Switch tenant' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(log).toBeFocused();
  });
  await client.close();
  await callServe('tenants.reset', undefined, target());
});
