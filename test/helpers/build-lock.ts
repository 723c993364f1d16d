/**
 * One build at a time across test files running in parallel: a directory lock (mkdir is atomic), with a
 * stale lock broken after `staleAfterMs` (a crashed run must not block the next one forever).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/** Runs `build` holding the lock at `lockPath`; `isFresh` is asked again once the lock is held. */
export async function buildOnce(lockPath: string, staleAfterMs: number, isFresh: () => boolean, build: () => void): Promise<void> {
  if (isFresh()) return;
  mkdirSync(dirname(lockPath), { recursive: true });
  const deadline = Date.now() + staleAfterMs;
  for (;;) {
    try {
      mkdirSync(lockPath);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lockPath, { recursive: true, force: true });
      // Polling the lock: another test file is building; there is no event to wait for across processes.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    if (!isFresh()) build();
  } finally {
    rmSync(lockPath, { recursive: true, force: true });
  }
}
