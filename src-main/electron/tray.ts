/** The system tray: rebuilt from the pure template on every app-state change. */
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import { missingCaseError } from '../../src-shared/missing-case';
import type { AppState } from '../../src-shared/ipc';
import type { TrayIcons } from './tray-icon';
import { buildTrayTemplate, type TrayAction, type TrayMenuItem, type TrayOptions } from './tray-template';

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

/** The macOS menu-bar image: 1x and 2x, marked as a template so macOS tints it (light, dark, selected). */
function templateImage(icons: TrayIcons['template']): NativeImage {
  const image = nativeImage.createEmpty();
  image.addRepresentation({ scaleFactor: 1, dataURL: icons.at1x });
  image.addRepresentation({ scaleFactor: 2, dataURL: icons.at2x });
  image.setTemplateImage(true);
  return image;
}

/** The app's tray icon and menu. */
export class AppTray {
  private readonly tray: Tray;

  constructor(icons: TrayIcons, platform: NodeJS.Platform, private readonly onAction: (action: TrayAction) => void) {
    this.tray = new Tray(platform === 'darwin' ? templateImage(icons.template) : nativeImage.createFromDataURL(icons.color));
    // Windows users expect a left click to open the app; the menu stays on the right click.
    if (platform === 'win32') this.tray.on('click', () => onAction({ type: 'open' }));
  }

  /** Shows the menu for a state. */
  update(state: AppState, options: TrayOptions): void {
    const template = buildTrayTemplate(state, options);
    this.tray.setToolTip(template.tooltip);
    this.tray.setContextMenu(Menu.buildFromTemplate(toMenuItems(template.items, this.onAction)));
  }

  destroy(): void {
    this.tray.destroy();
  }
}
