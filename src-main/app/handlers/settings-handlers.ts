/** `settings.*`: the sign-in defaults (URLs), the theme and, to read, the operation mode (set with `mcp.setMode`). */
import type { RequestHandlers } from '../dispatcher';
import type { HandlerContext } from './context';

export function settingsHandlers(ctx: HandlerContext): Pick<RequestHandlers, 'settings.get' | 'settings.update'> {
  const { preferences, mode } = ctx;
  return {
    'settings.get': async () => ({ ...preferences.settings(), theme: preferences.theme(), operationMode: mode.get() }),
    'settings.update': async (update) => ({ ...preferences.updateSettings(update), theme: preferences.theme(), operationMode: mode.get() }),
  };
}
