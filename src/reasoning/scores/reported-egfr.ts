/**
 * Which laboratory-reported eGFR to use when there is no creatinine to recalculate from. Laboratories often send
 * several terms for one draw (MDRD "among non-blacks" and "among blacks", CKD-EPI 2021…). The newest draw wins; within
 * it a race-free value first, then a legacy one, and a value "among blacks" only when nothing else was reported —
 * with its race coefficient divided out, so it never reads as better kidney function than the patient has
 * (knowledge/labs.ts EGFR_EQUATIONS).
 */
import type { Facts, ObservationFact } from '../facts';
import { EGFR_EQUATIONS, type EgfrEquation } from '../knowledge/labs';
import { day, fmt, latestWithin, seriesOf } from './observations';

export interface ReportedEgfr {
  obs: ObservationFact;
  /** The value reasoned on (the reported one, or without its race coefficient). */
  value: number;
  /** Said wherever the value is shown when it was adjusted. */
  note?: string;
}

const PREFERENCE: readonly EgfrEquation[] = ['race-free', 'legacy', 'race-black'];

const rank = (o: ObservationFact): number => PREFERENCE.indexOf(EGFR_EQUATIONS[o.loinc]?.equation ?? 'legacy');

export function pickReportedEgfr(facts: Facts, windowDays: number): ReportedEgfr | undefined {
  const newest = latestWithin(facts, 'egfr', windowDays).current;
  if (!newest) return undefined;
  const sameDraw = seriesOf(facts, 'egfr').filter((o) => day(o.date) === day(newest.date));
  const obs = [...sameDraw].sort((a, b) => rank(a) - rank(b) || a.ref.localeCompare(b.ref))[0] ?? newest;
  const coefficient = EGFR_EQUATIONS[obs.loinc]?.raceCoefficient;
  if (coefficient === undefined) return { obs, value: obs.value };
  const value = obs.value / coefficient;
  return {
    obs,
    value,
    note: `reported "among blacks" (LOINC ${obs.loinc}) as ${fmt(obs.value, 1)}; the race coefficient ×${coefficient} was divided out (${fmt(value, 1)}), as the NKF-ASN Task Force advises against race-based eGFR`,
  };
}
