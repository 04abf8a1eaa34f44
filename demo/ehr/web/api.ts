/** The browser side of the demo EHR talks only to its own server (`/demo-ehr/api/*`). */
import type { CatalogDrug } from '../catalog';
import type { Chart, PatientRow } from '../chart';

export interface Exchange {
  status: number;
  body: unknown;
  durationMs: number;
}
export interface HookCall {
  serviceId: string;
  request: Record<string, unknown>;
  response: Exchange;
}
/** What the page sends to `/api/hook` (read by demo/ehr/hook-input.ts on the server). */
export interface HookBody {
  serviceUrl?: string;
  hook: string;
  patientId: string;
  draftOrders?: unknown[];
  selections?: string[];
  allergyIntolerance?: fhir4.AllergyIntolerance;
  conditions?: fhir4.Condition[];
  /** For medication-refill: the active prescription to refill, e.g. "MedicationRequest/abc". */
  refill?: string;
}
export interface HookResult {
  serviceUrl: string;
  discoveryStatus: number;
  calls: HookCall[];
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

const post = <T>(url: string, body: unknown): Promise<T> =>
  json<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const api = {
  patients: () => json<PatientRow[]>('/demo-ehr/api/patients'),
  chart: (id: string) => json<Chart>(`/demo-ehr/api/chart/${encodeURIComponent(id)}`),
  catalog: (q: string) => json<CatalogDrug[]>(`/demo-ehr/api/catalog?q=${encodeURIComponent(q)}`),
  hook: (body: HookBody) => post<HookResult>('/demo-ehr/api/hook', body),
  feedback: (body: { serviceUrl?: string; serviceId: string; feedback: unknown }) =>
    post<Exchange>('/demo-ehr/api/feedback', body),
  launch: (patientId: string, appContext?: string) =>
    post<{ launch: string; iss: string }>('/demo-ehr/api/launch', { patientId, ...(appContext && { appContext }) }),
};
