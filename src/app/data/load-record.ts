/**
 * Loads the patient's record: one search per resource type, all in parallel, every page followed.
 * Reports each type as it arrives so the engine can run on what is there (findings shown early, marked provisional).
 */
import { patientIdOf } from '@fhir/references';
import { classifyFhirError, PatientMismatch, type ProblemKind } from './errors';
import type { FhirSession } from './session';
import { ENGINE_RESOURCE_TYPES } from '@reasoning/inputs';

export const RECORD_TYPES = ENGINE_RESOURCE_TYPES;

export type RecordType = (typeof RECORD_TYPES)[number];

export type TypeLoad =
  | { status: 'pending' }
  | { status: 'loaded'; count: number }
  | { status: 'failed'; problem: ProblemKind };

export type LoadEvent =
  | { type: RecordType; status: 'loaded'; resources: fhir4.Resource[] }
  | { type: RecordType; status: 'failed'; problem: ProblemKind };

function isResource(value: unknown): value is fhir4.Resource {
  return typeof value === 'object' && value !== null && typeof (value as { resourceType?: unknown }).resourceType === 'string';
}

const OBSERVATION_CATEGORIES = ['laboratory', 'vital-signs'] as const;

/**
 * The searches (or read) for one type, scoped to the patient in context. Observations are asked for by category,
 * one search each: US Core requires `laboratory` / `vital-signs` categories on labs and vitals, and some EHRs
 * (Epic) refuse an Observation search without a category.
 */
export function urlsFor(type: RecordType, patientId: string): string[] {
  const id = encodeURIComponent(patientId);
  if (type === 'Patient') return [`Patient/${id}`];
  if (type === 'Observation') return OBSERVATION_CATEGORIES.map((c) => `Observation?patient=${id}&category=${c}&_count=200`);
  return [`${type}?patient=${id}&_count=200`];
}

/**
 * Keeps only resources of the requested type (a search may include OperationOutcome entries); throws
 * PatientMismatch when one is about another patient than the launched one.
 */
function toResources(type: RecordType, body: unknown, patientId: string): fhir4.Resource[] {
  const items = Array.isArray(body) ? (body as unknown[]) : [body];
  const resources = items.filter(isResource).filter((r) => r.resourceType === type);
  const stranger = resources.find((r) => { const p = patientIdOf(r); return p !== undefined && p !== patientId; });
  if (stranger) throw new PatientMismatch(`a ${type} answer holds another patient's data`);
  return resources;
}

/** An Observation in two categories comes back from both searches; keep it once. */
function uniqueById(resources: fhir4.Resource[]): fhir4.Resource[] {
  const seen = new Set<string>();
  return resources.filter((r) => !r.id || (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

/**
 * Fetches one type. When the category searches find no Observation at all, asks once without a category: a server
 * whose labs lack categories must not read as "no labs" (and a server that refuses it leaves the empty answer).
 */
async function fetchType(session: FhirSession, type: RecordType): Promise<fhir4.Resource[]> {
  const bodies = await Promise.all(urlsFor(type, session.patientId).map((url) => session.request(url)));
  const found = uniqueById(bodies.flatMap((body) => toResources(type, body, session.patientId)));
  if (type !== 'Observation' || found.length > 0) return found;
  const id = encodeURIComponent(session.patientId);
  return session.request(`Observation?patient=${id}&_count=200`).then(
    (body) => toResources(type, body, session.patientId),
    (error: unknown) => {
      if (error instanceof PatientMismatch) throw error;
      return found;
    },
  );
}

/** Starts every request; calls `onEvent` once per type; resolves when all have settled. */
export async function loadRecord(session: FhirSession, onEvent: (event: LoadEvent) => void): Promise<void> {
  await Promise.all(
    RECORD_TYPES.map(async (type) => {
      try {
        onEvent({ type, status: 'loaded', resources: await fetchType(session, type) });
      } catch (error) {
        onEvent({ type, status: 'failed', problem: classifyFhirError(error) });
      }
    }),
  );
}
