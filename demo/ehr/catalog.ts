/**
 * The demo EHR's order catalog: a small formulary of RxNorm clinical drugs with common sigs. Codes are the
 * ones verified in src/reasoning/knowledge/drugs/products.ts (each entry there names its source), so the
 * catalog never carries a code nobody checked.
 */
import { DEMO_USER } from './demo-user';

export interface CatalogDose {
  label: string;
  /** Amount per dose in `unit`. */
  value: number;
  unit: string;
  frequency: number;
  period: number;
  periodUnit: 'd' | 'h';
  asNeeded?: boolean;
}

export interface CatalogDrug {
  code: string;
  display: string;
  /** Words a clinician types to find it (ingredient, brand-free). */
  terms: string;
  doses: CatalogDose[];
}

const daily = (value: number, unit: string, label: string): CatalogDose => ({
  label,
  value,
  unit,
  frequency: 1,
  period: 1,
  periodUnit: 'd',
});
const every = (hours: number, value: number, unit: string, label: string, asNeeded = false): CatalogDose => ({
  label,
  value,
  unit,
  frequency: 1,
  period: hours,
  periodUnit: 'h',
  ...(asNeeded && { asNeeded }),
});

export const CATALOG: readonly CatalogDrug[] = [
  {
    code: '197805',
    display: 'ibuprofen 400 MG Oral Tablet',
    terms: 'ibuprofen nsaid pain',
    doses: [
      every(8, 400, 'mg', '400 mg every 8 hours as needed for pain', true),
      every(6, 400, 'mg', '400 mg every 6 hours'),
    ],
  },
  {
    code: '197806',
    display: 'ibuprofen 600 MG Oral Tablet',
    terms: 'ibuprofen nsaid pain',
    doses: [every(8, 600, 'mg', '600 mg every 8 hours as needed for pain', true)],
  },
  {
    code: '198014',
    display: 'Naproxen 500 MG Oral Tablet',
    terms: 'naproxen nsaid pain',
    doses: [every(12, 500, 'mg', '500 mg twice daily with food')],
  },
  {
    code: '152695',
    display: 'meloxicam 15 MG Oral Tablet',
    terms: 'meloxicam nsaid pain',
    doses: [daily(15, 'mg', '15 mg once daily')],
  },
  {
    code: '198440',
    display: 'acetaminophen 500 MG Oral Tablet',
    terms: 'acetaminophen paracetamol pain',
    doses: [every(6, 1000, 'mg', '1000 mg every 6 hours as needed (max 3 g/day)', true)],
  },
  {
    code: '308191',
    display: 'amoxicillin 500 MG Oral Capsule',
    terms: 'amoxicillin antibiotic penicillin',
    doses: [every(8, 500, 'mg', '500 mg every 8 hours for 10 days')],
  },
  {
    code: '308460',
    display: 'azithromycin 250 MG Oral Tablet',
    terms: 'azithromycin antibiotic macrolide',
    doses: [daily(250, 'mg', '500 mg day 1, then 250 mg daily days 2–5')],
  },
  {
    code: '309309',
    display: 'ciprofloxacin 500 MG Oral Tablet',
    terms: 'ciprofloxacin antibiotic quinolone',
    doses: [every(12, 500, 'mg', '500 mg every 12 hours')],
  },
  {
    code: '861007',
    display: 'metformin hydrochloride 500 MG Oral Tablet',
    terms: 'metformin diabetes',
    doses: [every(12, 500, 'mg', '500 mg twice daily with meals')],
  },
  {
    code: '314076',
    display: 'lisinopril 10 MG Oral Tablet',
    terms: 'lisinopril ace inhibitor blood pressure',
    doses: [daily(10, 'mg', '10 mg once daily')],
  },
  {
    code: '313096',
    display: 'spironolactone 25 MG Oral Tablet',
    terms: 'spironolactone diuretic aldosterone',
    doses: [daily(25, 'mg', '25 mg once daily')],
  },
  {
    code: '198335',
    display: 'sulfamethoxazole 800 MG / trimethoprim 160 MG Oral Tablet',
    terms: 'trimethoprim sulfamethoxazole bactrim antibiotic',
    doses: [every(12, 1, 'tablet', '1 tablet every 12 hours')],
  },
  {
    code: '1364445',
    display: 'apixaban 5 MG Oral Tablet',
    terms: 'apixaban anticoagulant doac',
    doses: [every(12, 5, 'mg', '5 mg twice daily')],
  },
  {
    code: '1232086',
    display: 'rivaroxaban 20 MG Oral Tablet',
    terms: 'rivaroxaban anticoagulant doac',
    doses: [daily(20, 'mg', '20 mg once daily with the evening meal')],
  },
  {
    code: '314200',
    display: 'pantoprazole 40 MG Delayed Release Oral Tablet',
    terms: 'pantoprazole ppi stomach',
    doses: [daily(40, 'mg', '40 mg once daily before breakfast')],
  },
  {
    code: '312615',
    display: 'prednisone 20 MG Oral Tablet',
    terms: 'prednisone steroid',
    doses: [daily(40, 'mg', '40 mg once daily for 5 days')],
  },
  {
    code: '835603',
    display: 'tramadol hydrochloride 50 MG Oral Tablet',
    terms: 'tramadol opioid pain',
    doses: [every(6, 50, 'mg', '50 mg every 6 hours as needed for pain', true)],
  },
  {
    code: '312941',
    display: 'sertraline 50 MG Oral Tablet',
    terms: 'sertraline ssri depression',
    doses: [daily(50, 'mg', '50 mg once daily')],
  },
];

/** Drugs whose name or terms contain every word typed (case-insensitive). */
export function searchCatalog(text: string, catalog: readonly CatalogDrug[] = CATALOG): CatalogDrug[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return catalog.filter((d) => words.every((w) => `${d.display} ${d.terms}`.toLowerCase().includes(w)));
}

/** A draft MedicationRequest (status `draft`, as CDS Hooks order-select/order-sign expect) for one catalog pick. */
export function draftOrder(
  drug: CatalogDrug,
  dose: CatalogDose,
  patientId: string,
  id: string,
  authoredOn: string,
): fhir4.MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: {
      coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: drug.code, display: drug.display }],
      text: drug.display,
    },
    subject: { reference: `Patient/${patientId}` },
    authoredOn,
    requester: { reference: DEMO_USER },
    dosageInstruction: [
      {
        text: dose.label,
        timing: { repeat: { frequency: dose.frequency, period: dose.period, periodUnit: dose.periodUnit } },
        ...(dose.asNeeded && { asNeededBoolean: true }),
        doseAndRate: [
          {
            doseQuantity: {
              value: dose.value,
              unit: dose.unit,
              ...(dose.unit === 'mg' && { system: 'http://unitsofmeasure.org', code: 'mg' }),
            },
          },
        ],
      },
    ],
  };
}
