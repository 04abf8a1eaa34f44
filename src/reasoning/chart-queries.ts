/**
 * How Cairn reads one patient's chart, in one place for every side: the CDS Hooks prefetch templates a client
 * fills, the service's own fetch when a key is missing, the SMART app's record loader and `/api/narrative`. When
 * two sides read the chart differently (or a proxy mangled one side's query), the app's findings and the narrative
 * beside them came from different records. Values percent-encoded (src/fhir/query.ts).
 */
import { readQuery, searchQuery, type PrefetchToken, type QueryValue } from '@fhir/query';
import { ANALYTES } from './knowledge/labs';
import type { EngineResourceType } from './inputs';

interface ChartRead {
  /** The prefetch key (CDS Hooks discovery `prefetch`). */
  key: string;
  type: EngineResourceType;
  query: (patient: QueryValue) => string;
  /** Not every EHR's FHIR API offers it (MedicationStatement, the MAR, dispenses): absent is no data, not an error. */
  optional?: boolean;
  /** Asked instead when the server refuses `query` (4xx other than 401/403); their union is the answer. */
  onRefusal?: (patient: QueryValue) => string[];
}

const observationCodes = [...new Set(ANALYTES.flatMap((a) => a.loinc))].map((c) => `http://loinc.org|${c}`);

const byPatient =
  (type: EngineResourceType, ...params: [string, QueryValue][]) =>
  (patient: QueryValue) =>
    searchQuery(type, [['patient', patient], ...params]);

// Prefetch query restrictions (CDS Hooks §Prefetch query restrictions): type-level search by patient reference and
// token equality only. Conditions and allergies are not filtered by clinical status: US Core lets that element be
// absent and the engine reads an absent status as current — filtering here could hide an allergy (a false all-clear).
const READS: readonly ChartRead[] = [
  { key: 'patient', type: 'Patient', query: (p) => readQuery('Patient', p as string | PrefetchToken) },
  { key: 'conditions', type: 'Condition', query: byPatient('Condition') },
  {
    key: 'medicationRequests',
    type: 'MedicationRequest',
    query: byPatient('MedicationRequest', ['status', ['active', 'on-hold']]),
  },
  {
    key: 'medicationStatements',
    type: 'MedicationStatement',
    optional: true,
    query: byPatient('MedicationStatement', ['status', ['active', 'intended', 'on-hold', 'unknown']]),
  },
  // The MAR and pharmacy fills: an inpatient on heparin may have it only here (the engine keeps recent ones).
  {
    key: 'medicationAdministrations',
    type: 'MedicationAdministration',
    optional: true,
    query: byPatient('MedicationAdministration', ['status', ['in-progress', 'on-hold', 'completed', 'unknown']]),
  },
  {
    key: 'medicationDispenses',
    type: 'MedicationDispense',
    optional: true,
    query: byPatient('MedicationDispense', [
      'status',
      ['preparation', 'in-progress', 'on-hold', 'completed', 'unknown'],
    ]),
  },
  { key: 'allergies', type: 'AllergyIntolerance', query: byPatient('AllergyIntolerance') },
  {
    key: 'observations',
    type: 'Observation',
    query: byPatient('Observation', ['code', observationCodes]),
    // Some EHRs (Epic) refuse an Observation search without a category; US Core puts labs and vitals in these two.
    onRefusal: (p) =>
      ['laboratory', 'vital-signs'].map((c) =>
        byPatient('Observation', ['category', c], ['code', observationCodes])(p),
      ),
  },
];

/** The CDS Hooks prefetch templates (`{{context.patientId}}` left for the client to fill). */
export const PREFETCH_TEMPLATES: Readonly<Record<string, string>> = Object.fromEntries(
  READS.map((r) => [r.key, r.query({ token: 'context.patientId' })]),
);

/** Prefetch keys whose absence does not stop a hook call. */
export const OPTIONAL_PREFETCH_KEYS: ReadonlySet<string> = new Set(READS.filter((r) => r.optional).map((r) => r.key));

export interface ChartQuery {
  key: string;
  type: EngineResourceType;
  query: string;
  optional: boolean;
  onRefusal: string[];
}

/** The chart's queries for one patient, as the app and `/api/narrative` send them. */
export function chartQueries(patientId: string): ChartQuery[] {
  return READS.map((r) => ({
    key: r.key,
    type: r.type,
    query: r.query(patientId),
    optional: r.optional ?? false,
    onRefusal: r.onRefusal?.(patientId) ?? [],
  }));
}

/** A search the server understood and refused (400, 422…), as opposed to a refused token (401/403) or an outage. */
export const isRefusal = (status: number | undefined): boolean =>
  status !== undefined && status >= 400 && status < 500 && status !== 401 && status !== 403;

/** Only resources of the type asked for (a search may carry OperationOutcome entries), each id once. */
export function keepType(type: string, resources: readonly fhir4.Resource[]): fhir4.Resource[] {
  const seen = new Set<string>();
  return resources.filter(
    (r) => r.resourceType === type && (!r.id || (seen.has(r.id) ? false : (seen.add(r.id), true))),
  );
}
