/** Small hand-built engine results and charts for model tests (the engine is tested elsewhere). */
import type { EngineInput, EngineResult, Finding, Score } from '@reasoning/types';
import type { NarrativeRequest } from '@model/types';

export const NOW = '2021-04-01T00:00:00Z';

export function makeFinding(over: Partial<Finding> = {}): Finding {
  return {
    id: 'ddi-warfarin-nsaid:MedicationRequest/med-warfarin+MedicationRequest/med-naproxen',
    ruleId: 'ddi-warfarin-nsaid',
    family: 'drug-interactions',
    severity: 'warning',
    summary: 'Warfarin with naproxen: higher bleeding risk',
    action: 'Prefer acetaminophen for pain.',
    detail: 'Naproxen adds to the anticoagulant effect of warfarin.',
    evidence: [{ reference: 'MedicationRequest/med-warfarin' }, { reference: 'MedicationRequest/med-naproxen' }],
    inputs: [{ name: 'warfarin', value: 'active', date: '2021-03-01', source: 'MedicationRequest/med-warfarin' }],
    citations: [{ title: 'Warfarin sodium tablets, US prescribing information', year: 2017 }],
    suggestions: [],
    draftRefs: [],
    ...over,
  };
}

export function makeScore(over: Partial<Score> = {}): Score {
  return {
    id: 'news2',
    name: 'NEWS2',
    value: 3,
    interpretation: 'low clinical risk',
    components: [{ name: 'respiration rate', points: 1, value: '22 /min', source: 'Observation/obs-rr' }],
    citations: [{ title: 'National Early Warning Score (NEWS) 2', year: 2017 }],
    ...over,
  };
}

export function makeResult(over: Partial<EngineResult> = {}): EngineResult {
  return { findings: [makeFinding()], scores: [], skipped: [], unidentified: [], ...over };
}

/** A chart whose every identifying field holds a canary value that must never reach a hosted model. */
export const CANARIES = {
  family: 'Zyxwvutsky',
  given: 'Quillon',
  identifier: 'MRN-CANARY-7731',
  ssn: '999-88-7766',
  phone: '555-0199-CANARY',
  email: 'canary@example.org',
  line: '42 Canary Lane',
  city: 'Canaryville',
  postalCode: '09999',
  birthDate: '1941-07-13',
  note: 'CANARY-NOTE patient said',
  div: 'CANARY-NARRATIVE',
  comment: 'CANARY-COMMENT drawn late',
  maiden: 'Maidenwort',
  patientId: 'pat-canary-1234',
  obsId: 'obs-canary-5678',
  conditionText: 'CANARY-FREETEXT',
};

export function canaryChart(): fhir4.Resource[] {
  const c = CANARIES;
  const patientRef = { reference: `Patient/${c.patientId}` };
  return [
    {
      resourceType: 'Patient',
      id: c.patientId,
      gender: 'female',
      birthDate: c.birthDate,
      text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${c.div}</div>` },
      identifier: [
        { system: 'urn:mrn', value: c.identifier },
        { system: 'http://hl7.org/fhir/sid/us-ssn', value: c.ssn },
      ],
      name: [{ family: c.family, given: [c.given], text: `${c.given} ${c.family}` }],
      telecom: [
        { system: 'phone', value: c.phone },
        { system: 'email', value: c.email },
      ],
      address: [{ line: [c.line], city: c.city, postalCode: c.postalCode, state: 'MA' }],
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName', valueString: c.maiden }],
    } as fhir4.Patient,
    {
      resourceType: 'Condition',
      id: 'cond-af',
      subject: patientRef,
      onsetDateTime: '2015-02-03',
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: {
        coding: [{ system: 'http://snomed.info/sct', code: '49436004', display: 'Atrial fibrillation' }],
        text: c.conditionText,
      },
      note: [{ text: c.note }],
    } as fhir4.Condition,
    {
      resourceType: 'MedicationRequest',
      id: 'med-warfarin',
      status: 'active',
      intent: 'order',
      subject: patientRef,
      authoredOn: '2021-03-01',
      medicationCodeableConcept: {
        coding: [
          {
            system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
            code: '855332',
            display: 'Warfarin Sodium 5 MG Oral Tablet',
          },
        ],
      },
      dosageInstruction: [
        { text: `${c.note} take with food`, doseAndRate: [{ doseQuantity: { value: 5, unit: 'mg' } }] },
      ],
      note: [{ text: c.note }],
    } as fhir4.MedicationRequest,
    {
      resourceType: 'Observation',
      id: c.obsId,
      status: 'final',
      subject: patientRef,
      effectiveDateTime: '2021-03-20T10:00:00Z',
      code: { coding: [{ system: 'http://loinc.org', code: '33914-3', display: 'eGFR' }] },
      valueQuantity: { value: 41, unit: 'mL/min/{1.73_m2}' },
      comment: c.comment,
      note: [{ text: c.note }],
    } as fhir4.Observation,
  ];
}

export function makeRequest(result: EngineResult = makeResult(), resources = canaryChart()): NarrativeRequest {
  const input: EngineInput = { resources, now: NOW };
  return { input, result };
}
