/** Small statistics for the benchmarks: medians, percentiles, and interleaved baseline/subject runs. */

/** The q-quantile (0..1) of `values` by nearest rank; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Times one async operation in milliseconds. */
export async function timeOnce(work: () => Promise<unknown>): Promise<number> {
  const started = now();
  await work();
  return now() - started;
}

/** Samples of a baseline and a subject measured in alternation. */
export interface PairedSamples {
  baseline: number[];
  subject: number[];
}

/**
 * Runs `rounds` rounds; each round times `perRound` baseline operations and `perRound` subject
 * operations, alternating which goes first, so slow drift (CPU frequency, other load on a shared
 * machine, GC) falls on both sides alike.
 */
export async function interleaved(rounds: number, perRound: number, baseline: () => Promise<unknown>, subject: () => Promise<unknown>): Promise<PairedSamples> {
  const samples: PairedSamples = { baseline: [], subject: [] };
  for (let round = 0; round < rounds; round++) {
    const order: ['baseline' | 'subject', () => Promise<unknown>][] = round % 2 === 0 ? [['baseline', baseline], ['subject', subject]] : [['subject', subject], ['baseline', baseline]];
    for (const [side, work] of order) {
      for (let i = 0; i < perRound; i++) samples[side].push(await timeOnce(work));
    }
  }
  return samples;
}
