/** Builds CDS Hooks 2.0 requests for the hooks the demo EHR fires, and the inspector's redacted copy. */
import { randomUUID } from 'node:crypto';

export const DEMO_HOOKS = [
  'patient-view',
  'order-select',
  'order-sign',
  'allergyintolerance-create',
  'problem-list-item-create',
  'medication-refill',
] as const;
export type DemoHook = (typeof DEMO_HOOKS)[number];

export interface HookInput {
  hook: DemoHook;
  patientId: string;
  userId: string;
  draftOrders?: fhir4.Resource[];
  /** For order-select: references of the orders just chosen, e.g. "MedicationRequest/draft-1". */
  selections?: string[];
  /** For allergyintolerance-create: the allergy being recorded. */
  allergyIntolerance?: fhir4.AllergyIntolerance;
  /** For problem-list-item-create: the conditions being added to the problem list. */
  conditions?: fhir4.Condition[];
  /** For medication-refill: the draft refills of existing prescriptions. */
  medications?: fhir4.MedicationRequest[];
}

export interface FhirAuthorization {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  subject: string;
  patient: string;
}

const collection = (resources: readonly fhir4.Resource[] = []): fhir4.Bundle => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({ resource })),
});

/**
 * The hook's `context` per the hook definitions of the HL7 CDS Hooks library: patient-view 1.0, order-select 1.0,
 * order-sign 1.1; allergyintolerance-create, problem-list-item-create and medication-refill 0.1.0 (maturity 1:
 * `allergyIntolerance` is the one resource, `conditions` and `medications` are Bundles).
 */
export function hookContext(input: HookInput): Record<string, unknown> {
  const base = { userId: input.userId, patientId: input.patientId };
  switch (input.hook) {
    case 'patient-view':
      return base;
    case 'order-sign':
      return { ...base, draftOrders: collection(input.draftOrders) };
    case 'order-select':
      return { ...base, selections: input.selections ?? [], draftOrders: collection(input.draftOrders) };
    case 'allergyintolerance-create':
      return { ...base, allergyIntolerance: input.allergyIntolerance };
    case 'problem-list-item-create':
      return { ...base, conditions: collection(input.conditions) };
    case 'medication-refill':
      return { ...base, medications: collection(input.medications) };
  }
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
