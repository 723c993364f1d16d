/** `settings.*`: the sign-in defaults (URLs), the theme, the language, the upload folders and, to read, the operation mode (set with `mcp.setMode`). */
import type { RequestHandlers } from '../dispatcher';
import { checkUploadFolders } from '../settings-state';
import type { HandlerContext } from './context';

export function settingsHandlers(ctx: HandlerContext): Pick<RequestHandlers, 'settings.get' | 'settings.update'> {
  const { preferences, store } = ctx;
  return {
    // The store's settings: the preferences' change reached it synchronously (desktop-effects.ts).
    'settings.get': async () => store.settings(),
    'settings.update': async (update) => {
      // Checked before anything is saved: a bad folder changes nothing, the URLs, theme or language in the same request included.
      const uploadFolders = update.uploadFolders === undefined ? undefined : await checkUploadFolders(update.uploadFolders);
      preferences.updateSettings({ ...update, ...(uploadFolders === undefined ? {} : { uploadFolders }) });
      return store.settings();
    },
  };
}
