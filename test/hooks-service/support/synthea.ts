/** Synthea fixtures as FHIR resources (urn:uuid references resolved) and hook requests built from them. */
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { flattenBundle } from '../../../src/fhir/bundle';
import { MemoryRepository } from '../../../demo/fhir/repository';
import { fulfilPrefetch } from '../../../demo/ehr/prefetch';
import { PREFETCH } from '../../../hooks-service/protocol/services';

const DIR = join(import.meta.dirname, '../../fixtures/synthea');
export const NOW = new Date('2021-04-01T12:00:00Z');
export const USER = 'Practitioner/test-clinician';

export const fixtureNames = (): string[] =>
  readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();

export interface Fixture {
  resources: fhir4.Resource[];
  patientId: string;
}

export function loadFixture(file: string): Fixture {
  const resources = flattenBundle(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
  const patient = resources.find((r) => r.resourceType === 'Patient');
  if (!patient?.id) throw new Error(`no patient in ${file}`);
  return { resources, patientId: patient.id };
}

/** A draft NSAID order: RxNorm 849574 "Naproxen sodium 220 MG Oral Tablet", as used in the Synthea fixtures. */
export function draftNaproxen(patientId: string, id = 'draft-naproxen'): fhir4.MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    subject: { reference: `Patient/${patientId}` },
    medicationCodeableConcept: {
      coding: [
        {
          system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
          code: '849574',
          display: 'Naproxen sodium 220 MG Oral Tablet',
        },
      ],
    },
  };
}

/** Prefetch as a CDS Client fills our templates (the demo EHR's implementation), optionally for some keys only. */
export function prefetchFor(
  fx: Fixture,
  keys: readonly string[] = Object.keys(PREFETCH),
): Record<string, fhir4.Resource | null> {
  const templates = Object.fromEntries(Object.entries(PREFETCH).filter(([k]) => keys.includes(k)));
  return fulfilPrefetch(
    new MemoryRepository(fx.resources),
    'http://ehr.test/fhir',
    templates,
    { patientId: fx.patientId, userId: USER },
    USER,
  );
}

export interface RequestOptions {
  prefetch?: Record<string, fhir4.Resource | null>;
  drafts?: fhir4.Resource[];
  selections?: string[];
  fhirServer?: string;
  token?: string;
}

export function hookRequest(
  hook: 'patient-view' | 'order-select' | 'order-sign',
  fx: Fixture,
  o: RequestOptions = {},
): Record<string, unknown> {
  const context: Record<string, unknown> = { userId: USER, patientId: fx.patientId };
  if (hook !== 'patient-view') {
    const drafts = o.drafts ?? [];
    context.draftOrders = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: drafts.map((resource) => ({ resource })),
    };
    if (hook === 'order-select') context.selections = o.selections ?? drafts.map((d) => `${d.resourceType}/${d.id}`);
  }
  return {
    hook,
    hookInstance: randomUUID(),
    context,
    ...(o.prefetch && { prefetch: o.prefetch }),
    ...(o.fhirServer && { fhirServer: o.fhirServer }),
    ...(o.token && {
      fhirAuthorization: {
        access_token: o.token,
        token_type: 'Bearer',
        expires_in: 300,
        scope: 'patient/*.read',
        subject: 'cairn',
      },
    }),
  };
}
