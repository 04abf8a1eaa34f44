/**
 * KDIGO 2012 acute kidney injury, creatinine criteria (section 2.1): a rise ≥ 0.3 mg/dL within 48 hours, or to
 * ≥ 1.5 × baseline known or presumed within the prior 7 days. Stage 1: 1.5–1.9 × or ≥ 0.3 mg/dL; stage 2:
 * 2.0–2.9 ×; stage 3: ≥ 3.0 × or a rise to ≥ 4.0 mg/dL. "A rise to" means the value crossed 4.0 during the
 * episode (baseline below it): a patient whose creatinine already sits above 4.0 (CKD stage 5) is staged by ratio.
 * Patients on dialysis are not assessed: their creatinine swings with each session, and KDIGO stages AKI in patients
 * not yet on kidney replacement therapy (starting it is itself stage 3). Urine output criteria are not evaluated.
 */
import type { Citations, Severity } from '../types';
import type { DrugClassId } from './drugs';

export const AKI_KDIGO = {
  id: 'aki-kdigo',
  absoluteRiseMgDl: 0.3,
  absoluteWindowHours: 48,
  relativeRise: 1.5,
  baselineWindowDays: 7,
  stage2Ratio: 2.0,
  stage3Ratio: 3.0,
  stage3AbsoluteMgDl: 4.0,
  /** Stage 3 is near harm (dialysis-range injury): critical; stages 1–2 warrant review: warning. */
  severity: { 1: 'warning', 2: 'warning', 3: 'critical' } as const satisfies Record<1 | 2 | 3, Severity>,
  /** Drugs to review in AKI: nephrotoxic or haemodynamically harmful, or renally cleared with dose rules. */
  reviewClasses: [
    'nsaid',
    'ace-inhibitor',
    'arb',
    'potassium-sparing-diuretic',
    'aldosterone-antagonist',
    'loop-diuretic',
    'thiazide',
    'biguanide',
    'doac',
    'gabapentinoid',
    'nitrofuran',
    'cardiac-glycoside',
    'antifolate',
  ] as const satisfies readonly DrugClassId[],
  citations: [
    {
      title:
        'KDIGO Clinical Practice Guideline for Acute Kidney Injury. Kidney Int Suppl 2012;2(1):1-138 (sections 2.1 definition and staging, 2.2 stage-based management)',
      url: 'https://kdigo.org/guidelines/acute-kidney-injury/',
      year: 2012,
    },
  ] satisfies Citations,
  limitations: [
    'Urine output criteria are not evaluated; AKI defined by oliguria alone is missed.',
    'Only baselines within the last 7 days are used; a slower rise against an older baseline (acute kidney disease) is not flagged.',
    'Creatinine can rise without kidney injury (e.g. trimethoprim, cimetidine, muscle mass changes) and lags behind a true fall in GFR.',
    'Dialysis is read from coded conditions (end-stage kidney disease, dependence on dialysis); a dialysis schedule recorded only as procedures is not seen.',
  ],
};
