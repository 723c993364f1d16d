/** The application menu: no Reload or DevTools in an installed app; quick switch always reachable. */
import { describe, expect, it, vi } from 'vitest';
import { buildAppMenuTemplate, developmentOnlyRoles, menuShortcutUnavailableHint } from '../../../src-main/electron/app-menu';
import { menuLabels, menuRoles } from '../../helpers/electron-stand-in';

const base = { platform: 'linux' as const, isPackaged: true, globalShortcutBound: true, onQuickSwitch: () => undefined };

describe('application menu', () => {
  it('an installed app has no reload or DevTools; a development run has them', () => {
    const installed = menuRoles(buildAppMenuTemplate(base) as Array<Record<string, unknown>>);
    for (const role of developmentOnlyRoles) expect(installed).not.toContain(role);
    expect(installed).toEqual(expect.arrayContaining(['quit', 'editMenu', 'windowMenu', 'togglefullscreen']));
    expect(menuRoles(buildAppMenuTemplate({ ...base, isPackaged: false }) as Array<Record<string, unknown>>)).toEqual(expect.arrayContaining([...developmentOnlyRoles]));
  });

  it('macOS: the app menu first, and File closes the window', () => {
    const template = buildAppMenuTemplate({ ...base, platform: 'darwin' }) as Array<Record<string, unknown>>;
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(menuRoles(template)).toContain('close');
    expect(menuRoles(template)).not.toContain('quit');
  });

  it('Switch tenant… opens quick switch, and says so when the global shortcut is unavailable', () => {
    const onQuickSwitch = vi.fn();
    const template = buildAppMenuTemplate({ ...base, onQuickSwitch, globalShortcutBound: false });
    const file = (template.find((item) => item.label === 'File')?.submenu ?? []) as Array<{ label?: string; accelerator?: string; click?: () => void }>;
    const item = file.find((entry) => entry.label === 'Switch tenant…');
    expect(item?.accelerator).toBe('CommandOrControl+Shift+K');
    item?.click?.();
    expect(onQuickSwitch).toHaveBeenCalledOnce();
    expect(menuLabels(template as Array<Record<string, unknown>>)).toContain(menuShortcutUnavailableHint);
    expect(menuLabels(buildAppMenuTemplate(base) as Array<Record<string, unknown>>)).not.toContain(menuShortcutUnavailableHint);
  });
});
