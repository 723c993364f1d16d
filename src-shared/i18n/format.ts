/**
 * The one formatting layer (docs/i18n.md): every date, time, number, amount and list a person reads is
 * formatted here, over `Intl`, in the active locale. Nothing else calls `toLocaleString` or builds an
 * `Intl` formatter, so the list and the detail can never show one date two ways.
 *
 * Formatters are built once per locale and option set (building one costs far more than using it).
 */

/** A date as the API sends it (ISO text), a timestamp, or a Date. */
export type DateInput = string | number | Date;

/** The formatters of one locale. */
export interface Formats {
  /** The BCP 47 locale every value is formatted in. */
  readonly locale: string;
  /** A count or quantity: `1,471` / `1471` / `14.710`. */
  number(value: number, options?: { maximumFractionDigits?: number }): string;
  /** A ratio as a percentage (0.153 → `15.3%` / `15,3 %`). */
  percent(ratio: number, maximumFractionDigits?: number): string;
  /** An amount of money in an ISO 4217 currency (`€1,200.50` / `1200,50 €`). */
  currency(amount: number, currency: string): string;
  /** A day: `Dec 3, 2025` / `3 dic 2025`. */
  date(value: DateInput): string;
  /** A calendar day written `YYYY-MM-DD` (a segment condition's date), the same way as `date`, in no time zone. */
  day(isoDay: string): string;
  /** A day and its time: the day exactly as `date` writes it, then the time. */
  dateTime(value: DateInput): string;
  /** A time of day to the second (`14:05:09` / `2:05:09 PM`). */
  time(value: DateInput): string;
  /** How long ago (or how soon) from `now`: `3 days ago` / `hace 3 días`, `yesterday` / `ayer`. */
  relative(value: DateInput, now?: DateInput): string;
  /** A language tag's name in this locale (`es-ES` → `Spanish (Spain)` / `español (España)`). */
  language(tag: string): string;
  /** Items joined as the language joins them: `a, b and c` / `a, b y c` (`or` / `o` for a disjunction). */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
}

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

/** Largest unit first: the first whose size the distance reaches is the one said. */
const relativeUnits: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** The unit and signed amount a relative time is said in (whole units, rounded toward zero). */
export function relativeParts(deltaMs: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const size = Math.abs(deltaMs);
  for (const [unit, ms] of relativeUnits) {
    if (size >= ms) return { value: Math.trunc(deltaMs / ms), unit };
  }
  return { value: 0, unit: 'second' };
}

const byLocale = new Map<string, Formats>();

/** The formatters of `locale` (made once per locale, then shared). */
export function formatsFor(locale: string): Formats {
  let formats = byLocale.get(locale);
  if (formats === undefined) {
    formats = createFormats(locale);
    byLocale.set(locale, formats);
  }
  return formats;
}

function createFormats(locale: string): Formats {
  const cache = new Map<string, unknown>();
  const once = <T>(key: string, make: () => T): T => {
    let made = cache.get(key) as T | undefined;
    if (made === undefined) {
      made = make();
      cache.set(key, made);
    }
    return made;
  };
  const invalid = (value: DateInput): boolean => Number.isNaN(toDate(value).getTime());
  return {
    locale,
    number: (value, options) => once(`n${options?.maximumFractionDigits ?? ''}`, () => new Intl.NumberFormat(locale, options?.maximumFractionDigits === undefined ? {} : { maximumFractionDigits: options.maximumFractionDigits })).format(value),
    percent: (ratio, digits = 1) => once(`p${digits}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits })).format(ratio),
    currency: (amount, currency) => once(`c${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency })).format(amount),
    // A date the API sent garbled is shown as it came, never as "Invalid Date".
    date: (value) => (invalid(value) ? String(value) : once('d', () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(toDate(value))),
    day: (isoDay) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
      if (match === null) return isoDay;
      const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      // Not a real day (month 13, February 30): shown as it came, never rolled over into another day.
      return new Date(at).toISOString().slice(0, 10) !== isoDay ? isoDay : once('day', () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(at);
    },
    dateTime: (value) => (invalid(value) ? String(value) : once('dt', () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(toDate(value))),
    time: (value) => (invalid(value) ? String(value) : once('t', () => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' })).format(toDate(value))),
    relative: (value, now = Date.now()) => {
      if (invalid(value)) return String(value);
      const { value: amount, unit } = relativeParts(toDate(value).getTime() - toDate(now).getTime());
      return once('r', () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(amount, unit);
    },
    language: (tag) => {
      try {
        return once('lang', () => new Intl.DisplayNames(locale, { type: 'language' })).of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
    list: (items, type = 'conjunction') => once(`l${type}`, () => new Intl.ListFormat(locale, { style: 'long', type })).format(items),
  };
}
