/** Picking observations by age relative to `facts.now` (never the system clock). */
import type { Facts, ObservationFact } from '../facts';
import { parseFhirDate } from '@fhir/dates';

const DAY_MS = 86_400_000;

export interface LatestPick {
  /** The newest value within the window, if any. */
  current?: ObservationFact;
  /** The newest value at all, when it is older than the window (to say why a value was not used). */
  stale?: ObservationFact;
}

/** Age of a FHIR date relative to now, in days (fractional); undefined when either date is unusable. */
export function ageInDays(date: string, now: string): number | undefined {
  const d = parseFhirDate(date);
  const n = parseFhirDate(now);
  return d === undefined || n === undefined ? undefined : (n - d) / DAY_MS;
}

/** Series already filtered, by the facts' list and clock: a dozen rules and scores read each analyte per run. */
const series = new WeakMap<readonly ObservationFact[], { now: string; values: readonly ObservationFact[] }>();

/** All values of an analyte not in the future of `now`, oldest first. */
export function seriesOf(facts: Facts, analyte: string): readonly ObservationFact[] {
  const all = facts.observations.get(analyte);
  if (!all) return [];
  const known = series.get(all);
  if (known?.now === facts.now) return known.values;
  const values = all.filter((o) => {
    const age = ageInDays(o.date, facts.now);
    return age !== undefined && age >= 0;
  });
  series.set(all, { now: facts.now, values });
  return values;
}

/** The newest value of an analyte within `windowDays` of now, or the stale newest one. */
export function latestWithin(facts: Facts, analyte: string, windowDays: number): LatestPick {
  const newest = seriesOf(facts, analyte).at(-1);
  if (!newest) return {};
  const age = ageInDays(newest.date, facts.now) ?? Infinity;
  return age <= windowDays ? { current: newest } : { stale: newest };
}

/** "2021-03-02" from a FHIR dateTime, for text. */
export function day(date: string | undefined): string {
  return date ? date.slice(0, 10) : 'date unknown';
}

/** A number for text: at most `digits` decimals, no trailing zeros. */
export function fmt(value: number, digits = 2): string {
  return String(Number(value.toFixed(digits)));
}
