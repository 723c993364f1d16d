/** One "subject against baseline, per call" benchmark row: medians, their ratio, p95s and the overhead. */
import type { BenchResult } from './result';
import { median, quantile } from './stats';

/** Builds the row from interleaved samples; `details` adds what the row should also report. */
export function pairResult(id: string, title: string, subject: string, baseline: string, samples: { baseline: number[]; subject: number[] }, target: number | null, apiLatencyMs: number, details: Record<string, number | string>): BenchResult {
  const s = median(samples.subject);
  const b = median(samples.baseline);
  return {
    id,
    title,
    subject,
    baseline,
    unit: 'ms (median per call)',
    subjectValue: s,
    baselineValue: b,
    ratio: s / b,
    target,
    details: {
      samplesEach: samples.subject.length,
      apiLatencyMs,
      subjectP95Ms: quantile(samples.subject, 0.95),
      baselineP95Ms: quantile(samples.baseline, 0.95),
      overheadMs: s - b,
      ...details,
    },
    note: null,
  };
}
