/**
 * CKD progression over months (KDIGO 2024 CKD guideline, chapter 2: "progression" is a drop in GFR category with a
 * ≥ 25 % fall in eGFR from baseline, and rapid progression a sustained decline of more than 5 mL/min/1.73 m² per
 * year), plus a doubling of serum creatinine over months. Distinct from AKI (KDIGO 2012: 48 h / 7 days), which has
 * its own rule; changes within the AKI window are not used as a baseline.
 */
import type { Citations } from '../types';

export const KIDNEY_DECLINE = {
  id: 'kidney-decline',
  /** KDIGO GFR categories, lower bounds (mL/min/1.73 m²). */
  categories: [
    { name: 'G1', min: 90 },
    { name: 'G2', min: 60 },
    { name: 'G3a', min: 45 },
    { name: 'G3b', min: 30 },
    { name: 'G4', min: 15 },
    { name: 'G5', min: 0 },
  ],
  relativeDrop: 0.25,
  rapidPerYear: 5,
  creatinineRatio: 2,
  /** The baseline is at least this long before the latest value (longer than the AKI windows), and at most lookback. */
  minSpanDays: 90,
  lookbackDays: 3 * 365,
  /** Latest eGFR below this: the finding asks for nephrology referral (KDIGO 2024, G4–G5). */
  referBelow: 30,
  citations: [
    {
      title:
        'KDIGO 2024 Clinical Practice Guideline for the Evaluation and Management of Chronic Kidney Disease, chapter 2 (progression: GFR category drop with ≥ 25 % eGFR decline; rapid progression > 5 mL/min/1.73 m²/year). Kidney Int 2024;105(4S):S117-S314',
      url: 'https://doi.org/10.1016/j.kint.2023.10.018',
      year: 2024,
    },
  ] satisfies Citations,
  limitations: [
    'Uses the lab-reported eGFR; values reported only as a bound (e.g. "> 60") are not used for the fall.',
    'A decline needs the two latest values to agree; a single low value (e.g. intercurrent illness) does not fire.',
  ],
} as const;

/** GFR category name for a value. */
export function gfrCategory(egfr: number): string {
  return KIDNEY_DECLINE.categories.find((c) => egfr >= c.min)?.name ?? 'G5';
}
