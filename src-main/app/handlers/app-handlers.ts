/** `app.*` and `session.*`: what the app is, and the state snapshot (the first read; later ones are pushed). */
import { DemoUserSchema } from '../../../src-shared/ipc';
import { neventApiUrls } from '../../core/http/api-urls';
import type { RequestHandlers } from '../dispatcher';
import type { HandlerContext } from './context';

/**
 * The URLs the sign-in form starts with: the ones configured (flags, environment, Settings), else
 * Nevent's own. A custom core URL without a data URL leaves the data URL empty for the person to fill
 * (its host cannot be guessed; api-urls.ts).
 */
function signInUrls(ctx: HandlerContext): { apiUrl: string; dataApiUrl: string } {
  const configured = ctx.preferences.settings();
  const apiUrl = configured.apiUrl ?? neventApiUrls.apiUrl;
  const dataApiUrl = configured.dataApiUrl ?? (apiUrl === neventApiUrls.apiUrl ? neventApiUrls.dataApiUrl : '');
  return { apiUrl, dataApiUrl };
}

export function appHandlers(ctx: HandlerContext): Pick<RequestHandlers, 'app.info' | 'session.get'> {
  return {
    'app.info': async () => ({
      version: ctx.version,
      shell: ctx.shell,
      platform: ctx.platform,
      demoUsers: ctx.demo === null ? [] : [...DemoUserSchema.options],
      ...(ctx.systemLanguages === undefined ? {} : { systemLanguages: [...ctx.systemLanguages] }),
      signIn: { ...signInUrls(ctx), demoFirst: ctx.demo !== null && ctx.demoFirst === true },
    }),
    'session.get': async () => ctx.store.appState(),
  };
}
