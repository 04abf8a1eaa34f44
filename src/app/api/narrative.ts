/**
 * The model narrative: `POST /api/narrative` with the SMART bearer token. The service fetches
 * the record from the (allow-listed) FHIR server itself. The app never waits on it: past the timeout, or on any
 * error, the engine's findings stand alone and the section says why.
 */
import type { Narrative } from '@model/types';

export type NarrativeState =
  | { status: 'loading' }
  | { status: 'ready'; reasoning: Narrative }
  | { status: 'off' }
  | { status: 'not-allowed' }
  | { status: 'timeout' }
  | { status: 'expired' }
  | { status: 'error' };

export interface NarrativeRequestDeps {
  fetchImpl: typeof fetch;
  token: string | undefined;
  fhirServer: string;
  patientId: string;
  timeoutMs?: number;
}

function isReasoning(body: unknown): body is Narrative {
  if (typeof body !== 'object' || body === null) return false;
  const r = body as Partial<Narrative>;
  return (
    typeof r.assessment === 'string' &&
    typeof r.label === 'string' &&
    Array.isArray(r.considerations) &&
    typeof r.model === 'object' &&
    r.model !== null &&
    typeof r.model.name === 'string'
  );
}

/** Asks for the narrative; resolves to a state, never throws. */
export async function fetchNarrative(deps: NarrativeRequestDeps): Promise<NarrativeState> {
  if (!deps.token) return { status: 'expired' };
  try {
    const res = await deps.fetchImpl('/api/narrative', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${deps.token}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({ fhirServer: deps.fhirServer, patientId: deps.patientId }),
      signal: AbortSignal.timeout(deps.timeoutMs ?? 12_000),
    });
    // 404: the route is not deployed; 503: the operator turned the model off; 403: this FHIR server is not on
    // the service's allow-list (CAIRN_FHIR_ALLOWLIST) — a configuration fault the clinician should see named.
    if (res.status === 403) return { status: 'not-allowed' };
    if (res.status === 404 || res.status === 503) return { status: 'off' };
    if (res.status === 401) return { status: 'expired' };
    if (!res.ok) return { status: 'error' };
    const body: unknown = await res.json();
    return isReasoning(body) ? { status: 'ready', reasoning: body } : { status: 'error' };
  } catch (error) {
    const name = error instanceof Error || error instanceof DOMException ? error.name : '';
    return name === 'TimeoutError' || name === 'AbortError' ? { status: 'timeout' } : { status: 'error' };
  }
}
