/**
 * One `serve --demo` for the tests of one spec file: started before the first test, stopped after the
 * last. A test that failed while the core was frozen (SIGSTOP, to show the window's "not reachable") must
 * still let it stop, so it is resumed first.
 */
import { test } from '@playwright/test';
import { startServe } from './processes';

/** A running `serve --demo`. */
export type RunningServe = Awaited<ReturnType<typeof startServe>>;

/** Where the serve API answers, for `callServe`. */
export interface ServeTarget {
  origin: string;
  token: string;
}

/** The file's serve (read its fields inside tests and hooks, once it has started) and its API target. */
export function serveForThisFile(): { serve: RunningServe; target: () => ServeTarget } {
  let started: RunningServe | undefined;
  const running = (): RunningServe => {
    if (started === undefined) throw new Error('serve has not started yet: read it inside a test or hook');
    return started;
  };
  test.beforeAll(async () => {
    started = await startServe();
  });
  test.afterAll(async () => {
    if (started === undefined) return;
    try {
      process.kill(started.pid, 'SIGCONT');
    } catch {
      // Already gone.
    }
    await started.stop();
  });
  const serve: RunningServe = {
    get uiUrl() {
      return running().uiUrl;
    },
    get origin() {
      return running().origin;
    },
    get token() {
      return running().token;
    },
    get socketPath() {
      return running().socketPath;
    },
    get pid() {
      return running().pid;
    },
    stop: () => running().stop(),
  };
  return { serve, target: () => ({ origin: serve.origin, token: serve.token }) };
}
