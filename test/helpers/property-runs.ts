/**
 * The fast-check settings of every property suite: the run's seed is printed (a failure found on one run
 * replays with `NEVENT_PROPERTY_SEED=<seed> npx vitest run <file>`), and every counterexample a run ever
 * found is kept in the suite as an example, checked first on every run, so CI is deterministic about the
 * known cases while the random search goes on.
 *
 *   propertyRuns('fuzz: API answers', 400, [[tool, body], …])  →  { seed, numRuns, examples }
 */
import type { Parameters } from 'fast-check';

/** A seed from `NEVENT_PROPERTY_SEED`, else a fresh one for this run. */
function runSeed(): number {
  const fixed = process.env.NEVENT_PROPERTY_SEED;
  if (fixed !== undefined && /^-?\d+$/.test(fixed.trim())) return Number(fixed.trim()) | 0;
  return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
}

/**
 * Parameters for `fc.assert`: `numRuns` random cases from a printed seed, after `examples` (the regression
 * cases: the counterexamples found so far, written as the property's arguments).
 */
export function propertyRuns<Ts>(suite: string, numRuns: number, examples: Ts[] = []): Parameters<Ts> {
  const seed = runSeed();
  console.info(`[property] ${suite}: seed ${seed}, ${examples.length} kept counterexample${examples.length === 1 ? '' : 's'} (replay: NEVENT_PROPERTY_SEED=${seed})`);
  return { seed, numRuns, examples };
}
