/**
 * eGFR by the CKD-EPI 2021 race-free creatinine equation (Inker et al., NEJM 2021;385:1737-49):
 *   eGFR = 142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age × 1.012 [if female]
 *   κ = 0.7 (female) / 0.9 (male); α = −0.241 (female) / −0.302 (male); Scr in mg/dL; result mL/min/1.73 m².
 * Coefficients checked against the NKF's published 2021 equation page and independent implementations.
 *
 * Policy when there is no usable creatinine: a laboratory-reported eGFR from the same window is used and labeled
 * "reported" (we cannot check how it was calculated; a race-coded value is never used as reported: reported-egfr.ts);
 * otherwise the value is null with the reason.
 */
import type { Facts, ObservationFact, Sex } from '../facts';
import type { Citations, Score, ScoreComponent } from '../types';
import { ageInYears } from '@fhir/dates';
import { CREATININE_WINDOW_DAYS } from '../knowledge/lab-windows';
import { day, fmt, latestWithin } from './observations';
import { ADULT_AGE } from './cockcroft-gault';
import { pickReportedEgfr, type ReportedEgfr } from './reported-egfr';

export const EGFR_CITATIONS: Citations = [
  {
    title:
      'Inker LA et al. New Creatinine- and Cystatin C-Based Equations to Estimate GFR without Race. N Engl J Med 2021;385:1737-49',
    url: 'https://doi.org/10.1056/NEJMoa2102953',
    year: 2021,
  },
  {
    title: 'National Kidney Foundation. CKD-EPI Creatinine Equation (2021)',
    url: 'https://www.kidney.org/ckd-epi-creatinine-equation-2021',
    year: 2021,
  },
  {
    title: 'KDIGO 2024 Clinical Practice Guideline for the Evaluation and Management of CKD (GFR categories G1–G5)',
    url: 'https://kdigo.org/guidelines/ckd-evaluation-and-management/',
    year: 2024,
  },
];

/** The CKD-EPI 2021 creatinine equation (Scr mg/dL, age years, sex at birth as recorded). */
export function ckdEpi2021(scrMgDl: number, ageYears: number, sex: 'female' | 'male'): number {
  const female = sex === 'female';
  const kappa = female ? 0.7 : 0.9;
  const alpha = female ? -0.241 : -0.302;
  const ratio = scrMgDl / kappa;
  return 142 * Math.min(ratio, 1) ** alpha * Math.max(ratio, 1) ** -1.2 * 0.9938 ** ageYears * (female ? 1.012 : 1);
}

/** KDIGO GFR category for an eGFR (mL/min/1.73 m²). */
export function gfrCategory(egfr: number): string {
  if (egfr >= 90) return 'G1 (normal or high)';
  if (egfr >= 60) return 'G2 (mildly decreased)';
  if (egfr >= 45) return 'G3a (mildly to moderately decreased)';
  if (egfr >= 30) return 'G3b (moderately to severely decreased)';
  if (egfr >= 15) return 'G4 (severely decreased)';
  return 'G5 (kidney failure range)';
}

export type EgfrBasis = 'calculated' | 'reported';

/** Kidney function as rules read it: the eGFR, what it rests on, and the creatinine behind it. */
export interface EgfrResult {
  score: Score;
  value?: number;
  basis?: EgfrBasis;
  creatinine?: ObservationFact;
  reported?: ObservationFact;
  /** Why a reported value was used instead of a calculated one. */
  reportedBecause?: string;
}

const base = (components: ScoreComponent[]): Omit<Score, 'value' | 'interpretation'> => ({
  id: 'egfr-ckd-epi-2021',
  name: 'eGFR (CKD-EPI 2021, creatinine, race-free)',
  unit: 'mL/min/1.73 m²',
  components,
  citations: EGFR_CITATIONS,
});

