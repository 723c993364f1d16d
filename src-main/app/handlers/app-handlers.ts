/** `app.*` and `session.*`: what the app is, and the state snapshot (the first read; later ones are pushed). */
import { DemoUserSchema } from '../../../src-shared/ipc';
import type { RequestHandlers } from '../dispatcher';
import type { HandlerContext } from './context';

export function appHandlers(ctx: HandlerContext): Pick<RequestHandlers, 'app.info' | 'session.get'> {
  return {
    'app.info': async () => ({
      version: ctx.version,
      shell: ctx.shell,
      platform: ctx.platform,
      demoUsers: ctx.demo === null ? [] : [...DemoUserSchema.options],
      ...(ctx.systemLanguages === undefined ? {} : { systemLanguages: [...ctx.systemLanguages] }),
    }),
    'session.get': async () => ctx.store.appState(),
  };
}
