/**
 * Loads the patient's record with the chart queries (src/reasoning/chart-queries.ts), in parallel, every page followed.
 * Reports each type as it arrives so the engine can run on what is there (findings shown early, marked provisional).
 */
import { patientIdOf } from '@fhir/references';
import { classifyFhirError, PatientMismatch, type ProblemKind } from './errors';
import type { FhirSession } from './session';
import { ENGINE_RESOURCE_TYPES } from '@reasoning/inputs';
import { chartQueries, isRefusal, keepType, type ChartQuery } from '@reasoning/chart-queries';

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

const resourcesIn = (body: unknown): fhir4.Resource[] => (Array.isArray(body) ? (body as unknown[]) : [body]).filter(isResource);

const statusOf = (error: unknown): number | undefined => {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
};

/** Throws PatientMismatch when a resource is about another patient than the launched one. */
function ownOnly(type: RecordType, resources: fhir4.Resource[], patientId: string): fhir4.Resource[] {
  const stranger = resources.find((r) => { const p = patientIdOf(r); return p !== undefined && p !== patientId; });
  if (stranger) throw new PatientMismatch(`a ${type} answer holds another patient's data`);
  return resources;
}

/** Fetches one type with the chart's query (the same one the service and the CDS client use), or its refusal fallback. */
async function fetchType(session: FhirSession, { type, query, onRefusal }: ChartQuery): Promise<fhir4.Resource[]> {
  const own = (bodies: unknown[]) => ownOnly(type, keepType(type, bodies.flatMap(resourcesIn)), session.patientId);
  try {
    return own([await session.request(query)]);
  } catch (error) {
    if (error instanceof PatientMismatch || onRefusal.length === 0 || !isRefusal(statusOf(error))) throw error;
    return own(await Promise.all(onRefusal.map((url) => session.request(url))));
  }
}

/** Starts every request; calls `onEvent` once per type; resolves when all have settled. */
export async function loadRecord(session: FhirSession, onEvent: (event: LoadEvent) => void): Promise<void> {
  await Promise.all(
    chartQueries(session.patientId).map(async (query) => {
      const { type } = query;
      try {
        onEvent({ type, status: 'loaded', resources: await fetchType(session, query) });
      } catch (error) {
        onEvent({ type, status: 'failed', problem: classifyFhirError(error) });
      }
    }),
  );
}
