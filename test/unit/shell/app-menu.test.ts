/** The application menu: no Reload or DevTools in an installed app; quick switch always reachable. */
import { describe, expect, it, vi } from 'vitest';
import { buildAppMenuTemplate, developmentOnlyRoles, menuShortcutUnavailableHint } from '../../../src-main/electron/app-menu';
import { menuLabels, menuRoles } from '../../helpers/electron-stand-in';
import { englishWords as t, spanishWords } from '../../helpers/words';

const base = { platform: 'linux' as const, isPackaged: true, globalShortcutBound: true, onQuickSwitch: () => undefined, t };

describe('application menu', () => {
  it('an installed app has no reload or DevTools; a development run has them', () => {
    const installed = menuRoles(buildAppMenuTemplate(base) as Array<Record<string, unknown>>);
    for (const role of developmentOnlyRoles) expect(installed).not.toContain(role);
    expect(installed).toEqual(expect.arrayContaining(['quit', 'editMenu', 'windowMenu', 'togglefullscreen']));
    expect(menuRoles(buildAppMenuTemplate({ ...base, isPackaged: false }) as Array<Record<string, unknown>>)).toEqual(expect.arrayContaining([...developmentOnlyRoles]));
  });

  it('macOS: the app menu first, and File closes the window', () => {
    const template = buildAppMenuTemplate({ ...base, platform: 'darwin' }) as Array<Record<string, unknown>>;
    expect(template[0]).toMatchObject({ role: 'appMenu', label: 'Nevent Companion' });
    const file = template.find((item) => item.label === 'File');
    expect(menuRoles([file as Record<string, unknown>])).toContain('close');
    expect(menuRoles([file as Record<string, unknown>])).not.toContain('quit');
    // Quit is in the app menu, where macOS people look for it.
    expect(menuRoles([template[0] as Record<string, unknown>])).toContain('quit');
  });

  it('Switch tenant… opens quick switch, and says so when the global shortcut is unavailable', () => {
    const onQuickSwitch = vi.fn();
    const template = buildAppMenuTemplate({ ...base, onQuickSwitch, globalShortcutBound: false });
    const file = (template.find((item) => item.label === 'File')?.submenu ?? []) as Array<{ label?: string; accelerator?: string; click?: () => void }>;
    const item = file.find((entry) => entry.label === 'Switch tenant…');
    expect(item?.accelerator).toBe('CommandOrControl+Shift+K');
    item?.click?.();
    expect(onQuickSwitch).toHaveBeenCalledOnce();
    expect(menuLabels(template as Array<Record<string, unknown>>)).toContain(menuShortcutUnavailableHint(t));
    expect(menuLabels(buildAppMenuTemplate(base) as Array<Record<string, unknown>>)).not.toContain(menuShortcutUnavailableHint(t));
  });

  it('every item has words in the menu’s language (Electron’s own role labels are English only)', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const template = buildAppMenuTemplate({ ...base, platform, isPackaged: false, globalShortcutBound: false, t: spanishWords }) as Array<Record<string, unknown>>;
      const items = (list: ReadonlyArray<Record<string, unknown>>): Array<Record<string, unknown>> => list.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu as Array<Record<string, unknown>>) : [])]);
      // Every item but the separators carries its own label.
      expect(items(template).filter((item) => item.type !== 'separator' && typeof item.label !== 'string')).toEqual([]);
      const labels = menuLabels(template);
      expect(labels).toEqual(expect.arrayContaining(['Archivo', 'Edición', 'Ver', 'Ventana', 'Cambiar de organización…', 'Deshacer', 'Copiar', 'Pegar']));
      expect(labels).toContain(menuShortcutUnavailableHint(spanishWords));
      expect(labels).not.toContain('Edit');
    }
  });
});
