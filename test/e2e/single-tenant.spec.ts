/** Single-tenant mode (AuthVital seed): a user with one tenant gets no picker and no switch actions. */
import { expect, test } from '@playwright/test';
import { signOutIfNeeded, snap } from './helpers/ui';

test('solo: signed straight into the only tenant, no picker, no switching', async ({ page }) => {
  await signOutIfNeeded(page);
  await page.getByRole('radio', { name: 'solo', exact: true }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  const header = page.getByRole('banner', { name: 'Active tenant' });
  await expect(header).toBeVisible();
  await expect(page.getByTestId('active-tenant-name')).toHaveText('Solo Studio');
  await expect(header.getByText('Single tenant')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Choose an organization' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Switch tenant…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reset to home' })).toHaveCount(0);
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Switch tenant' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Segments of Solo Studio' }).getByRole('listitem').first()).toBeVisible();
  await snap(page, '15-single-tenant');
});
