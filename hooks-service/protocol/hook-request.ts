/**
 * Parses a hook call body for one service: envelope, hook name, the hook's context, draft orders and selections.
 * Every failure is a 400 naming what is wrong (never a 5xx for bad input).
 */
import { flattenBundle } from '@fhir/bundle';
import { AppError } from '../errors';
import { OrderSelectContext, OrderSignContext, PatientViewContext, HookRequest, PrefetchValue } from '@cds-hooks/schemas/request';
import type { ServiceDefinition } from './services';
import { compile } from '@cds-hooks/validate';

const checkRequest = compile(HookRequest, 'request');
const checkPrefetch = compile(PrefetchValue, 'prefetch value');
const checkContext = {
  'patient-view': compile(PatientViewContext, 'context'),
  'order-select': compile(OrderSelectContext, 'context'),
  'order-sign': compile(OrderSignContext, 'context'),
} as const;

export interface ParsedHookCall {
  request: HookRequest;
  patientId: string;
  drafts: fhir4.Resource[];
  selections: string[];
}

const refOf = (r: fhir4.Resource): string | undefined => (r.id ? `${r.resourceType}/${r.id}` : undefined);

function parseDrafts(context: Record<string, unknown>): fhir4.Resource[] {
  return flattenBundle(context.draftOrders);
}

/** The call, or AppError INVALID_REQUEST. */
export function parseHookCall(service: ServiceDefinition, body: unknown): ParsedHookCall {
  if (!checkRequest(body)) throw new AppError('INVALID_REQUEST', checkRequest.explain(body));
  if (body.hook !== service.hook) {
    throw new AppError('INVALID_REQUEST', `hook "${body.hook}" does not match service ${service.id}, which serves "${service.hook}"`);
  }
  // spec §HTTP Request: fhirServer is CONDITIONAL — required when fhirAuthorization is sent.
  if (body.fhirAuthorization && !body.fhirServer) throw new AppError('INVALID_REQUEST', 'request has fhirAuthorization but no fhirServer');
  for (const key of Object.keys(service.prefetch)) {
    const value = body.prefetch?.[key];
    if (value !== undefined && !checkPrefetch(value)) throw new AppError('INVALID_REQUEST', `prefetch.${key} must be a FHIR resource (a Bundle's entry and link must be arrays of objects) or null`);
  }
  const check = checkContext[service.hook];
  if (!check(body.context)) throw new AppError('INVALID_REQUEST', check.explain(body.context));
  const context = body.context as Record<string, unknown> & { patientId: string };
  const drafts = service.hook === 'patient-view' ? [] : parseDrafts(context);
  // Only order-select defines `selections` (its schema checked it is an array of strings). Another hook's context
  // may carry a field of that name with any JSON value: it is not ours to read, so it is ignored.
  const selections = service.hook === 'order-select' ? (body.context as OrderSelectContext).selections : [];
  const draftRefs = new Set(drafts.map(refOf));
  const unknown = selections.find((s) => !draftRefs.has(s));
  if (unknown !== undefined) throw new AppError('INVALID_REQUEST', 'context.selections names an order that is not in context.draftOrders');
  return { request: body, patientId: context.patientId, drafts, selections };
}
