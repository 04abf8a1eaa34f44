/** Small hand-built fixtures for the app tests: resources, findings, an injected FHIR session and fetch. */
import type { EngineInput, EngineResult, Finding, Score } from '@reasoning/types';
import type { Narrative } from '@model/types';
import type { RecordType } from '../../../src/app/data/load-record';
import type { FhirSession } from '../../../src/app/data/session';

export const NOW = '2021-04-01T00:00:00Z';

export const patient: fhir4.Patient = {
  resourceType: 'Patient',
  id: 'p1',
  name: [{ given: ['Ada'], family: 'Lovelace' }],
  gender: 'female',
  birthDate: '1950-02-03',
};

export function makeCreatinine(id: string, value: number, date: string): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    // US Core Laboratory Result Observation: category laboratory.
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: '2160-0', display: 'Creatinine' }], text: 'Creatinine' },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: date,
    valueQuantity: { value, unit: 'mg/dL' },
  };
}

export const warfarin: fhir4.MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'm1',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'Warfarin 5 MG Oral Tablet' },
  authoredOn: '2020-06-01',
};

export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'aki-creatinine-rise:Observation/o2',
    ruleId: 'aki-creatinine-rise',
    family: 'acute-kidney-injury',
    severity: 'warning',
    summary: 'Creatinine rose 0.6 mg/dL within 48 hours',
    action: 'Repeat the creatinine and review nephrotoxic drugs.',
    detail: 'Creatinine rose **0.6 mg/dL** in 2 days.',
    evidence: [{ reference: 'Observation/o2', display: 'Creatinine 1.6 mg/dL' }],
    inputs: [{ name: 'Creatinine', value: 1.6, unit: 'mg/dL', date: '2021-03-30', source: 'Observation/o2' }],
    citations: [
      {
        title: 'KDIGO Clinical Practice Guideline for Acute Kidney Injury',
        year: 2012,
        url: 'https://kdigo.org/guidelines/acute-kidney-injury/',
      },
    ],
    suggestions: [],
    draftRefs: [],
    ...overrides,
  };
}

export const score: Score = {
  id: 'cha2ds2-vasc',
  name: 'CHA₂DS₂-VASc',
  value: 3,
  interpretation: 'High stroke risk',
  components: [{ name: 'Age 65–74', points: 1, value: 'age 71', source: 'Patient/p1', date: '1950-02-03' }],
  citations: [{ title: 'Lip GYH et al. Chest', year: 2010 }],
};

/** A deterministic stand-in engine: one finding once creatinine values are present. */
export function fakeEngine(findings: Finding[] = [makeFinding()], scores: Score[] = []) {
  return (input: EngineInput): EngineResult => {
    const hasLabs = input.resources.some((r) => r.resourceType === 'Observation');
    return { findings: hasLabs ? findings : [], scores, skipped: [], unidentified: [] };
  };
}

export interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

export function deferred(): Deferred {
  let resolve = () => undefined as void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export interface SessionOptions {
  resources: fhir4.Resource[];
  context?: Record<string, unknown>;
  failures?: Partial<Record<RecordType, unknown>>;
  gates?: Partial<Record<RecordType, Promise<void>>>;
  token?: string | undefined;
}

/** An injected FHIR session over in-memory resources; `gates` hold a type back, `failures` make it throw. */
export function makeSession(opts: SessionOptions): FhirSession & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    patientId: 'p1',
    serverUrl: 'https://fhir.example.org/r4',
    context: opts.context ?? {},
    async request(url: string) {
      urls.push(url);
      const type = (url.split(/[/?]/)[0] ?? '') as RecordType;
      await opts.gates?.[type];
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a session may throw anything; the app must cope with non-Errors too
      if (opts.failures?.[type]) throw opts.failures[type];
      const matching = opts.resources.filter((r) => r.resourceType === type);
      return type === 'Patient' ? matching[0] : matching;
    },
    accessToken: async () => ('token' in opts ? opts.token : 'token-abc'),
  };
}

export function httpError(status: number): Error & { status: number } {
  return Object.assign(new Error(`HTTP ${status}`), { status });
}

export const reasoning: Narrative = {
  assessment: 'Rising creatinine while on warfarin.',
  considerations: [
    {
      rank: 1,
      kind: 'next-step',
      text: 'Repeat creatinine in 48 hours.',
      evidence: ['Observation/o2'],
      origin: 'model',
      citations: [
        {
          title: 'KDIGO Clinical Practice Guideline for Acute Kidney Injury',
          year: 2012,
          url: 'https://kdigo.org/guidelines/acute-kidney-injury/',
        },
      ],
    },
    {
      rank: 2,
      kind: 'risk',
      text: 'Kidney injury changes dosing.',
      evidence: ['aki-creatinine-rise:Observation/o2'],
      citations: [],
      origin: 'model',
    },
  ],
  label: 'Model-generated by gpt-4o-mini (hosted language model) — review before acting',
  source: 'hosted',
  model: { name: 'gpt-4o-mini', version: 'gpt-4o-mini-2024-07-18', kind: 'hosted' },
  latencyMs: 900,
  findingIds: ['aki-creatinine-rise:Observation/o2'],
  dropped: [],
};

export interface FetchCall {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that answers by URL path; records every call. */
export function makeFetch(
  routes: Record<string, () => Response | Promise<Response>>,
): typeof fetch & { calls: FetchCall[] } {
  const calls: FetchCall[] = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({ url, init });
    const route = Object.entries(routes).find(([path]) => url === path || url.endsWith(path));
    return route ? route[1]() : new Response('not found', { status: 404 });
  };
  return Object.assign(impl, { calls });
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
