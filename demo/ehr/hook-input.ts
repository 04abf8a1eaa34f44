/**
 * Reads the browser's `/api/hook` body into one hook's input, or says what is wrong (a 400, never a 5xx). The
 * browser sends the allergy or condition it is creating; for a refill it names the prescription, and the EHR reads
 * it from its own record (the browser never has the full resource).
 */
import type { MemoryRepository } from '../fhir/repository';
import { DEMO_HOOKS, type DemoHook, type HookInput } from './hook-request';
import { refillOf } from './refill';

export interface HookBody {
  hook?: unknown;
  patientId?: unknown;
  draftOrders?: fhir4.Resource[];
  selections?: string[];
  allergyIntolerance?: unknown;
  conditions?: unknown;
  /** For medication-refill: the active prescription to refill, e.g. "MedicationRequest/abc". */
  refill?: unknown;
}

const isResource = <T extends fhir4.Resource>(v: unknown, type: T['resourceType']): v is T =>
  typeof v === 'object' && v !== null && (v as { resourceType?: unknown }).resourceType === type;

const about = (r: fhir4.AllergyIntolerance | fhir4.Condition | fhir4.MedicationRequest, patientId: string): boolean =>
  ('patient' in r ? r.patient : r.subject)?.reference === `Patient/${patientId}`;

type Extra = Pick<HookInput, 'allergyIntolerance' | 'conditions' | 'medications'>;

function createdResources(
  hook: DemoHook,
  body: HookBody,
  patientId: string,
  repo: MemoryRepository,
  now: string,
): Extra | string {
  switch (hook) {
    case 'allergyintolerance-create': {
      const a = body.allergyIntolerance;
      if (!isResource<fhir4.AllergyIntolerance>(a, 'AllergyIntolerance') || !about(a, patientId))
        return `allergyIntolerance must be an AllergyIntolerance about Patient/${patientId}`;
      return { allergyIntolerance: a };
    }
    case 'problem-list-item-create': {
      const list = body.conditions;
      if (
        !Array.isArray(list) ||
        list.length === 0 ||
        !list.every((c) => isResource<fhir4.Condition>(c, 'Condition') && about(c, patientId))
      )
        return `conditions must be one or more Conditions about Patient/${patientId}`;
      return { conditions: list as fhir4.Condition[] };
    }
    case 'medication-refill': {
      const [type, id] = typeof body.refill === 'string' ? body.refill.split('/') : [];
      const prior = type === 'MedicationRequest' && id ? repo.read(type, id) : undefined;
      const active = prior as fhir4.MedicationRequest | undefined;
      if (!active || active.status !== 'active' || !about(active, patientId))
        return `refill must name an active MedicationRequest of Patient/${patientId}`;
      return { medications: [refillOf(active, `refill-${id}`, now)] };
    }
    default:
      return {};
  }
}

/** The input for one hook call, or a message for the 400. */
export function hookInputOf(
  body: HookBody | undefined,
  repo: MemoryRepository,
  userId: string,
  now: string,
): HookInput | string {
  const { hook, patientId } = body ?? {};
  if (!DEMO_HOOKS.includes(hook as DemoHook) || typeof patientId !== 'string' || !repo.read('Patient', patientId))
    return 'hook and a known patientId are required';
  const extra = createdResources(hook as DemoHook, body ?? {}, patientId, repo, now);
  if (typeof extra === 'string') return extra;
  return {
    hook: hook as DemoHook,
    patientId,
    userId,
    ...(body?.draftOrders && { draftOrders: body.draftOrders }),
    ...(body?.selections && { selections: body.selections }),
    ...extra,
  };
}
