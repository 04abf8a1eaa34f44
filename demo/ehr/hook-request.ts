/** Builds CDS Hooks 2.0 requests for the three hooks the demo EHR fires, and the inspector's redacted copy. */
import { randomUUID } from 'node:crypto';

export type DemoHook = 'patient-view' | 'order-select' | 'order-sign';

export interface HookInput {
  hook: DemoHook;
  patientId: string;
  userId: string;
  draftOrders?: fhir4.Resource[];
  /** For order-select: references of the orders just chosen, e.g. "MedicationRequest/draft-1". */
  selections?: string[];
}

export interface FhirAuthorization {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  subject: string;
  patient: string;
}

/** The hook's `context` per the hook definitions (patient-view 1.0, order-select 1.0, order-sign 1.1). */
export function hookContext(input: HookInput): Record<string, unknown> {
  const base = { userId: input.userId, patientId: input.patientId };
  if (input.hook === 'patient-view') return base;
  const draftOrders: fhir4.Bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: (input.draftOrders ?? []).map((resource) => ({ resource })),
  };
  if (input.hook === 'order-sign') return { ...base, draftOrders };
  return { ...base, selections: input.selections ?? [], draftOrders };
}

export function buildHookRequest(
  input: HookInput,
  fhirServer: string,
  fhirAuthorization: FhirAuthorization,
  prefetch: Record<string, unknown>,
): Record<string, unknown> {
  return {
    hook: input.hook,
    hookInstance: randomUUID(),
    fhirServer,
    fhirAuthorization,
    context: hookContext(input),
    // CDS Hooks 2.0: no empty objects on the wire; omit prefetch when the service asked for none.
    ...(Object.keys(prefetch).length > 0 && { prefetch }),
  };
}

/** A copy safe to show in the browser's inspector: the bearer token replaced by a marker. */
export function redactForInspector(request: Record<string, unknown>): Record<string, unknown> {
  const auth = request.fhirAuthorization as FhirAuthorization | undefined;
  return auth
    ? { ...request, fhirAuthorization: { ...auth, access_token: '«redacted: short-lived demo token»' } }
    : request;
}
