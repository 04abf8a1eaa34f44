/**
 * Creatinine clearance by Cockcroft–Gault (Cockcroft DW, Gault MH. Nephron 1976;16:31-41):
 *   CrCl (mL/min) = (140 − age) × weight (kg) / (72 × Scr mg/dL) × 0.85 [if female]
 * Many drug labels (DOACs, nitrofurantoin in Beers, gabapentinoids) state their thresholds as CrCl from this
 * equation. We use actual body weight, as the DOAC pivotal trials did, and only a weight from the last 6 months.
 * It is an adult equation (derived in men aged 18–92): under 18 it is not computed, and the reason says so —
 * children's kidney function needs a paediatric equation (e.g. bedside Schwartz), which we do not compute.
 */
import type { Facts, ObservationFact } from '../facts';
import type { Citation } from '../types';
import { ageInYears } from '@fhir/dates';
import { CREATININE_WINDOW_DAYS, WEIGHT_WINDOW_DAYS } from '../knowledge/lab-windows';
import { day, latestWithin } from './observations';

export const COCKCROFT_GAULT_CITATION: Citation = {
  title: 'Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum creatinine. Nephron 1976;16(1):31-41',
  url: 'https://doi.org/10.1159/000180580',
  year: 1976,
};

/** Youngest age the equation is applied at (years). */
export const ADULT_AGE = 18;

/** The Cockcroft–Gault equation (mL/min). */
export function cockcroftGault(scrMgDl: number, ageYears: number, weightKg: number, sex: 'female' | 'male'): number {
  return (((140 - ageYears) * weightKg) / (72 * scrMgDl)) * (sex === 'female' ? 0.85 : 1);
}

export interface CrclResult {
  value?: number;
  creatinine?: ObservationFact;
  weight?: ObservationFact;
  age?: number;
  /** Why CrCl could not be computed. */
  missing?: string;
}

/** CrCl from the latest creatinine (12-month window) and body weight (6-month window). */
export function computeCrcl(facts: Facts): CrclResult {
  const scr = latestWithin(facts, 'creatinine', CREATININE_WINDOW_DAYS).current;
  const wt = latestWithin(facts, 'body-weight', WEIGHT_WINDOW_DAYS);
  const sex = facts.patient?.sex;
  if (!scr) return { missing: `no creatinine in the last ${CREATININE_WINDOW_DAYS} days` };
  const age = ageInYears(facts.patient?.birthDate, scr.date) ?? facts.patient?.ageYears;
  if (!wt.current) {
    const why = wt.stale
      ? `the latest body weight (${day(wt.stale.date)}) is older than ${WEIGHT_WINDOW_DAYS} days`
      : 'no body weight is recorded';
    return { creatinine: scr, missing: why };
  }
  if (age === undefined) return { creatinine: scr, weight: wt.current, missing: 'age unknown' };
  if (age < ADULT_AGE)
    return {
      creatinine: scr,
      weight: wt.current,
      age,
      missing: `age ${age}: Cockcroft–Gault is an adult equation and is not computed under ${ADULT_AGE}`,
    };
  if (sex !== 'female' && sex !== 'male')
    return {
      creatinine: scr,
      weight: wt.current,
      age,
      missing: `sex recorded as "${sex ?? 'missing'}" (the equation has a female factor only)`,
    };
  return { value: cockcroftGault(scr.value, age, wt.current.value, sex), creatinine: scr, weight: wt.current, age };
}
