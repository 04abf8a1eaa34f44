/**
 * Never silent on an order Cairn cannot read: a draft whose drug could not be identified (knowledge/drugs/identify.ts:
 * no known RxNorm code, RxNorm name, brand or ingredient name) gets an info card saying so and what was not checked.
 * Without it the EHR would show "no recommendations" for an order that was never checked — a wrong all-clear.
 * Chart medications that cannot be identified are listed by the engine (EngineResult.unidentified), not carded.
 */
import type { Facts, MedicationFact } from '../facts';
import type { Rule, RuleOutcome } from '../rule';
import type { Citations, Finding } from '../types';
import { clipSummary, medEvidence, medInput } from '../knowledge/drugs/describe';
import { isUnidentified } from '../knowledge/drugs/identify';

const RULE_ID = 'unidentified-medication';

/** The checks that read a drug's ingredients or classes: none of them ran for this order. */
const NOT_CHECKED = [
  'drug–drug interactions with the chart and other drafts',
  'allergies and cross-reactivity',
  'duplicate therapy',
  'renal dosing and dose limits',
  'drug–disease cautions',
  'QT, serotonergic and opioid (MME) checks',
];

const CITATIONS: Citations = [
  {
    title: 'NLM. RxNorm Technical Documentation (normalized names and term types)',
    url: 'https://www.nlm.nih.gov/research/umls/rxnorm/docs/techdoc.html',
    year: 2024,
  },
];

function codesText(m: MedicationFact): string {
  return m.codes.length > 0 ? m.codes.map((c) => `${c.code} (${c.system})`).join(', ') : 'none';
}

function finding(m: MedicationFact): Finding {
  return {
    id: `${RULE_ID}:${m.ref}`,
    ruleId: RULE_ID,
    family: RULE_ID,
    severity: 'info',
    summary: clipSummary(`Cairn could not check ${m.display}: product not recognised`),
    action: "Check the order by hand, or choose the product from the EHR's coded drug list (an RxNorm code).",
    detail: [
      `Cairn could not tell which drug this order is: its code is not in Cairn’s RxNorm tables, and neither its name, a brand nor an ingredient name could be read from the text as written (“${m.display}”).`,
      '',
      '**Not checked for this order:**',
      ...NOT_CHECKED.map((c) => `- ${c}`),
      '',
      `Codes sent: ${codesText(m)}.`,
    ].join('\n'),
    evidence: [medEvidence(m)],
    inputs: [medInput(m), { name: 'codes sent', value: codesText(m), source: m.ref }],
    citations: CITATIONS,
    suggestions: [],
    draftRefs: [m.ref],
  };
}

function evaluate(facts: Facts): RuleOutcome {
  return { findings: facts.drafts.filter(isUnidentified).map(finding) };
}

export const unidentifiedMedicationRule: Rule = {
  family: RULE_ID,
  title: 'Medication order Cairn could not identify',
  topic: 'drug-identification',
  description:
    'At order-select and order-sign, says so when a draft medication cannot be identified, and which checks therefore did not run.',
  citations: CITATIONS,
  evaluate,
};
