/**
 * Hard daily-dose limits from US labels and FDA safety communications, checked against the order's own
 * dosageInstruction (normalize/dosage.ts). Only limits no indication exceeds are listed: a dose above them is an
 * error, not a judgment call. Adding a limit is a data change.
 */
import type { Citations, Severity } from '../types';
import { drugLabel } from './drug-label';
import { CITALOPRAM_CAP } from './qt-prolongation';

export interface DoseLimit {
  id: string;
  /** RxNorm ingredient CUI. */
  cui: string;
  drug: string;
  /** `max-daily`: per order; `sum-daily`: summed over every current and draft order of the ingredient;
   *  `weekly`: oral dosing more often than once a week is the error (methotrexate). */
  kind: 'max-daily' | 'sum-daily' | 'weekly';
  maxDailyMg?: number;
  /** A stricter cap from an age (years, exclusive). */
  older?: { years: number; maxDailyMg: number };
  severity: { draft: Severity; chart: Severity };
  harm: string;
  rationale: string;
  /** What to do, one plain-text line: the finding's action. */
  management: string;
  citations: Citations;
}

export const DOSE_LIMITS: readonly DoseLimit[] = [
  {
    id: 'dose-citalopram-max',
    cui: CITALOPRAM_CAP.cui,
    drug: 'citalopram',
    kind: 'max-daily',
    maxDailyMg: CITALOPRAM_CAP.maxMg,
    older: { years: CITALOPRAM_CAP.olderThanYears, maxDailyMg: CITALOPRAM_CAP.olderMaxMg },
    severity: { draft: 'warning', chart: 'info' },
    harm: 'dose above the FDA QT cap',
    rationale:
      'Citalopram prolongs the QT interval dose-dependently; doses above 40 mg/day add QT risk without more antidepressant benefit. Over 60 years the cap is 20 mg/day (higher exposure).',
    management:
      'Reduce to the cap (20 mg/day over 60 years, 40 mg/day otherwise), or choose an antidepressant with less QT effect (e.g. sertraline).',
    citations: CITALOPRAM_CAP.citations,
  },
  {
    id: 'dose-acetaminophen-max',
    cui: '161',
    drug: 'acetaminophen',
    kind: 'sum-daily',
    maxDailyMg: 4000,
    severity: { draft: 'warning', chart: 'info' },
    harm: 'more than 4 g/day across all products (liver injury)',
    rationale:
      'Acetaminophen above 4,000 mg in 24 hours can cause severe liver injury; combination products (with opioids, cold remedies) are the usual way the total is exceeded unnoticed.',
    management:
      'Keep the total of all acetaminophen-containing orders at or below 4 g/day (lower with liver disease, heavy alcohol use or low body weight).',
    citations: [
      drugLabel(
        'Acetaminophen (OTC Drug Facts: liver warning; Rx combination products)',
        2023,
        'boxed warning: hepatotoxicity',
      ),
      {
        title:
          'FDA Drug Safety Communication: prescription acetaminophen products limited to 325 mg per dosage unit; boxed warning for liver injury',
        url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-prescription-acetaminophen-products-be-limited-325-mg-dosage-unit',
        year: 2011,
      },
    ],
  },
  {
    id: 'dose-methotrexate-weekly',
    cui: '6851',
    drug: 'methotrexate',
    kind: 'weekly',
    severity: { draft: 'critical', chart: 'warning' },
    harm: 'daily instead of weekly dosing (fatal toxicity reported)',
    rationale:
      'Oral methotrexate for arthritis, psoriasis and most other uses is taken once a week. Daily dosing by mistake has caused fatal bone-marrow, gut and liver toxicity.',
    management:
      'Confirm the indication; for non-cancer use order once weekly, on a named day. The label requires verifying the schedule before dispensing.',
    citations: [
      drugLabel('Methotrexate tablets (Trexall, Xatmep)', 2021, 'boxed warning and section 2.1 (verify weekly dosing)'),
      {
        title: 'ISMP List of High-Alert Medications: oral methotrexate (non-oncologic use)',
        url: 'https://www.ismp.org/recommendations/high-alert-medications-community-ambulatory-list',
        year: 2021,
      },
    ],
  },
  {
    id: 'dose-colchicine-max',
    cui: '2683',
    drug: 'colchicine',
    kind: 'max-daily',
    maxDailyMg: 2.4,
    severity: { draft: 'warning', chart: 'info' },
    harm: 'dose above every labelled daily maximum',
    rationale:
      'Colchicine has a narrow therapeutic index: gout flares 1.8 mg over one hour, prophylaxis up to 1.2 mg/day, familial Mediterranean fever up to 2.4 mg/day. More causes severe GI, marrow and neuromuscular toxicity.',
    management:
      'Reduce to the labelled dose for the indication; halve it or avoid it with strong CYP3A4 or P-gp inhibitors and in renal impairment.',
    citations: [drugLabel('Colchicine (Colcrys)', 2020, 'section 2 Dosage and administration')],
  },
];
