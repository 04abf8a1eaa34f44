/**
 * The model narrative: `POST /api/narrative` with the SMART bearer token. The service fetches
 * the record from the (allow-listed) FHIR server itself. The app never waits on it: past the timeout, or on any
 * error, the engine's findings stand alone and the section says why.
 */
import type { ChartRead, Narrative, NarrativeAnswer } from '@model/types';

/** What the service answered; `chart` is absent from a service older than the agreement check. */
export type ServedNarrative = Narrative & Partial<Pick<NarrativeAnswer, 'chart'>>;

export type NarrativeState =
  | { status: 'loading' }
  | { status: 'ready'; reasoning: ServedNarrative }
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

function isChartRead(value: unknown): value is ChartRead {
  const c = value as Partial<ChartRead> | null;
  return typeof c === 'object' && c !== null && typeof c.digest === 'string' && typeof c.resources === 'number';
}

// The app compares `findingIds` and `chart` with its own read before it shows the text, so both must be sound.
function isReasoning(body: unknown): body is ServedNarrative {
  if (typeof body !== 'object' || body === null) return false;
  const r = body as Partial<NarrativeAnswer>;
  return (
    typeof r.assessment === 'string' &&
    Array.isArray(r.findingIds) &&
    r.findingIds.every((id) => typeof id === 'string') &&
    (r.chart === undefined || isChartRead(r.chart)) &&
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
