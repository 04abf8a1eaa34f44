/**
 * Parses a hook call body for one service: envelope, hook name, the hook's context, draft orders and selections.
 * Every failure is a 400 naming what is wrong (never a 5xx for bad input).
 */
import { flattenBundle } from '@fhir/bundle';
import { AppError } from '../errors';
import {
  AllergyIntoleranceCreateContext,
  MedicationRefillContext,
  OrderSelectContext,
  OrderSignContext,
  PatientViewContext,
  ProblemListItemCreateContext,
  HookRequest,
  PrefetchValue,
  type HookName,
} from '@cds-hooks/schemas/request';
import type { ServiceDefinition } from './services';
import { compile } from '@cds-hooks/validate';

const checkRequest = compile(HookRequest, 'request');
const checkPrefetch = compile(PrefetchValue, 'prefetch value');
const checkContext: Record<HookName, ReturnType<typeof compile>> = {
  'patient-view': compile(PatientViewContext, 'context'),
  'order-select': compile(OrderSelectContext, 'context'),
  'order-sign': compile(OrderSignContext, 'context'),
  'allergyintolerance-create': compile(AllergyIntoleranceCreateContext, 'context'),
  'problem-list-item-create': compile(ProblemListItemCreateContext, 'context'),
  'medication-refill': compile(MedicationRefillContext, 'context'),
};

export interface ParsedHookCall {
  request: HookRequest;
  patientId: string;
  /** Orders being signed or selected, or the medications being refilled (medication-refill). */
  drafts: fhir4.Resource[];
  selections: string[];
  /** Resources the hook is creating: the new allergy, the new problem-list conditions (each given an id if it has none). */
  created: fhir4.Resource[];
}

const refOf = (r: fhir4.Resource): string | undefined => (r.id ? `${r.resourceType}/${r.id}` : undefined);

/** The resources of one type in a context Bundle. */
const ofType = (bundle: unknown, type: string): fhir4.Resource[] =>
  flattenBundle(bundle).filter((r) => r.resourceType === type);

/**
 * A resource being created may have no id yet: it gets one, so findings can point at it. Its patient must be the
 * patient in context (a mixed chart is never reasoned on).
 */
function created(resources: readonly fhir4.Resource[], patientId: string, field: string): fhir4.Resource[] {
  return resources.map((r, i) => {
    const holder = r as { patient?: fhir4.Reference; subject?: fhir4.Reference };
    const reference = (holder.patient ?? holder.subject)?.reference;
    const own = `Patient/${patientId}`;
    if (reference !== undefined && reference !== own && !reference.endsWith(`/${own}`)) {
      throw new AppError(
        'INVALID_REQUEST',
        `context.${field} is about ${reference}, not the patient in context (Patient/${patientId})`,
      );
    }
    return r.id ? r : { ...r, id: `cairn-new-${i + 1}` };
  });
}

function contextResources(
  hook: HookName,
  context: Record<string, unknown>,
  patientId: string,
): Pick<ParsedHookCall, 'drafts' | 'created'> {
  switch (hook) {
    case 'patient-view':
      return { drafts: [], created: [] };
    case 'order-select':
    case 'order-sign':
      return { drafts: flattenBundle(context.draftOrders), created: [] };
    case 'medication-refill':
      return { drafts: ofType(context.medications, 'MedicationRequest'), created: [] };
    case 'allergyintolerance-create':
      return {
        drafts: [],
        created: created([context.allergyIntolerance as fhir4.Resource], patientId, 'allergyIntolerance'),
      };
    case 'problem-list-item-create':
      return { drafts: [], created: created(ofType(context.conditions, 'Condition'), patientId, 'conditions') };
  }
}

/** The call, or AppError INVALID_REQUEST. */
export function parseHookCall(service: ServiceDefinition, body: unknown): ParsedHookCall {
  if (!checkRequest(body)) throw new AppError('INVALID_REQUEST', checkRequest.explain(body));
  if (body.hook !== service.hook) {
    throw new AppError(
      'INVALID_REQUEST',
      `hook "${body.hook}" does not match service ${service.id}, which serves "${service.hook}"`,
    );
  }
  // spec §HTTP Request: fhirServer is CONDITIONAL — required when fhirAuthorization is sent.
  if (body.fhirAuthorization && !body.fhirServer)
    throw new AppError('INVALID_REQUEST', 'request has fhirAuthorization but no fhirServer');
  for (const key of Object.keys(service.prefetch)) {
    const value = body.prefetch?.[key];
    if (value !== undefined && !checkPrefetch(value))
      throw new AppError(
        'INVALID_REQUEST',
        `prefetch.${key} must be a FHIR resource (a Bundle's entry and link must be arrays of objects) or null`,
      );
  }
  const check = checkContext[service.hook];
  if (!check(body.context)) throw new AppError('INVALID_REQUEST', check.explain(body.context));
  const context = body.context as Record<string, unknown> & { patientId: string };
  const { drafts, created: made } = contextResources(service.hook, context, context.patientId);
  if (service.hook === 'problem-list-item-create' && made.length === 0)
    throw new AppError('INVALID_REQUEST', 'context.conditions holds no Condition');
  if (service.hook === 'medication-refill' && drafts.length === 0)
    throw new AppError('INVALID_REQUEST', 'context.medications holds no MedicationRequest');
  // Only order-select defines `selections` (its schema checked it is an array of strings). Another hook's context
  // may carry a field of that name with any JSON value: it is not ours to read, so it is ignored.
  const selections = service.hook === 'order-select' ? (body.context as OrderSelectContext).selections : [];
  const draftRefs = new Set(drafts.map(refOf));
  const unknown = selections.find((s) => !draftRefs.has(s));
  if (unknown !== undefined)
    throw new AppError('INVALID_REQUEST', 'context.selections names an order that is not in context.draftOrders');
  return { request: body, patientId: context.patientId, drafts, selections, created: made };
}
