/**
 * The reasoning of one hook call, without its I/O to the store or the model: parse the call → gather the chart
 * (prefetch, else FHIR, else 412) → engine → the findings this hook speaks about → cards. It runs on the event loop
 * or in a reasoning worker (reasoning-pool.ts); both run this one function, so they answer alike.
 */
import type { EngineInput, EngineResult } from '@reasoning/types';
import { earlyWarningRule } from '@reasoning/rules/early-warning';
import { AppError } from '../errors';
import { parseJsonText } from '../net/json-body';
import { gatherChart, type Chart } from '../prefetch/resolve';
import type { FhirClient } from '../prefetch/fhir-client';
import { auditedCard, byUrgency, toCards } from './cards';
import { chartForHook } from './hook-chart';
import { parseHookCall } from './hook-request';
import { selectFindings } from './select-findings';
import { servicesCalled, type ServiceDefinition } from './services';
import type { HookName } from '@cds-hooks/schemas/request';

export interface ReasonDeps {
  fhir: FhirClient;
  fhirAllowlist: readonly string[];
  fhirBudgetMs: number;
  runEngine: (input: EngineInput) => EngineResult;
  newId: () => string;
}

/** One call to reason about. Plain data, so it can be posted to a worker. */
export interface ReasonJob {
  /** The called service id and the prefix of its edition; the body's `hook` picks the service under a shared id. */
  serviceId: string;
  edition: string;
  /** The body's value, or its JSON text (parsed here, so a worker parses it instead of the event loop). */
  body: { value: unknown } | { text: string };
  /** Verified JWT issuer (auth on). */
  issuer?: string;
  /** This service's base URL as clients see it. */
  baseUrl: string;
  /** The clock's time for this call, ISO 8601. */
  now: string;
  /** Return the engine's input and result, for the model's narrative. */
  withEngineData: boolean;
}

/** What the call concluded, before any model card: the cards and the log-safe account of how they came about. */
export interface Reasoned {
  /** The hook of the service that answered (under a shared id, the body's). */
  hook: HookName;
  hookInstance: string;
  patientId: string;
  /**
   * The cards, most urgent first, as the JSON text of the response's `cards` array: serialized where they were
   * built, so a worker's cards cross to the event loop as one string and are never parsed there.
   */
  cardsJson: string;
  /** What the audit keeps of each card, in the same order. */
  audited: ReturnType<typeof auditedCard>[];
  ruleIds: string[];
  /** A NEWS2 escalation is among the cards (the model card then does not repeat it). */
  escalationShown: boolean;
  /** patient-view always asks the model: it precomputes the app's narrative and carries NEWS2 red flags. */
  askModel: boolean;
  prefetchKeys: Chart['keys'];
  foreign: number;
  skipped: number;
  /** The engine's input and result, when the job asked for them and the model will be asked. */
  engine?: { input: EngineInput; result: EngineResult };
}

/** A call that failed after its service was known: audited as an error, then answered with `error`. */
export class ReasonFailure extends Error {
  override readonly name = 'ReasonFailure';
  constructor(
    readonly hook: HookName,
    /** The body's hookInstance when it is a UUID (ids only in the audit). */
    readonly hookInstance: string | undefined,
    readonly error: unknown,
  ) {
    super('hook call failed');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The service a call is for: under a shared id, the one for its `hook`. */
export function serviceFor(found: readonly ServiceDefinition[], body: unknown): ServiceDefinition {
  const hook = (body as { hook?: unknown } | null)?.hook;
  const first = found[0] as ServiceDefinition;
  if (found.length === 1 || typeof hook !== 'string') return first;
  const match = found.find((s) => s.hook === hook);
  if (!match)
    throw new AppError(
      'INVALID_REQUEST',
      `hook "${hook}" is not served by ${first.id}, which serves ${found.map((s) => `"${s.hook}"`).join(', ')}`,
    );
  return match;
}

/** Reasons about `job`; throws AppError before its service is known (bad JSON, unknown hook), ReasonFailure after. */
export async function reason(job: ReasonJob, deps: ReasonDeps): Promise<Reasoned> {
  const body = 'text' in job.body ? parseJsonText(job.body.text) : job.body.value;
  const service = serviceFor(servicesCalled(job.edition, job.serviceId), body);
  try {
    return await reasonFor(service, body, job, deps);
  } catch (e) {
    const claimed = (body as { hookInstance?: unknown } | null)?.hookInstance;
    throw new ReasonFailure(service.hook, typeof claimed === 'string' && UUID.test(claimed) ? claimed : undefined, e);
  }
}

async function reasonFor(
  service: ServiceDefinition,
  body: unknown,
  job: ReasonJob,
  deps: ReasonDeps,
): Promise<Reasoned> {
  const parsed = parseHookCall(service, body);
  const chart = await gatherChart({
    prefetch: service.prefetch,
    request: parsed.request,
    patientId: parsed.patientId,
    issuer: job.issuer,
    allowlist: deps.fhirAllowlist,
    fhir: deps.fhir,
    budgetMs: deps.fhirBudgetMs,
  });
  const input: EngineInput = {
    resources: chartForHook(service.hook, chart.resources, parsed),
    draftOrders: parsed.drafts,
    now: job.now,
  };
  const result = deps.runEngine(input);
  const findings = selectFindings(service.hook, result.findings, {
    selections: parsed.selections,
    created: parsed.created.map((r) => `${r.resourceType}/${r.id ?? ''}`),
  });
  const cards = byUrgency(toCards(findings, { baseUrl: job.baseUrl, newId: deps.newId }));
  const askModel = findings.length > 0 || service.hook === 'patient-view';
  return {
    hook: service.hook,
    hookInstance: parsed.request.hookInstance,
    patientId: parsed.patientId,
    cardsJson: JSON.stringify(cards.map((c) => c.card)),
    audited: cards.map(auditedCard),
    ruleIds: findings.map((f) => f.ruleId),
    escalationShown: findings.some((f) => f.family === earlyWarningRule.family),
    askModel,
    prefetchKeys: chart.keys,
    foreign: chart.foreign,
    skipped: result.skipped.length,
    // Only when the model will be asked: from a worker, the chart crosses back to the event loop with it.
    ...(job.withEngineData && askModel && { engine: { input, result } }),
  };
}
