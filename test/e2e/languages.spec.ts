/**
 * The window in Spanish and in English, as the browser's language decides (Playwright's `locale`), through
 * the main flows against a `serve --demo` of its own: sign-in, the org-picker with accent-folding search
 * (through the worker's index), the header, segments (list, detail, editor), the MCP panel, Settings with
 * the Language setting applied live. Every screen is photographed at 1280×800 and 900×700 in both themes
 * (test-results/screenshots/lang-<locale>-…) and checked for clipped text. A pseudo-locale run (accented
 * English, ~40 % longer) at 900×700 catches what a longer language would clip.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { expect, test, type Page } from '@playwright/test';
import { serveForThisFile } from './helpers/file-serve';
import { callServe } from './helpers/serve-api';
import { SocketClientTransport } from './helpers/socket-transport';
import { judgedSizes, snap } from './helpers/ui';

test.describe.configure({ mode: 'serial' });

const { serve, target } = serveForThisFile();

/** The words each run looks for, as the catalogs say them. */
const words = {
  'es-ES': {
    lang: 'es-ES',
    chooseTitle: 'Elige una organización',
    tenantsCount: '17 organizaciones',
    search: 'Buscar organizaciones por nombre o id',
    matching: 'Organizaciones que coinciden',
    banner: 'Organización activa',
    segmentsTab: 'Segmentos',
    mcpTab: 'MCP',
    settingsTab: 'Ajustes',
    segmentCount: /^\d+ segmentos? en Auditorio de Logroño$/,
    newSegment: 'Nuevo segmento',
    create: 'Crear segmento',
    nameMissing: 'Ponle un nombre al segmento.',
    cancel: 'Cancelar',
    changed: 'modificado el',
    bridgeTitle: 'Puente MCP',
    listening: 'Escuchando',
    audit: 'Registro de auditoría',
    language: 'Idioma',
    signInTitle: 'Inicia sesión en Nevent',
    signOut: 'Cerrar sesión',
    owner: 'Propietario',
    reset: 'Volver al inicio',
  },
  'en-US': {
    lang: 'en-US',
    chooseTitle: 'Choose an organization',
    tenantsCount: '17 tenants',
    search: 'Search tenants by name or id',
    matching: 'Matching tenants',
    banner: 'Active tenant',
    segmentsTab: 'Segments',
    mcpTab: 'MCP',
    settingsTab: 'Settings',
    segmentCount: /^\d+ segments? in Auditorio de Logroño$/,
    newSegment: 'New segment',
    create: 'Create segment',
    nameMissing: 'Give the segment a name.',
    cancel: 'Cancel',
    changed: 'changed',
    bridgeTitle: 'MCP bridge',
    listening: 'Listening',
    audit: 'Audit log',
    language: 'Language',
    signInTitle: 'Sign in to Nevent',
    signOut: 'Sign out',
    owner: 'Owner',
    reset: 'Reset to home',
  },
} as const;

type Locale = keyof typeof words;

/**
 * Text that does not fit its box: buttons, badges, tabs, table headers, labels and headings whose content
 * is wider than they are (a deliberate ellipsis excepted), and a page wider than the window.
 */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${window.innerWidth})`);
    const selector = 'button, .badge, .nav-tab, th, label, legend, h1, h2, h3, .chip, .segmented-option, summary, dt, .count-pill';
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (el.offsetParent === null) continue;
      const style = getComputedStyle(el);
      if (style.textOverflow === 'ellipsis') continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 2) {
        // Block boxes grow in height; only a box held to its height clips vertically.
        const heightHeld = style.overflowY !== 'visible' || style.whiteSpace === 'nowrap' || style.height !== 'auto';
        if (el.scrollWidth <= el.clientWidth + 1 && !heightHeld) continue;
        found.push(`${el.tagName.toLowerCase()}.${el.className || '-'} “${(el.innerText || el.getAttribute('aria-label') || '').slice(0, 60)}” (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
      }
    }
    return found;
  });
}

/**
 * Photographs the screen at both judged sizes in both themes (scrolled to `scrollTo` when given), and fails
 * on clipped text at any of them.
 */
async function judge(page: Page, name: string, scrollTo?: string): Promise<void> {
  const original = page.viewportSize();
  for (const size of judgedSizes) {
    await page.setViewportSize(size);
    if (scrollTo !== undefined) await page.locator(scrollTo).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await snap(page, `${name}-${size.width}x${size.height}`);
    expect(await clippedText(page), `${name} at ${size.width}×${size.height}`).toEqual([]);
  }
  if (original !== null) await page.setViewportSize(original);
}

