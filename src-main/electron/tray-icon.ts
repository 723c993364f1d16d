/**
 * The tray icons, embedded so they need no file next to the bundle: the app mark (32×32 PNG) for
 * Windows and Linux, and for macOS a template image (black with alpha, which macOS tints for the menu
 * bar) at 16 px and 32 px (@2x), made from the mark by build/tray-template-icon.mjs.
 */

/** The tray icon as a data URL. */
export const trayIconDataUrl = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAhElEQVR42mNgQAP+bk//0xIz4AO0thyvI+hlOVZH0NtyFEcMlOVwR4w6YEg4ABlQU+3QdAAhg+niAHyG080BuCygqwOwWUJ3B6BbRJdcgM8RdMuGuBxB13KAlKihWUE04A4gNZvSrCgecAeQWmSP1oajLaJRBwyKvsHg6ZoNis7pQHXPAefOT0dv9rBiAAAAAElFTkSuQmCC';

/** The macOS menu-bar template image at 1x (16×16). */
export const trayTemplateIcon1x = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAUElEQVR42mNggAAHBgaG/yRiBwYKNKMY8p9CTH0DGqBew1AIlSPaAAdKDUA3hCwXIBtCsgH/0QwhywCUBEOuAf8pdQHJgUj/lEhxZqIoOwMA6gHTOWAXteAAAAAASUVORK5CYII=';

/** The macOS menu-bar template image at 2x (32×32). */
export const trayTemplateIcon2x = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAcUlEQVR42u3XQQ7AIAhE0bn/pae7bmxNTC3zNZKw9i0AQWrDP2c3XJTRxx8RDmX08RtxAEsARgp2tLjXA4gAEAEgAkAEgBJd0EOUteEbonQOzNgvPg+iOMAEgAkAEwD7/oZnI9obED9MEKcZ4jiNnOcX9uJM3s4ilmgAAAAASUVORK5CYII=';

/** Every tray image the shell needs. */
export interface TrayIcons {
  /** Windows and Linux. */
  color: string;
  /** macOS template images. */
  template: { at1x: string; at2x: string };
}

/** The app's tray images. */
export const trayIcons: TrayIcons = { color: trayIconDataUrl, template: { at1x: trayTemplateIcon1x, at2x: trayTemplateIcon2x } };
