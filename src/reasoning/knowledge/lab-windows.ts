/**
 * How old a value may be before a rule stops trusting it. A rule never reasons on a stale value as if it were
 * current: it reports "insufficient" with the reason instead (CONTRIBUTING.md, "Adding a rule"; a wrong all-clear is worse than none).
 */
import type { Citations } from '../types';

export const LAB_WINDOW_CITATIONS: Citations = [
  {
    title:
      'KDIGO 2024 Clinical Practice Guideline for the Evaluation and Management of Chronic Kidney Disease (monitoring: at least yearly eGFR in CKD)',
    url: 'https://kdigo.org/guidelines/ckd-evaluation-and-management/',
    year: 2024,
  },
];

/**
 * Creatinine (and a reported eGFR) used for drug dosing: 12 months. KDIGO 2024 asks for at least yearly eGFR in
 * CKD; an older value says little about today's kidney function. Project policy, documented here.
 */
export const CREATININE_WINDOW_DAYS = 365;

/** Body weight used for Cockcroft–Gault: 6 months (weight changes over months; project policy). */
export const WEIGHT_WINDOW_DAYS = 183;

/** Potassium: 30 days. Hyperkalaemia is an acute problem; a value older than a month is history, not news. */
export const POTASSIUM_WINDOW_DAYS = 30;

/** AKI: the latest creatinine must be at most 7 days old (the KDIGO 2012 definition spans 48 h to 7 days). */
export const AKI_RECENT_DAYS = 7;

/** NEWS2 is a bedside score: each vital sign must be from the last 24 hours to count. */
export const NEWS2_WINDOW_HOURS = 24;