async function openPicker(page: Page, w: (typeof words)[Locale]): Promise<void> {
  await page.goto(serve.uiUrl);
  const picker = page.getByRole('heading', { name: w.chooseTitle });
  const banner = page.getByRole('banner', { name: w.banner });
  await expect(picker.or(banner)).toBeVisible({ timeout: 20_000 });
  if (await banner.isVisible()) {
    // Back to the picker: sign out and in again as the demo owner.
    await callServe('account.signOut', undefined, target());
    await callServe('account.signIn', { method: 'demo', user: 'owner' }, target());
    await expect(picker).toBeVisible({ timeout: 20_000 });
  }
}

for (const locale of Object.keys(words) as Locale[]) {
  test.describe(`the window in ${locale}`, () => {
    test.use({ locale });
    const w = words[locale];
    const shot = (name: string): string => `lang-${locale}-${name}`;

    test('picker, header, segments, MCP panel and settings speak the browser’s language', async ({ page }) => {
      await test.step('the org-picker: counts in words, accent-folding search through the worker’s index', async () => {
        await openPicker(page, w);
        await expect(page.locator('html')).toHaveAttribute('lang', w.lang);
        await expect(page).toHaveTitle(`${w.chooseTitle} — Nevent Companion`);
        await expect(page.getByText(w.tenantsCount, { exact: true })).toBeVisible();
        // The worker's index is in (before it, keystrokes scan the list: same answers, tested in unit).
        await expect(page.locator('.picker[data-search="ready"]')).toBeVisible();
        await judge(page, shot('01-picker'));
        const search = page.getByRole('combobox', { name: w.search });
        await search.fill('logrono');
        const results = page.getByRole('tree', { name: w.matching });
        await expect(results.getByRole('treeitem', { name: 'Auditorio de Logroño' })).toBeVisible();
        // The match is marked on the original text, ñ included.
        await expect(results.locator('mark').first()).toHaveText('Logroño');
        await search.fill('CADIZ');
        await expect(results.getByRole('treeitem', { name: 'Gran Teatro de Cádiz' })).toBeVisible();
        await search.fill('malaga');
        await expect(results.getByRole('treeitem')).toHaveCount(1);
        await judge(page, shot('02-picker-search'));
        await search.fill('logrono');
        await expect(results.getByRole('treeitem', { name: 'Auditorio de Logroño' })).toHaveAttribute('aria-selected', 'true');
        await search.press('Enter');
        await expect(page.getByTestId('active-tenant-name')).toHaveText('Auditorio de Logroño');
      });

      await test.step('the header and the segment list: role in words, counts, dates as the locale writes them', async () => {
        const banner = page.getByRole('banner', { name: w.banner });
        await expect(banner.getByText(w.owner, { exact: true })).toBeVisible();
        await expect(page.getByText(w.segmentCount)).toBeVisible();
        const { segments } = await callServe<{ segments: { name: string; modifiedAt?: string }[] }>('segments.current', undefined, target());
        // Spanish names with accents: found by typing them without.
        const accented = segments.find((s) => s.name !== s.name.normalize('NFD').replace(/\p{M}/gu, ''));
        expect(accented, 'a segment with an accent in the Spanish venue').toBeDefined();
        const plain = (accented?.name ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
        const list = page.getByRole('list', { name: locale === 'es-ES' ? 'Segmentos de Auditorio de Logroño' : 'Segments of Auditorio de Logroño' });
        await page.getByRole('searchbox', { name: locale === 'es-ES' ? 'Buscar segmentos' : 'Search segments' }).fill(plain);
        await expect(list.getByRole('button', { name: new RegExp(accented?.name ?? '') })).toBeVisible();
        // Each word typed is marked on the name as written, accents included.
        await expect(list.locator('mark').first()).toHaveText((accented?.name ?? '').split(' ')[0] ?? '');
        await judge(page, shot('03-segments-search'));
        await page.getByRole('searchbox', { name: locale === 'es-ES' ? 'Buscar segmentos' : 'Search segments' }).fill('');
        // The list and the detail write the same day the same way.
        const row = list.getByRole('button', { name: new RegExp(accented?.name ?? '') });
        const meta = (await row.locator('.segment-row-meta').innerText()).trim();
        const day = meta.split(' · ').find((part) => part.startsWith(w.changed))?.slice(w.changed.length).trim();
        expect(day, meta).toBeTruthy();
        await row.click();
        const detailLine = page.locator('.segment-detail .pane-head p');
        await expect(detailLine).toContainText(`${w.changed} ${day}`);
        await judge(page, shot('04-segment-detail'));
      });

      await test.step('the editor says what is missing in the language, and its preview counts', async () => {
        await page.getByRole('button', { name: w.newSegment }).click();
        await page.getByRole('button', { name: w.create }).click();
        await expect(page.getByText(w.nameMissing)).toBeVisible();
        await judge(page, shot('05-editor'));
        await page.getByRole('button', { name: w.cancel, exact: true }).click();
      });

      await test.step('the MCP panel: an AI session, its tools and the audit log in the language', async () => {
        // An AI client works meanwhile: a session, tool calls and a switch for the panel to show.
        const client = new Client({ name: 'e2e-idiomas', version: '1.0.0' });
        await client.connect(new SocketClientTransport(serve.socketPath));
        await client.callTool({ name: 'nevent_list_segments', arguments: {} });
        expect((await client.callTool({ name: 'nevent_switch_tenant', arguments: { tenantId: 'tn-ole-cadiz' } })).isError).toBeFalsy();
        await client.callTool({ name: 'nevent_list_segments', arguments: { search: 'publico' } });
        await page.getByRole('button', { name: new RegExp(`^${w.mcpTab}`) }).click();
        await expect(page.getByRole('row', { name: locale === 'es-ES' ? 'Sesión e2e-idiomas 1.0.0' : 'Session e2e-idiomas 1.0.0' }).getByTestId('session-tenant')).toContainText('Gran Teatro de Cádiz');
        const audit = page.getByRole('table', { name: locale === 'es-ES' ? 'Entradas de auditoría' : 'Audit entries' });
        await expect(audit.getByText(locale === 'es-ES' ? 'Listar segmentos' : 'List segments').first()).toBeVisible();
        await expect(audit.getByText(locale === 'es-ES' ? 'Cambió de organización' : 'Switched tenant').first()).toBeVisible();
        // The audit filter finds the tool by its words in this language, accents aside.
        const filter = page.getByRole('searchbox', { name: locale === 'es-ES' ? 'Filtrar por nombre de herramienta' : 'Filter by tool name' });
        const switched = locale === 'es-ES' ? 'Cambió de organización' : 'Switched tenant';
        const rows = audit.locator('tbody tr');
        await filter.fill(locale === 'es-ES' ? 'cambio de organizacion' : 'SWITCHED');
        await filter.press('Enter');
        // Only switches are left (this run's, and any an earlier run of this file made on the same serve).
        await expect.poll(async () => (await rows.count()) > 0 && (await rows.count()) === (await rows.filter({ hasText: switched }).count())).toBe(true);
        await filter.fill('');
        await filter.press('Enter');
        await expect(rows.filter({ hasText: locale === 'es-ES' ? 'Listar segmentos' : 'List segments' }).first()).toBeVisible();
        await client.close();

        await expect(page.getByRole('heading', { name: w.bridgeTitle })).toBeVisible();
        await expect(page.getByTestId('bridge-state')).toHaveText(w.listening);
        await expect(page.getByRole('heading', { name: w.audit })).toBeVisible();
        await judge(page, shot('06-mcp'));
        // Lower in the panel: the sessions, the audit log's table (the desktop's switch is in it) and client setup.
        await judge(page, shot('06b-mcp-audit'), '#sessions-title');
        // The tools the AI sees: one switch per group, with what each adds and the total at connect.
        await expect(page.getByRole('heading', { name: locale === 'es-ES' ? 'Herramientas que ve la IA' : 'Tools the AI sees' })).toBeVisible();
        await expect(page.getByTestId('toolsets-total')).toContainText(locale === 'es-ES' ? /^Al conectar: \d+ herramientas, unos [\d,]+ KB/ : /^At connect: \d+ tools, about [\d.]+ KB/);
        await expect(page.getByRole('checkbox', { name: locale === 'es-ES' ? 'Audiencias' : 'Audiences', exact: true })).toBeChecked();
        await judge(page, shot('06d-mcp-tools'), '#tools-title');
        await page.getByRole('radio', { name: 'Cursor' }).check();
        await expect(page.getByLabel(locale === 'es-ES' ? 'Archivo propuesto' : 'Proposed file')).toContainText('nevent');
        await judge(page, shot('06c-mcp-connect'), '#http-title');
      });

      await test.step('Settings: the Language setting switches the window at once, and back', async () => {
        await page.getByRole('button', { name: w.settingsTab, exact: true }).click();
        const language = page.getByRole('group', { name: w.language });
        await expect(language).toBeVisible();
        await judge(page, shot('07-settings'));
        await judge(page, shot('07b-settings-uploads'), '#urls-title');
        const other = locale === 'es-ES' ? { choice: 'English', tab: 'Settings', lang: 'en' } : { choice: 'Español', tab: 'Ajustes', lang: 'es-ES' };
        await language.getByRole('radio', { name: other.choice }).check();
        await expect(page.getByRole('button', { name: other.tab, exact: true })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', other.lang);
        // Kept by main (so a restart, another window and the tray follow it).
        await expect.poll(async () => (await callServe<{ language?: string }>('settings.get', undefined, target())).language).toBe(locale === 'es-ES' ? 'en' : 'es');
        await judge(page, shot('08-settings-switched'));
        await page.getByRole('radio', { name: locale === 'es-ES' ? /^Language: System/ : /^Idioma: Sistema/ }).check();
        await expect(page.getByRole('button', { name: w.settingsTab, exact: true })).toBeVisible();
        await expect.poll(async () => (await callServe<{ language?: string }>('settings.get', undefined, target())).language).toBe('system');
        await expect(page.locator('html')).toHaveAttribute('lang', w.lang);
        await page.getByRole('button', { name: w.reset }).click();
        await expect(page.getByTestId('active-tenant-name')).toHaveText('Acme Group');
      });
    });

    test('sign-in screen', async ({ page }) => {
      await openPicker(page, w);
      await callServe('account.signOut', undefined, target());
      await expect(page.getByRole('heading', { name: w.signInTitle })).toBeVisible();
      await expect(page).toHaveTitle(`${w.signInTitle} — Nevent Companion`);
      await judge(page, shot('00-sign-in'));
      await callServe('account.signIn', { method: 'demo', user: 'owner' }, target());
      await expect(page.getByRole('heading', { name: w.chooseTitle })).toBeVisible();
    });
  });
}

test.describe('the pseudo-locale (accented English, ~40 % longer) at 900×700', () => {
  test.use({ locale: 'en-XA', viewport: { width: 900, height: 700 } });

  test('no screen clips its text', async ({ page }) => {
    const check = async (name: string): Promise<void> => {
      await snap(page, `lang-pseudo-${name}-900x700`);
      expect(await clippedText(page), name).toEqual([]);
    };
    await page.goto(serve.uiUrl);
    await expect(page.locator('.picker[data-search="ready"]')).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
    await check('01-picker');
    await page.getByRole('combobox').fill('malaga');
    await page.getByRole('tree').getByRole('treeitem', { name: 'Sala Málaga Centro' }).click();
    await expect(page.getByTestId('active-tenant-name')).toHaveText('Sala Málaga Centro');
    await check('02-segments');
    await page.locator('.segment-row').first().click();
    await expect(page.locator('.segment-detail')).toBeVisible();
    await check('03-segment-detail');
    await page.locator('.segment-list-head button.primary').click();
    await page.locator('.editor-footer button.primary').click();
    await expect(page.locator('.field-issue').first()).not.toBeEmpty();
    await check('04-editor');
    await page.locator('.app-nav .nav-tab').nth(1).click();
    await expect(page.getByTestId('bridge-state')).not.toBeEmpty();
    await check('05-mcp');
    await page.locator('.app-nav .nav-tab').nth(2).click();
    await expect(page.locator('.language-control')).toBeVisible();
    await check('06-settings');
    await page.locator('.tenant-header-actions button').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await check('07-switch-dialog');
    await page.keyboard.press('Escape');
    await callServe('tenants.reset', undefined, target());
    await callServe('account.signOut', undefined, target());
    await expect(page.locator('.sign-in-card')).toBeVisible();
    await check('08-sign-in');
    await callServe('account.signIn', { method: 'demo', user: 'owner' }, target());
  });
});
