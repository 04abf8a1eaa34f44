/**
 * A synthetic chart of N resources for benchmarking (no real data): one Patient, then Observations (~75 %),
 * MedicationRequests (~13 %, half stopped), Conditions (~10 %) and AllergyIntolerances, with a few draft orders.
 * Deterministic (seeded) so runs are comparable.
 */
import type { EngineInput } from '../src/reasoning/types';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const LAB_CODES: readonly (readonly [string, string, number])[] = [
  ['2160-0', 'mg/dL', 1.1],
  ['6298-4', 'mmol/L', 4.4],
  ['33914-3', 'mL/min/{1.73_m2}', 70],
  ['2947-0', 'mmol/L', 140],
  ['29463-7', 'kg', 80],
  ['8867-4', '/min', 72],
  ['2093-3', 'mg/dL', 190],
  ['4548-4', '%', 6.1],
];
const DRUGS = [
  '855332',
  '197604',
  '897718',
  '849574',
  '860975',
  '316049',
  '316672',
  '312961',
  '309362',
  '197361',
  '999999',
];

function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function isoDay(daysAgo: number): string {
  return new Date(Date.UTC(2021, 3, 1) - daysAgo * 86_400_000).toISOString();
}

function makeOne(i: number, rnd: () => number): fhir4.Resource {
  const r = rnd();
  const subject = { reference: 'Patient/bench' };
  if (r < 0.75) {
    const [code, unit, base] = LAB_CODES[i % LAB_CODES.length] as readonly [string, string, number];
    return {
      resourceType: 'Observation',
      id: `o${i}`,
      status: 'final',
      subject,
      effectiveDateTime: isoDay(Math.floor(rnd() * 3000)),
      code: { coding: [{ system: 'http://loinc.org', code }] },
      valueQuantity: { value: Math.round(base * (0.8 + rnd() * 0.4) * 10) / 10, unit, code: unit },
    } as fhir4.Observation;
  }
  if (r < 0.88) {
    const mr: fhir4.MedicationRequest = {
      resourceType: 'MedicationRequest',
      id: `m${i}`,
      status: rnd() < 0.5 ? 'active' : 'stopped',
      intent: 'order',
      subject,
      authoredOn: isoDay(Math.floor(rnd() * 3000)),
      medicationCodeableConcept: { coding: [{ system: RXNORM, code: DRUGS[i % DRUGS.length] }] },
    };
    return mr;
  }
  if (r < 0.98) {
    const c: fhir4.Condition = {
      resourceType: 'Condition',
      id: `c${i}`,
      subject,
      clinicalStatus: { coding: [{ code: rnd() < 0.6 ? 'active' : 'resolved' }] },
      code: {
        coding: [{ system: 'http://snomed.info/sct', code: ['49436004', '38341003', '44054006', '74474003'][i % 4] }],
      },
    };
    return c;
  }
  return {
    resourceType: 'AllergyIntolerance',
    id: `a${i}`,
    patient: subject,
    criticality: 'high',
    code: { coding: [{ system: 'http://snomed.info/sct', code: i % 2 ? '91936005' : '91935009' }] },
  } as fhir4.AllergyIntolerance;
}

export function syntheticInput(size: number, seed = 42): EngineInput {
  const rnd = lcg(seed);
  const resources: fhir4.Resource[] = [
    { resourceType: 'Patient', id: 'bench', birthDate: '1948-06-01', gender: 'male' } as fhir4.Patient,
  ];
  for (let i = 1; i < size; i++) resources.push(makeOne(i, rnd));
  const draftOrders: fhir4.Resource[] = ['197805', '308191', '1364445'].map((code, i) => ({
    resourceType: 'MedicationRequest',
    id: `draft${i}`,
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/bench' },
    medicationCodeableConcept: { coding: [{ system: RXNORM, code }] },
  }));
  return { resources, draftOrders, now: '2021-04-01T00:00:00Z' };
}
