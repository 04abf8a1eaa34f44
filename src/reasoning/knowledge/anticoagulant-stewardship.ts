/**
 * Anticoagulant stewardship beyond renal dosing: DOACs with combined P-gp and strong CYP3A4 inhibitors, dabigatran
 * with dronedarone, anticoagulation at a platelet count below 50 × 10⁹/L, and apixaban 2.5 mg without the label's
 * dose-reduction criteria (under-dosing in AF). Each threshold is from the label or guidance cited with it.
 */
import type { Citation, Citations } from '../types';
import type { InteractionEntry } from './drug-interactions';
import { drugLabel } from './drug-label';
import { APIXABAN } from './anticoagulation';
import { STALE_ORDER_LIMIT } from './limitations';

const ELIQUIS = (section: string): Citation => drugLabel('Apixaban (Eliquis)', 2021, section);
const XARELTO = (section: string): Citation => drugLabel('Rivaroxaban (Xarelto)', 2023, section);

export const DOAC_INHIBITOR_ENTRIES: readonly InteractionEntry[] = [
  {
    id: 'ddi-doac-pgp-strong-cyp3a4-inhibitor',
    harm: 'DOAC exposure up, bleeding risk',
    title: 'Apixaban/rivaroxaban + combined P-gp and strong CYP3A4 inhibitor',
    a: { ingredients: ['1364430', '1114195'], label: 'apixaban/rivaroxaban' },
    b: { classes: ['pgp-strong-cyp3a4-inhibitor'], label: 'ketoconazole/itraconazole/ritonavir/lopinavir/indinavir' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'warning' },
    rationale:
      'Combined P-gp and strong CYP3A4 inhibition roughly doubles apixaban and rivaroxaban exposure (ketoconazole: apixaban AUC ×2, rivaroxaban ×2.6): major bleeding.',
    management:
      'Apixaban label 2.2/7.1: reduce 5 or 10 mg twice daily by 50 %; if already 2.5 mg twice daily, avoid. Rivaroxaban label 7.2: avoid the combination. Consider another anticoagulant or anti-infective.',
    citations: [
      ELIQUIS('section 2.2 and 7.1 Combined P-gp and strong CYP3A4 inhibitors'),
      XARELTO('section 7.2 Combined P-gp and strong CYP3A inhibitors'),
    ],
    limitations: ['Cobicistat-boosted regimens are not matched (code not verified).', STALE_ORDER_LIMIT],
  },
  {
    id: 'ddi-dabigatran-dronedarone-ketoconazole',
    harm: 'dabigatran exposure up, bleeding risk',
    title: 'Dabigatran + dronedarone or ketoconazole',
    a: { ingredients: ['1037042'], label: 'dabigatran' },
    b: { ingredients: ['233698', '6135'], label: 'dronedarone/ketoconazole' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'warning' },
    rationale:
      'Dronedarone and systemic ketoconazole inhibit P-gp and raise dabigatran exposure about 1.7- to 2.5-fold; more so as renal function falls.',
    management:
      'Dabigatran label 2.3/7: in AF with CrCl 30–50 mL/min reduce to 75 mg twice daily with these; with CrCl < 30 avoid. Check the current CrCl and dose.',
    citations: [
      drugLabel(
        'Dabigatran etexilate (Pradaxa)',
        2023,
        'section 2.3 and 7.1 P-gp inhibitors (dronedarone, ketoconazole)',
      ),
    ],
    limitations: [
      'Kidney function is not read by this entry: see the renal dosing finding for CrCl.',
      STALE_ORDER_LIMIT,
    ],
  },
];

export const THROMBOCYTOPENIA = {
  id: 'anticoagulant-thrombocytopenia',
  /** Platelets below this (× 10⁹/L) make full-dose anticoagulation hazardous (ISTH SSC 2018 guidance). */
  plateletsBelow: 50,
  recentDays: 7,
  classes: ['vka', 'doac', 'heparin'] as const,
  citations: [
    {
      title:
        'Samuelson Bannow BT, et al. Management of cancer-associated thrombosis in patients with thrombocytopenia: guidance from the SSC of the ISTH. J Thromb Haemost 2018;16:1246-49',
      url: 'https://doi.org/10.1111/jth.14015',
      year: 2018,
    },
    drugLabel('Enoxaparin (Lovenox)', 2022, 'warnings and precautions: thrombocytopenia'),
  ] satisfies Citations,
};

export const APIXABAN_UNDERDOSE = {
  id: 'apixaban-underdose-af',
  /** Strength (mg) of the reduced AF dose. */
  reducedMg: APIXABAN.reducedMg,
  citations: [
    ELIQUIS(
      'section 2.2 Nonvalvular AF: 5 mg twice daily; 2.5 mg only with two of age ≥ 80, weight ≤ 60 kg, creatinine ≥ 1.5 mg/dL',
    ),
    {
      title:
        '2023 ACC/AHA/ACCP/HRS Guideline for the Diagnosis and Management of Atrial Fibrillation (DOAC dosing: use label doses; off-label reduced doses are associated with higher stroke risk)',
      url: 'https://doi.org/10.1161/CIR.0000000000001193',
      year: 2023,
    },
  ] satisfies Citations,
};
