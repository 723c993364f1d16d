/** Sign-in errors say what to do: a wrong password and an unreachable server, then a good sign-in. */
import { expect, test } from '@playwright/test';
import type { AccountStatus, AppState } from '../../src-shared/ipc';
import { callServe } from './helpers/serve-api';
import { signOutIfNeeded } from './helpers/ui';

test('email and password: clear errors for a wrong password and an unreachable server', async ({ page }) => {
  // The embedded demo API's URL, read while still signed in to it.
  let apiUrl = (await callServe<AppState>('session.get')).account.apiUrl;
  if (apiUrl === null) apiUrl = (await callServe<AccountStatus>('account.signIn', { method: 'demo', user: 'owner' })).apiUrl;
  await signOutIfNeeded(page);
  await page.getByRole('radio', { name: 'Email and password' }).check();
  const alert = page.locator('.sign-in-card [role="alert"]');

  await page.getByLabel('API URL', { exact: true }).fill(apiUrl as string);
  await page.getByRole('textbox', { name: 'Email' }).fill('owner@demo.nevent.local');
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).toHaveText('Wrong email or password.');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');

  await page.getByLabel('API URL', { exact: true }).fill('http://127.0.0.1:9');
  await page.getByLabel('Password', { exact: true }).fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).toContainText('Could not reach http://127.0.0.1:9');

  await page.getByLabel('API URL', { exact: true }).fill(apiUrl as string);
  await page.getByLabel('Password', { exact: true }).fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose an organization' })).toBeVisible();
  await expect(page.getByText('Signed in as owner@demo.nevent.local')).toBeVisible();

  // Paste a token: one obtained from the API directly (as a user would copy it from another tool).
  const login = await fetch(`${apiUrl}/auth/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.nevent.local', password: 'demo' }) });
  const { access_token: accessToken } = (await login.json()) as { access_token: string };
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('radio', { name: 'Paste a token' }).check();
  await page.getByLabel('API URL', { exact: true }).fill(apiUrl as string);
  await page.getByLabel('Access token').fill('not-a-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).not.toHaveText('');
  await page.getByLabel('Access token').fill(accessToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Nevent' })).toHaveCount(0);
  await expect(page.getByText('admin@demo.nevent.local').first()).toBeVisible();
});