function creatinineComponent(o: ObservationFact): ScoreComponent {
  const original = o.originalUnit !== o.unit ? ` (reported ${fmt(o.originalValue)} ${o.originalUnit})` : '';
  return {
    name: 'Serum creatinine',
    points: 0,
    value: `${fmt(o.value)} mg/dL${original}`,
    source: o.ref,
    date: o.date,
  };
}

function sexProblem(sex: Sex | undefined): string | undefined {
  if (sex === 'female' || sex === 'male') return undefined;
  // The equation has only female and male coefficients; choosing one for 'other'/'unknown' would be a guess.
  return `sex recorded as "${sex ?? 'missing'}": the equation has only female and male coefficients, so it was not applied`;
}

function insufficient(reason: string, components: ScoreComponent[]): EgfrResult {
  return {
    score: { ...base(components), value: null, interpretation: 'eGFR could not be calculated.', insufficient: reason },
  };
}

function fromReported(pick: ReportedEgfr, why: string): EgfrResult {
  const { obs: reported, value } = pick;
  const v = Math.round(value);
  const adjusted = pick.note ? ` ${pick.note}.` : '';
  const score: Score = {
    ...base([
      {
        name: 'Laboratory-reported eGFR',
        points: 0,
        value: `${fmt(reported.value, 1)} ${reported.unit}${pick.note ? ` (used: ${fmt(value, 1)}, race coefficient removed)` : ''}`,
        source: reported.ref,
        date: reported.date,
      },
    ]),
    name: 'eGFR (reported by the laboratory, not recalculated)',
    value: v,
    date: reported.date,
    interpretation: `${gfrCategory(v)} — laboratory-reported value (equation unknown); not recalculated because ${why}.${adjusted}`,
  };
  return { score, value, basis: 'reported', reported, reportedBecause: pick.note ? `${why}; ${pick.note}` : why };
}

/** eGFR from the latest creatinine within the window, with age and sex at that date. */
export function computeEgfr(facts: Facts): EgfrResult {
  const { current: scr, stale } = latestWithin(facts, 'creatinine', CREATININE_WINDOW_DAYS);
  const reported = pickReportedEgfr(facts, CREATININE_WINDOW_DAYS);
  if (!scr) {
    const why = stale
      ? `the latest creatinine (${day(stale.date)}) is older than ${CREATININE_WINDOW_DAYS} days`
      : 'no creatinine is recorded';
    return reported
      ? fromReported(reported, why)
      : insufficient(`${why} and no laboratory eGFR in that window`, stale ? [creatinineComponent(stale)] : []);
  }
  const components = [creatinineComponent(scr)];
  const sexIssue = sexProblem(facts.patient?.sex);
  const age = ageInYears(facts.patient?.birthDate, scr.date) ?? facts.patient?.ageYears;
  // CKD-EPI was developed in adults; children need a paediatric equation (e.g. CKiD), which we do not compute.
  const ageIssue =
    age === undefined
      ? 'age unknown (no usable birth date)'
      : age < ADULT_AGE
        ? `age ${age}: CKD-EPI is validated for adults only`
        : undefined;
  const issue = ageIssue ?? sexIssue;
  const child = age !== undefined && age < ADULT_AGE;
  if (issue) return reported && !child ? fromReported(reported, issue) : insufficient(issue, components);
  components.push({ name: 'Age at the creatinine date', points: 0, value: `${age} years`, date: scr.date });
  const sex = facts.patient?.sex as 'female' | 'male';
  components.push({ name: 'Sex', points: 0, value: sex, ...(facts.patient ? { source: facts.patient.ref } : {}) });
  const egfr = ckdEpi2021(scr.value, age as number, sex);
  const value = Math.round(egfr);
  const score: Score = {
    ...base(components),
    value,
    date: scr.date,
    interpretation: `${gfrCategory(value)}; from creatinine of ${day(scr.date)}.`,
  };
  return { score, value: egfr, basis: 'calculated', creatinine: scr };
}
