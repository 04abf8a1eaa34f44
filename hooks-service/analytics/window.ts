/** The time window of an analytics request: `?from=&to=` (ISO dates) or `?days=` (default 30), ending now. */

export type WindowResult = { ok: true; from: Date; to: Date } | { ok: false; message: string };

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;
const DEFAULT_DAYS = 30;

function parseDate(raw: unknown): Date | undefined {
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(raw)) return undefined;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Parses the query string object; input is unknown until checked here. */
export function parseWindow(query: unknown, now: Date): WindowResult {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  if (q.from !== undefined || q.to !== undefined) {
    if (q.days !== undefined) return { ok: false, message: 'use either from/to or days' };
    const from = parseDate(q.from);
    const to = q.to === undefined ? now : parseDate(q.to);
    if (from === undefined || to === undefined) return { ok: false, message: 'from and to must be ISO dates' };
    if (from >= to) return { ok: false, message: 'from must be before to' };
    if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) return { ok: false, message: `at most ${MAX_DAYS} days` };
    return { ok: true, from, to };
  }
  const days = q.days === undefined ? DEFAULT_DAYS : Number(q.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    return { ok: false, message: `days must be 1–${MAX_DAYS}` };
  return { ok: true, from: new Date(now.getTime() - days * DAY_MS), to: now };
}
