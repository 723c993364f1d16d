/** The tray icon (32×32 PNG, the app mark), embedded so it needs no file next to the bundle. */

/** The tray icon as a data URL. */
export const trayIconDataUrl = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAhElEQVR42mNgQAP+bk//0xIz4AO0thyvI+hlOVZH0NtyFEcMlOVwR4w6YEg4ABlQU+3QdAAhg+niAHyG080BuCygqwOwWUJ3B6BbRJdcgM8RdMuGuBxB13KAlKihWUE04A4gNZvSrCgecAeQWmSP1oajLaJRBwyKvsHg6ZoNis7pQHXPAefOT0dv9rBiAAAAAElFTkSuQmCC';
