/**
 * Smoke test at scale: a superadmin over 100,000 tenants. The picker must stay usable (virtualized rows,
 * filtering narrowing and widening, keyboard choice) with its index built in the Web Worker under the
 * page's CSP. Timing is measured properly in the benchmarks; here only a generous bound.
 */
import { expect, test } from '@playwright/test';
import { startCli, startServe } from './helpers/processes';
import { snap } from './helpers/ui';

test('superadmin with 100,000 tenants: the picker filters and stays virtualized', async ({ page }) => {
  test.setTimeout(180_000);
  const api = await startCli(['demo-api', '--port', '0', '--tenants', '100000'], { url: /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m }, 90_000);
  const serve = await startServe();
  // The worker's fallback says so on the console (and a CSP refusal would too): neither may happen.
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/worker|Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  try {
    await page.goto(serve.uiUrl);
    const signIn = page.getByRole('heading', { name: 'Sign in to Nevent' });
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await expect(signIn.or(page.getByRole('heading', { name: 'Choose an organization' })).or(page.getByRole('banner', { name: 'Active tenant' }))).toBeVisible({ timeout: 20_000 });
    if (!(await signIn.isVisible())) {
      if (!(await signOut.isVisible())) await page.getByRole('button', { name: 'Settings' }).click();
      await signOut.click();
    }
    await page.getByRole('radio', { name: 'Email and password' }).check();
    await page.getByLabel('API URL', { exact: true }).fill(api.values.url as string);
    await page.getByRole('textbox', { name: 'Email' }).fill('superadmin@demo.nevent.local');
    await page.getByLabel('Password', { exact: true }).fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Choose an organization' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/^100,\d{3} tenants$/)).toBeVisible({ timeout: 30_000 });
    await snap(page, '13-org-picker-100k');

    // Only the rows in view exist in the DOM.
    expect(await page.locator('.tenant-row').count()).toBeLessThan(80);

    const search = page.getByRole('combobox', { name: 'Search tenants by name or id' });
    const started = Date.now();
    await search.pressSequentially('northwind sev', { delay: 20 });
    // The search results are the same tree, flattened: every match a level-1 item.
    const results = page.getByRole('tree', { name: 'Matching tenants' });
    await expect(page.getByText(/tenants match$/)).toBeVisible();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(15_000);
    const matches = Number(((await page.getByText(/tenants match$/).textContent()) ?? '').split(' ')[0]?.replace(/,/g, ''));
    expect(matches).toBeGreaterThan(0);
    expect(await results.getByRole('treeitem').count()).toBeLessThanOrEqual(Math.min(matches, 80));
    await snap(page, '14-org-picker-100k-filtered');

    // Widening (Backspace) and narrowing again answer like typing the query afresh.
    const countOf = async (): Promise<number> => Number(((await page.getByText(/tenants match$/).textContent()) ?? '').split(' ')[0]?.replace(/,/g, ''));
    await search.press('Backspace');
    await search.press('Backspace');
    await search.press('Backspace');
    await expect(search).toHaveValue('northwind ');
    await expect.poll(countOf).toBeGreaterThan(matches);
    const wide = await countOf();
    await search.pressSequentially('sev', { delay: 20 });
    await expect.poll(countOf).toBe(matches);
    expect(wide).toBeGreaterThan(matches);
    // A tenant found by its id among the generated ones; Escape brings the whole tree back.
    await search.fill('tn-gen-099000');
    await expect(results.getByRole('treeitem')).toHaveCount(1);
    await search.press('Escape');
    await expect(page.getByText(/^100,\d{3} tenants$/)).toBeVisible();
    await expect(page.getByRole('tree', { name: 'Tenants' })).toBeVisible();
    await search.pressSequentially('northwind sev', { delay: 20 });
    await expect.poll(countOf).toBe(matches);

    // Scroll far down with the keyboard, then choose.
    for (let i = 0; i < 5; i++) await search.press('PageDown');
    const chosen = results.locator('[aria-selected="true"]');
    const chosenName = await chosen.locator('.tenant-name').textContent();
    expect(chosenName).toMatch(/northwind/i);
    await search.press('Enter');
    await expect(page.getByTestId('active-tenant-name')).toHaveText(chosenName as string, { timeout: 30_000 });
    expect(problems).toEqual([]);
  } finally {
    await serve.stop();
    await api.stop();
  }
});
