/** The shape of one benchmark's outcome, as printed, written to bench/results.json and to the doc. */

/** One benchmark figure: a subject against a baseline measured in the same run. */
export interface BenchResult {
  /** Short id, e.g. `switch`. */
  id: string;
  title: string;
  /** What the subject and the baseline are, in words. */
  subject: string;
  baseline: string;
  unit: string;
  /** Medians (or the headline statistic) of subject and baseline. */
  subjectValue: number;
  baselineValue: number;
  /** subjectValue / baselineValue. */
  ratio: number;
  /** The ratio must stay at or below this; null when the figure has no target. */
  target: number | null;
  /** An absolute bound on subjectValue (e.g. 16 ms per keystroke), when the figure has one. */
  absoluteTarget?: number;
  /** Extra figures (samples, p99, throughput…). */
  details: Record<string, number | string | boolean>;
  /** Why a target was missed, or null. */
  note: string | null;
}

/** `ratio` within `target` (or no target). */
export function meetsTarget(result: BenchResult): boolean {
  return (result.target === null || result.ratio <= result.target) && (result.absoluteTarget === undefined || result.subjectValue <= result.absoluteTarget);
}

/** Rounds for display and JSON. */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The unit an absolute target is in: the first word of the row's unit (`ms`, `bytes`). */
export function absoluteUnit(result: BenchResult): string {
  return result.unit.split(' ')[0] ?? '';
}
