/** The system tray: rebuilt from the pure template on every app-state change. */
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { missingCaseError } from '../../src-shared/errors';
import type { AppState } from '../../src-shared/ipc';
import { buildTrayTemplate, type TrayAction, type TrayMenuItem } from './tray-template';

/** Turns template items into Electron menu items. */
export function toMenuItems(items: readonly TrayMenuItem[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'header':
        return { label: item.label, enabled: false };
      case 'item': {
        const action = item.action;
        return {
          label: item.label,
          enabled: item.enabled,
          ...(item.checked === undefined ? {} : { type: 'checkbox' as const, checked: item.checked }),
          ...(item.accelerator === undefined ? {} : { accelerator: item.accelerator, registerAccelerator: false }),
          ...(action === undefined ? {} : { click: () => onAction(action) }),
        };
      }
      default:
        return missingCaseError(item);
    }
  });
}

/** The app's tray icon and menu. */
export class AppTray {
  private readonly tray: Tray;

  constructor(iconDataUrl: string, private readonly onAction: (action: TrayAction) => void) {
    this.tray = new Tray(nativeImage.createFromDataURL(iconDataUrl));
  }

  /** Shows the menu for a state. */
  update(state: AppState): void {
    const template = buildTrayTemplate(state);
    this.tray.setToolTip(template.tooltip);
    this.tray.setContextMenu(Menu.buildFromTemplate(toMenuItems(template.items, this.onAction)));
  }

  destroy(): void {
    this.tray.destroy();
  }
}
