/**
 * The formatting layer in the four locales people run Nevent in most: Spain and Mexico, the US and the
 * UK. The same instant in a fixed time zone; the list's date and the detail's date must agree.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatsFor, relativeParts } from '../../../src-shared/i18n/format';

const at = '2025-12-03T13:05:09Z';
/** Intl separates some parts with no-break spaces (`15,3 %`, `1200,50 €`): compared as plain spaces. */
const spaced = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
const threeDaysBefore = '2025-11-30T13:05:09Z';
const dayBefore = '2025-12-02T13:05:09Z';

beforeAll(() => {
  // Madrid: 13:05 UTC is 14:05 there. Node reads TZ again when it changes.
  process.env.TZ = 'Europe/Madrid';
});

describe('formatting layer', () => {
  it('es-ES: Spanish dates, times, relative times, numbers, amounts and lists', () => {
    const f = formatsFor('es-ES');
    expect(f.date(at)).toBe('3 dic 2025');
    expect(f.dateTime(at)).toBe('3 dic 2025, 14:05');
    expect(f.time(at)).toBe('14:05:09');
    expect(f.relative(threeDaysBefore, at)).toBe('hace 3 días');
    expect(f.relative(dayBefore, at)).toBe('ayer');
    expect(f.number(1471)).toBe('1471');
    expect(f.number(14710.5)).toBe('14.710,5');
    expect(spaced(f.percent(0.153))).toBe('15,3 %');
    expect(spaced(f.currency(1200.5, 'EUR'))).toBe('1200,50 €');
    expect(f.list(['Málaga', 'Logroño', 'A Coruña'])).toBe('Málaga, Logroño y A Coruña');
    expect(f.list(['Madrid', 'Ourense'], 'disjunction')).toBe('Madrid u Ourense');
    expect(f.day('2026-01-01')).toBe('1 ene 2026');
  });

  it('es-MX: Spanish words, Mexican numbers and hours', () => {
    const f = formatsFor('es-MX');
    expect(f.date(at)).toBe('3 dic 2025');
    expect(spaced(f.dateTime(at))).toBe('3 dic 2025, 2:05 p.m.');
    expect(f.relative(threeDaysBefore, at)).toBe('hace 3 días');
    expect(f.number(1471)).toBe('1,471');
    expect(f.percent(0.153)).toBe('15.3%');
    expect(f.currency(1200.5, 'MXN')).toBe('$1,200.50');
    expect(f.list(['Málaga', 'Logroño', 'A Coruña'])).toBe('Málaga, Logroño y A Coruña');
  });

  it('en-US: month first, 12-hour clock, serial comma', () => {
    const f = formatsFor('en-US');
    expect(f.date(at)).toBe('Dec 3, 2025');
    expect(spaced(f.dateTime(at))).toBe('Dec 3, 2025, 2:05 PM');
    expect(spaced(f.time(at))).toBe('2:05:09 PM');
    expect(f.relative(threeDaysBefore, at)).toBe('3 days ago');
    expect(f.relative(dayBefore, at)).toBe('yesterday');
    expect(f.number(1471)).toBe('1,471');
    expect(f.currency(1200.5, 'EUR')).toBe('€1,200.50');
    expect(f.list(['Málaga', 'Logroño', 'A Coruña'])).toBe('Málaga, Logroño, and A Coruña');
    expect(f.day('2026-01-01')).toBe('Jan 1, 2026');
  });

  it('en-GB: day first, 24-hour clock, no serial comma', () => {
    const f = formatsFor('en-GB');
    expect(f.date(at)).toBe('3 Dec 2025');
    expect(f.dateTime(at)).toBe('3 Dec 2025, 14:05');
    expect(f.time(at)).toBe('14:05:09');
    expect(f.relative(threeDaysBefore, at)).toBe('3 days ago');
    expect(f.number(14710.5)).toBe('14,710.5');
    expect(f.list(['Málaga', 'Logroño', 'A Coruña'])).toBe('Málaga, Logroño and A Coruña');
  });

  it('the list and the detail write one day the same way (the detail adds the time)', () => {
    for (const locale of ['es-ES', 'es-MX', 'en-US', 'en-GB']) {
      const f = formatsFor(locale);
      expect(f.dateTime(at).startsWith(f.date(at)), locale).toBe(true);
    }
  });

  it('a day written YYYY-MM-DD stays that day in every time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(formatsFor('en-US').day('2026-01-01')).toBe('Jan 1, 2026');
    } finally {
      process.env.TZ = 'Europe/Madrid';
    }
  });

  it('a garbled date from the API is shown as it came, never "Invalid Date"', () => {
    expect(formatsFor('es-ES').date('not a date')).toBe('not a date');
    expect(formatsFor('en-US').dateTime('')).toBe('');
    expect(formatsFor('es-ES').day('2026-13-45')).toBe('2026-13-45');
  });

  it('says a distance in its largest whole unit', () => {
    expect(relativeParts(-3 * 24 * 3600_000)).toEqual({ value: -3, unit: 'day' });
    expect(relativeParts(90 * 60_000)).toEqual({ value: 1, unit: 'hour' });
    expect(relativeParts(400)).toEqual({ value: 0, unit: 'second' });
    expect(formatsFor('es-ES').relative('2025-12-03T13:05:09Z', at)).toBe('ahora');
  });

  it('formatters are made once per locale', () => {
    expect(formatsFor('es-ES')).toBe(formatsFor('es-ES'));
    expect(formatsFor('es-ES').language('en-GB')).toBe('inglés británico');
  });
});
