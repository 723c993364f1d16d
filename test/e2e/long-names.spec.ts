/**
 * Long names and small windows, against a `serve --demo` of its own: a segment with a very long name is
 * cut on screen with all of it in the tooltip and the heading, and never pushes Edit out of the window
 * (1280×800 and 900×700); at 900×700 the editor's footer covers none of its controls ("+ And group").
 * Screenshots of both, in both themes, go to test-results/screenshots/ (a11y-*).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { ScopedSegment, SegmentList } from '../../src-shared/ipc';
import { serveForThisFile } from './helpers/file-serve';
import { callServe } from './helpers/serve-api';
import { judgedSizes, snap } from './helpers/ui';

const { serve, target } = serveForThisFile();

const longName = 'Asistentes VIP de la temporada de otoño e invierno en Madrid, Barcelona, Valencia y Sevilla que compraron entradas para más de tres conciertos';

/** True when `locator` lies inside the window, whole. */
async function insideWindow(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  return box !== null && size !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
}

/** True when a click at the middle of `locator` reaches it (nothing painted over it). */
async function notCovered(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
}

test('a long segment name is cut, whole in its tooltip and heading, and Edit stays in the window; the editor footer covers nothing at 900×700', async ({ page }) => {
  test.setTimeout(180_000);
  await callServe('account.signOut', undefined, target());
  await page.goto(serve.uiUrl);
  await expect(page.getByRole('heading', { name: 'Sign in to Nevent' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('radio', { name: 'owner', exact: true }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('combobox', { name: 'Search tenants by name or id' }).fill('madrid arena');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Madrid Arena');

  const { segments } = await callServe<SegmentList>('segments.list', {}, target());
  const segment = segments[0];
  if (segment === undefined) throw new Error('the demo tenant has no segment');
  await callServe<ScopedSegment>('segments.update', { segmentId: segment.id, baseRevision: segment.revision, name: longName }, target());
  const row = page.locator('.segment-row').filter({ hasText: longName.slice(0, 30) });
  await expect(row).toBeVisible();
  // The row's name is cut too, and says all of it in its tooltip and its accessible name.
  await expect(row.locator('.segment-row-name')).toHaveAttribute('title', longName);
  await expect(row).toHaveAccessibleName(new RegExp(`^${longName}`));
  await row.click();

  const heading = page.locator('#segment-detail-title');
  const edit = page.locator('.segment-detail').getByRole('button', { name: 'Edit' });
  for (const size of judgedSizes) {
    await page.setViewportSize(size);
    await expect(heading).toHaveText(longName);
    await expect(heading).toHaveAttribute('title', longName);
    expect(await heading.evaluate((el) => el.scrollWidth > el.clientWidth), `the name is cut at ${size.width}×${size.height}`).toBe(true);
    expect(await insideWindow(page, edit), `Edit inside the window at ${size.width}×${size.height}`).toBe(true);
    await snap(page, `a11y-long-name-${size.width}x${size.height}`);
  }

  // At 900×700 the editor scrolls under its footer: every control can be brought into view uncovered.
  await edit.click();
  const editorTitle = page.locator('#segment-editor-title');
  await expect(editorTitle).toHaveAccessibleName(new RegExp(longName));
  await expect(editorTitle).toHaveAttribute('title', new RegExp(longName));
  const andGroup = page.getByRole('button', { name: '+ And group' });
  await andGroup.scrollIntoViewIfNeeded();
  expect(await notCovered(andGroup)).toBe(true);
  await expect(page.locator('.editor-footer').getByRole('button', { name: 'Save changes' })).toBeVisible();
  expect(await insideWindow(page, page.locator('.editor-footer').getByRole('button', { name: 'Save changes' }))).toBe(true);
  await snap(page, 'a11y-editor-900x700');
  await page.setViewportSize({ width: 1280, height: 800 });
  await snap(page, 'a11y-editor-1280x800');
  await page.locator('.editor-footer').getByRole('button', { name: 'Cancel' }).click();
  await expect(heading).toHaveText(longName);
});
