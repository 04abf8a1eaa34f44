/**
 * Therapeutic duplication: two drugs of one class (different ingredients) or one ingredient ordered twice as
 * different products. Same product code repeated = renewals of one order history, never a duplicate.
 */
import type { Citation, Citations, Severity } from '../types';
import type { DrugClassId } from './drugs/classes';
import { drugLabel } from './drug-label';

export interface DuplicateClassEntry {
  id: string;
  title: string;
  classes: readonly DrugClassId[];
  severity: { draft: Severity; chart: Severity };
  /**
   * Two classes whose overlap is usually intended (heparin/LMWH bridging to or from warfarin): when the members are
   * exactly these two, the draft severity drops to warning. A DOAC is never bridged (its labels switch at the next
   * dose, with no overlap), so a DOAC with a heparin stays critical.
   */
  bridging?: readonly [DrugClassId, DrugClassId];
  rationale: string;
  citations: Citations;
  limitations: string[];
}

const ISMP: Citation = {
  title: 'ISMP. Therapeutic duplication: a persistent medication safety problem (Medication Safety Alert)',
  url: 'https://www.ismp.org',
  year: 2019,
};

export const DUPLICATE_LIMIT =
  'Intentional overlaps (switching, bridging, tapering) cannot be told apart from duplicates: check the plan.';

export const DUPLICATE_CLASSES: readonly DuplicateClassEntry[] = [
  {
    id: 'dup-anticoagulant',
    title: 'Two anticoagulants',
    classes: ['vka', 'doac', 'heparin'],
    severity: { draft: 'critical', chart: 'warning' },
    bridging: ['vka', 'heparin'],
    rationale:
      'Two full anticoagulants together multiply bleeding risk; switching needs a defined stop of the first drug (e.g. start a DOAC when INR < 2).',
    citations: [drugLabel('Apixaban (Eliquis), section 2 switching', 2021), ISMP],
    limitations: [
      'Heparin or LMWH bridging to warfarin is intended overlap (shown as a warning); a DOAC with a heparin is not bridging.',
      DUPLICATE_LIMIT,
    ],
  },
  {
    id: 'dup-nsaid',
    title: 'Two NSAIDs',
    classes: ['nsaid'],
    severity: { draft: 'warning', chart: 'warning' },
    rationale: 'No added analgesia, more GI bleeding and kidney injury.',
    citations: [drugLabel('Naproxen (Naprosyn), boxed warning', 2021), ISMP],
    limitations: [DUPLICATE_LIMIT],
  },
  {
    id: 'dup-ace-arb',
    title: 'ACE inhibitor + ARB',
    classes: ['ace-inhibitor', 'arb'],
    severity: { draft: 'warning', chart: 'warning' },
    rationale:
      'Dual RAAS blockade adds hyperkalemia, hypotension and kidney injury without outcome benefit (ONTARGET).',
    citations: [
      {
        title:
          'ONTARGET Investigators. Telmisartan, ramipril, or both in patients at high risk for vascular events. N Engl J Med 2008;358:1547-59',
        url: 'https://doi.org/10.1056/NEJMoa0801317',
        year: 2008,
      },
    ],
    limitations: [DUPLICATE_LIMIT],
  },
  {
    id: 'dup-serotonergic-antidepressant',
    title: 'Two SSRI/SNRI antidepressants',
    classes: ['ssri', 'snri'],
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Two serotonergic antidepressants raise serotonin-syndrome risk; overlap is usually only intended during a cross-taper.',
    citations: [drugLabel('Sertraline (Zoloft)', 2023), ISMP],
    limitations: [DUPLICATE_LIMIT],
  },
  {
    id: 'dup-statin',
    title: 'Two statins',
    classes: ['statin'],
    severity: { draft: 'warning', chart: 'info' },
    rationale: 'Two statins add myopathy risk without benefit.',
    citations: [ISMP],
    limitations: [DUPLICATE_LIMIT],
  },
  {
    id: 'dup-ppi',
    title: 'Two proton pump inhibitors',
    classes: ['ppi'],
    severity: { draft: 'warning', chart: 'info' },
    rationale: 'No added acid suppression.',
    citations: [ISMP],
    limitations: [DUPLICATE_LIMIT],
  },
];

export const SAME_INGREDIENT = {
  id: 'dup-same-ingredient',
  severity: { draft: 'warning', chart: 'info' } as const,
  citations: [ISMP] as Citations,
  limitations: [
    'Synthea and real charts keep superseded orders active (e.g. simvastatin 10 mg and 20 mg): in the chart this is shown as a reconciliation prompt (info), not a duplicate dose.',
    DUPLICATE_LIMIT,
  ],
};
