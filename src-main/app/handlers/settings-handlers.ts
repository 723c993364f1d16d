/** `settings.*`: the sign-in defaults (URLs), the theme, the language, the upload folders and, to read, the operation mode and toolsets (set with `mcp.setMode`, `mcp.setToolsets`). */
import type { RequestHandlers } from '../dispatcher';
import { checkUploadFolders, currentSettings } from '../settings-state';
import type { HandlerContext } from './context';

export function settingsHandlers(ctx: HandlerContext): Pick<RequestHandlers, 'settings.get' | 'settings.update'> {
  const { preferences } = ctx;
  const sources = { preferences, mode: ctx.mode, toolsets: ctx.toolsets, environmentUploadFolders: ctx.environmentUploadFolders ?? [] };
  return {
    'settings.get': async () => currentSettings(sources),
    'settings.update': async (update) => {
      // Checked before anything is saved: a bad folder changes nothing, the URLs, theme or language in the same request included.
      const uploadFolders = update.uploadFolders === undefined ? undefined : await checkUploadFolders(update.uploadFolders);
      preferences.updateSettings({ ...update, ...(uploadFolders === undefined ? {} : { uploadFolders }) });
      return currentSettings(sources);
    },
  };
}
