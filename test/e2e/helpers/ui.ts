/** Small page helpers shared by the e2e specs. */
import { expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { repoRoot } from './processes';

/** Screenshots the page in the light and the dark theme (test-results/screenshots/<name>-<theme>.png). */
export async function snap(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(repoRoot, 'test-results', 'screenshots', `${name}-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The window sizes the app is judged at: a laptop (1280×800) and a small window (900×700). */
export const judgedSizes = [
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
] as const;

/** Screenshots at both judged sizes, each in both themes (`<name>-1280x800-light.png`, …), then restores the viewport. */
export async function snapSizes(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const size of judgedSizes) {
    await page.setViewportSize(size);
    await snap(page, `${name}-${size.width}x${size.height}`);
  }
  if (original !== null) await page.setViewportSize(original);
}

/** Opens the UI and waits for one of its first screens (sign-in, org-picker or the app). */
export async function openUi(page: Page, url: string = process.env.E2E_UI_URL as string): Promise<'sign-in' | 'picker' | 'app'> {
  await page.goto(url);
  return firstScreen(page);
}

/** Waits for one of the first screens; each needs the page to have reached `serve` with its token. */
export async function firstScreen(page: Page): Promise<'sign-in' | 'picker' | 'app'> {
  const signIn = page.getByRole('heading', { name: 'Sign in to Nevent' });
  const picker = page.getByRole('heading', { name: 'Choose an organization' });
  const app = page.getByRole('banner', { name: 'Active tenant' });
  await expect(signIn.or(picker).or(app)).toBeVisible({ timeout: 20_000 });
  if (await signIn.isVisible()) return 'sign-in';
  if (await picker.isVisible()) return 'picker';
  return 'app';
}

/** Signs out from wherever the UI is, back to the sign-in screen. */
export async function signOutIfNeeded(page: Page): Promise<void> {
  const screen = await openUi(page);
  if (screen === 'sign-in') return;
  if (screen === 'app') await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Nevent' })).toBeVisible();
}

/** Picks values in a searchable multi-select (chips): types each name and takes the option it shows. */
export async function chooseValues(page: Page, label: string, names: string[]): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  for (const name of names) {
    await box.fill(name.slice(0, 3));
    await page.getByRole('listbox', { name: `${label} choices` }).getByRole('option', { name }).click();
    await expect(page.getByRole('button', { name: `Remove ${name}` })).toBeVisible();
  }
  await box.press('Escape');
}
