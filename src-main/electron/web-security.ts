/**
 * The window's security checklist, in one place:
 * contextIsolation + sandbox + no nodeIntegration + webSecurity; a strict CSP (meta tag in index.html
 * and a response header); navigation, new windows and <webview> denied; every permission denied.
 */
import type { Session, WebContents } from 'electron';
import { contentSecurityPolicy } from '../../src-shared/content-security-policy';


/** Denies every permission request and check, and adds the CSP header to every response. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
}

/** Denies navigation away from our renderer, new windows and webviews for one webContents. */
export function hardenWebContents(contents: WebContents, isOurRendererUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOurRendererUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOurRendererUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** A predicate for "this URL is our renderer": the built index.html, or the dev server's origin. */
export function rendererUrlCheck(target: { file: string } | { devServerUrl: string }): (url: string) => boolean {
  if ('devServerUrl' in target) {
    const origin = new URL(target.devServerUrl).origin;
    return (url) => {
      try {
        return new URL(url).origin === origin;
      } catch {
        return false;
      }
    };
  }
  const expected = new URL(target.file).href;
  return (url) => {
    try {
      const parsed = new URL(url);
      parsed.hash = '';
      parsed.search = '';
      return parsed.href === expected;
    } catch {
      return false;
    }
  };
}
