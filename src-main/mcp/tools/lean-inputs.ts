/**
 * Input fields whose checks stay out of `tools/list` (context budget): zod's own email,
 * date-time and URL schemas advertise a regular expression of several hundred bytes in every tool that
 * uses them; these check the same in a refinement (not advertised) and say what they take in a word.
 */
import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });
const email = z.email();
const httpUrl = z.url({ protocol: /^https?$/ });

/** An ISO 8601 date-time with a time zone (`2026-05-01T18:00:00Z`). */
export function isoDateTimeInput(): z.ZodString {
  return z.string().max(64).refine((value) => isoDateTime.safeParse(value).success, 'an ISO date-time with a time zone, e.g. 2026-05-01T18:00:00Z') as unknown as z.ZodString;
}

/** An email address. */
export function emailInput(): z.ZodString {
  return z.string().max(320).refine((value) => email.safeParse(value).success, 'an email address') as unknown as z.ZodString;
}

/** An http(s) URL. */
export function httpUrlInput(): z.ZodString {
  return z.string().max(2048).refine((value) => httpUrl.safeParse(value).success, 'an http or https URL') as unknown as z.ZodString;
}

/** Flat key/value pairs (string keys up to 100 characters; string, number or boolean values). */
export function flatRecordInput(): z.ZodType<Record<string, string | number | boolean>> {
  const value = z.union([z.string().max(1000), z.number(), z.boolean()]);
  return z.record(z.string(), z.unknown()).superRefine((record, ctx) => {
    for (const [key, entry] of Object.entries(record)) {
      if (key.length > 100) ctx.addIssue({ code: 'custom', path: [key], message: 'keys have at most 100 characters' });
      if (!value.safeParse(entry).success) ctx.addIssue({ code: 'custom', path: [key], message: 'a string (up to 1000 characters), number or boolean' });
    }
  }) as unknown as z.ZodType<Record<string, string | number | boolean>>;
}
