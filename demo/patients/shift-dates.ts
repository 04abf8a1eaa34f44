/**
 * Moves every full date in a resource by whole days, so the 2021 synthetic record reads as recent on today's
 * clock. Only the calendar-date part changes: times, offsets and partial dates ("2019") stay as written, and
 * intervals between events are preserved exactly.
 */

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})(T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/;

function shiftDate(value: string, days: number): string {
  const m = FULL_DATE.exec(value);
  if (!m) return value;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10) + (m[4] ?? '');
}

/** A deep copy of `value` with each full FHIR date/dateTime string moved by `days`. */
export function shiftDates<T>(value: T, days: number): T {
  if (days === 0) return value;
  return walk(value, days) as T;
}

function walk(value: unknown, days: number): unknown {
  if (typeof value === 'string') return shiftDate(value, days);
  if (Array.isArray(value)) return value.map((item) => walk(item, days));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  // Narrative (text.div) and ids are left alone: they are not FHIR dates even when they look like one.
  for (const [key, child] of Object.entries(value))
    out[key] = key === 'id' || key === 'div' ? child : walk(child, days);
  return out;
}
