/**
 * The schedule time a person picks (`<input type="datetime-local">`, local wall time, no zone) and the
 * ISO 8601 time with offset `nevent_schedule_campaign` takes, both ways, in the view's time zone.
 */

const pad = (n: number): string => String(Math.trunc(Math.abs(n))).padStart(2, '0');

/** `2030-01-01T10:00` (local) → `2030-01-01T10:00:00+01:00`; null when the input is not a time. */
export function localInputToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (match === null) return null;
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]));
  if (Number.isNaN(at.getTime())) return null;
  // getTimezoneOffset is minutes *behind* UTC: Madrid in winter is -60, written +01:00.
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** An ISO time (any offset) as the local value a datetime-local input shows; '' when it is not a time. */
export function isoToLocalInput(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The next whole hour at least an hour from `now`, as an input value: a sensible time to offer. */
export function suggestedInput(now: number): string {
  const at = new Date(now + 60 * 60_000);
  at.setMinutes(0, 0, 0);
  at.setHours(at.getHours() + 1);
  return isoToLocalInput(at.toISOString());
}
