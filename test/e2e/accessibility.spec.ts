/**
 * Every screen and state of the window scanned by axe-core, against a `serve --demo` of its own: signed
 * out (the demo and the Nevent forms), the org-picker (the tree, search results, nothing found), segments,
 * the editor with a conflict and the unsaved-changes question, the MCP panel with sessions and audit rows,
 * settings, the switch and shortcuts dialogs, and disconnected — for the demo owner and superadmin, in
 * English and in Spanish (the Language setting, switched live), in the light and the dark theme. Any
 * violation of any impact fails.
 *
 * One walk per user, each state scanned four ways: every rule in the light theme, and in the dark the
 * rules that read colours (the page is the same DOM in both themes; only its colours change). What was
 * found is written to test-results/accessibility/ for the report.
 *
 * The owner walks every state. The superadmin walks the states whose content depends on the account: the
 * picker's platform-wide tree and its search results (other tenants, other badges), the header's role
 * badge over the segments, the role in settings and the switch dialog's tree. The other states (the
 * sign-in forms, nothing found, the editor and its question, the MCP panel, the shortcuts, disconnected)
 * show the same words and colours for both roles, and the header they share is scanned in the
 * superadmin's segments state: walking them again doubled the spec's time and found nothing new.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { expect, test, type Page } from '@playwright/test';
import type { ScopedSegment, SegmentList } from '../../src-shared/ipc';
import { serveForThisFile } from './helpers/file-serve';
import { repoRoot } from './helpers/processes';
import { callServe } from './helpers/serve-api';
import { SocketClientTransport } from './helpers/socket-transport';

test.describe.configure({ mode: 'serial' });

const { serve, target } = serveForThisFile();

/** The rules whose outcome depends on colours: the only ones a dark theme can change. */
const colourRules = ['color-contrast', 'link-in-text-block'];

/** One violation as the report lists it. */
interface Found {
  state: string;
  language: Language;
  theme: 'light' | 'dark';
  rule: string;
  impact: string;
  nodes: string[];
}

type Language = 'en' | 'es';

/** The Language setting, switched live (main keeps it; the window follows its push). */
async function speak(page: Page, language: Language | 'system'): Promise<void> {
  await callServe('settings.update', { language }, target());
  await expect(page.locator('html')).toHaveAttribute('lang', language === 'es' ? /^es/ : /^en/);
}

/**
 * Scans what is on screen in both languages and both themes. `ready` waits for the state to be on screen
 * again after a language change (re-rendered with the other words).
 */
async function scan(page: Page, found: Found[], state: string, ready: () => Promise<void> = async () => undefined): Promise<void> {
  for (const language of ['en', 'es'] as const) {
    await speak(page, language);
    await ready();
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      const axe = new AxeBuilder({ page });
      if (theme === 'dark') axe.withRules(colourRules);
      const { violations } = await axe.analyze();
      for (const v of violations) {
        found.push({ state, language, theme, rule: v.id, impact: v.impact ?? 'unknown', nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`) });
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await speak(page, 'system');
}

/** Writes what was found (for the report) and fails with a readable list when anything was. */
function verdict(user: string, found: Found[]): void {
  const dir = join(repoRoot, 'test-results', 'accessibility');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `axe-${user}.json`), JSON.stringify(found, null, 2));
  const lines = found.map((f) => `${f.state} [${f.language}, ${f.theme}] ${f.rule} (${f.impact}): ${f.nodes.slice(0, 3).join(' | ')}`);
  expect(lines, `axe violations for ${user}`).toEqual([]);
}

/** Back to the sign-in screen, wherever the window is. */
async function signedOut(page: Page): Promise<void> {
  await callServe('account.signOut', undefined, target());
  await expect(page.locator('.sign-in-card')).toBeVisible({ timeout: 20_000 });
}

/** Freezes the core until `body` is done: the window says it is disconnected. */
async function whileFrozen(page: Page, body: () => Promise<void>): Promise<void> {
  process.kill(serve.pid, 'SIGSTOP');
  try {
    await expect(page.getByTestId('connection-banner')).toBeVisible({ timeout: 20_000 });
    await body();
  } finally {
    process.kill(serve.pid, 'SIGCONT');
  }
  await expect(page.getByTestId('connection-banner')).toBeHidden({ timeout: 20_000 });
}

/** The window, signed out, with the tab open. */
async function openSignedOut(page: Page): Promise<void> {
  await page.goto(serve.uiUrl);
  await expect(page.locator('.sign-in-card, .picker, .tenant-header').first()).toBeVisible({ timeout: 20_000 });
  await signedOut(page);
}

/** Signs in as a demo user from the sign-in screen's demo form. */
async function signInAs(page: Page, user: 'owner' | 'superadmin'): Promise<void> {
  await page.locator('input[name="method"][value="demo"]').check();
  await page.locator(`input[name="demo-user"][value="${user}"]`).check();
  await page.locator('.sign-in-card button[type="submit"]').click();
  await expect(page.locator('.picker[data-search="ready"]')).toBeVisible({ timeout: 20_000 });
}

/** The picker's tree and the results of a search: what the account may see, with its badges. */
async function scanPickerTreeAndResults(page: Page, found: Found[]): Promise<void> {
  await scan(page, found, 'picker (tree)', () => expect(page.getByRole('tree')).toBeVisible());
  await page.getByRole('combobox').first().fill('acme');
  await scan(page, found, 'picker (results)', () => expect(page.getByRole('tree').getByRole('treeitem').first()).toBeVisible());
}

/** Picks Acme Madrid Arena from the picker's search. */
async function pickMadridArena(page: Page): Promise<void> {
  const search = page.getByRole('combobox').first();
  await search.fill('madrid arena');
  await search.press('Enter');
  await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Madrid Arena');
}

/** The segment list and a detail, under the active tenant's header (name, slug, role badge). */
async function scanSegments(page: Page, found: Found[]): Promise<void> {
  await page.locator('.segment-row').first().click();
  await scan(page, found, 'segments', () => expect(page.locator('.segment-detail')).toBeVisible());
}

/** Settings: the account line with its role. */
async function scanSettings(page: Page, found: Found[]): Promise<void> {
  await page.keyboard.press('Control+3');
  await scan(page, found, 'settings', () => expect(page.locator('.settings-view')).toBeVisible());
}

/** The switch dialog's tree of the tenants the account may switch to. */
async function scanSwitchDialog(page: Page, found: Found[]): Promise<void> {
  await page.keyboard.press('Control+k');
  await scan(page, found, 'switch dialog', () => expect(page.getByRole('dialog').getByRole('tree')).toBeVisible());
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('owner: no axe violation on any screen, in either language or theme', async ({ page }) => {
  test.setTimeout(360_000);
  const found: Found[] = [];
  await openSignedOut(page);

  await test.step('signed out: the demo form, then Nevent’s', async () => {
    await scan(page, found, 'sign-in (demo)', () => expect(page.locator('.demo-users')).toBeVisible());
    await page.locator('input[name="method"][value="password"]').check();
    await scan(page, found, 'sign-in (Nevent)', () => expect(page.locator('input[type="email"]')).toBeVisible());
    await signInAs(page, 'owner');
  });

  await test.step('the org-picker: the tree, search results, nothing found', async () => {
    await scanPickerTreeAndResults(page, found);
    await page.getByRole('combobox').first().fill('zzzz no such tenant');
    await scan(page, found, 'picker (nothing found)', () => expect(page.locator('.picker-empty')).toBeVisible());
    await pickMadridArena(page);
  });

  await test.step('segments: the list and a detail', () => scanSegments(page, found));

  await test.step('the editor with a conflict, and the unsaved-changes question', async () => {
    const { segments } = await callServe<SegmentList>('segments.list', {}, target());
    const segment = segments[0];
    if (segment === undefined) throw new Error('the demo tenant has no segment');
    await page.locator('.segment-row').filter({ hasText: segment.name }).first().click();
    await page.locator('.segment-detail .pane-head button').click();
    const name = page.locator('.segment-editor input[type="text"]').first();
    await name.fill(`${segment.name} (mine)`);
    await callServe<ScopedSegment>('segments.update', { segmentId: segment.id, baseRevision: segment.revision, name: `${segment.name} (elsewhere)` }, target());
    await page.locator('.editor-footer button[type="submit"]').click();
    await scan(page, found, 'editor (conflict)', () => expect(page.locator('.conflict-table')).toBeVisible());
    // Another segment while the edit is unsaved: the window asks first.
    await page.locator('.segment-row').nth(1).click();
    await scan(page, found, 'unsaved changes question', () => expect(page.getByRole('alertdialog')).toBeVisible());
    await page.getByRole('alertdialog').locator('button.danger').click();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  });

  const client = new Client({ name: 'a11y-owner', version: '1.0.0' });
  await test.step('the MCP panel with a session and audit rows', async () => {
    await client.connect(new SocketClientTransport(serve.socketPath));
    expect((await client.callTool({ name: 'nevent_switch_tenant', arguments: { tenantId: 'tn-acme-es' } })).isError).toBeFalsy();
    for (let i = 0; i < 3; i += 1) await client.callTool({ name: 'nevent_list_segments', arguments: { search: `vip ${i}` } });
    await page.keyboard.press('Control+2');
    await scan(page, found, 'MCP panel', async () => {
      await expect(page.getByTestId('session-tenant').first()).toBeVisible();
      await expect(page.locator('.table-scroll tbody tr').first()).toBeVisible();
    });
  });

  await test.step('settings', () => scanSettings(page, found));

  await test.step('the switch dialog and the keyboard shortcuts', async () => {
    await scanSwitchDialog(page, found);
    await page.keyboard.press('?');
    await scan(page, found, 'keyboard shortcuts', () => expect(page.getByRole('dialog').locator('kbd').first()).toBeVisible());
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  await test.step('disconnected (the core frozen), in both languages', async () => {
    // The Language setting cannot change while the core is away: each language is frozen in turn.
    for (const language of ['en', 'es'] as const) {
      await speak(page, language);
      await whileFrozen(page, async () => {
        for (const theme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: theme });
          const axe = new AxeBuilder({ page });
          if (theme === 'dark') axe.withRules(colourRules);
          for (const v of (await axe.analyze()).violations) found.push({ state: 'disconnected', language, theme, rule: v.id, impact: v.impact ?? 'unknown', nodes: v.nodes.map((n) => n.target.join(' ')) });
        }
        await page.emulateMedia({ colorScheme: 'light' });
      });
    }
    await speak(page, 'system');
  });

  await client.close();
  await callServe('tenants.reset', undefined, target());
  verdict('owner', found);
});

test('superadmin: no axe violation where the window differs by role, in either language or theme', async ({ page }) => {
  test.setTimeout(360_000);
  const found: Found[] = [];
  await openSignedOut(page);
  await signInAs(page, 'superadmin');

  await test.step('the org-picker: the platform-wide tree and search results', async () => {
    await scanPickerTreeAndResults(page, found);
    await pickMadridArena(page);
  });
  await test.step('segments under the header with the superadmin’s role', () => scanSegments(page, found));
  await test.step('settings with the superadmin’s role', () => scanSettings(page, found));
  await test.step('the switch dialog with every tenant', () => scanSwitchDialog(page, found));

  await callServe('tenants.reset', undefined, target());
  verdict('superadmin', found);
});
