/**
 * One hook call, end to end: the reasoning (reason.ts: parse → chart → engine → findings → cards, on the event loop
 * or in a reasoning worker) → optional model card (the seam for hooks-service/model) → audit. Pure orchestration:
 * every I/O dependency comes in through HookDeps.
 */
import type { EngineInput, EngineResult } from '@reasoning/types';
import type { Narrative } from '@model/types';
import type { FastifyBaseLogger } from 'fastify';
import { narrativeCard } from '../model/narrative-card';
import type { Store } from '../store/types';
import { auditedCard, byUrgency, TOPIC_SYSTEM, type RuledCard } from './cards';
import type { Card } from '@cds-hooks/schemas/response';
import { clipSummary } from '@cds-hooks/summary';
import { ReasonFailure, type ReasonJob, type Reasoned } from './reason';
import type { ServiceDefinition } from './services';

/** The model seam: reasoning within the hook's latency budget, or undefined (the engine's cards stand alone). */
export interface HookModel {
  readonly info: { name: string };
  /** `spentMs`: time this hook call already used, so the whole call stays within the model budget. */
  forHook(
    patientId: string,
    request: { input: EngineInput; result: EngineResult },
    budget?: { spentMs?: number },
  ): Promise<Narrative | undefined>;
}

export interface HookDeps {
  store: Store;
  /** reason.ts's `reason`, here or in a worker (reasoning-pool.ts). */
  reason: (job: ReasonJob) => Promise<Reasoned>;
  /** The route leaves JSON bodies as text (JsonText), for the reasoning worker to parse. */
  bodyAsText: boolean;
  now: () => Date;
  newId: () => string;
  model?: HookModel;
}

export interface HookCallContext {
  /** Verified JWT issuer (auth on). */
  issuer?: string;
  /** This service's base URL as clients see it. */
  baseUrl: string;
  log: FastifyBaseLogger;
}

const MODEL_RULE = 'model-reasoning';

function modelCard(
  reasoning: Narrative | undefined,
  escalationShown: boolean,
  newId: () => string,
): RuledCard | undefined {
  const parts = narrativeCard(reasoning, { escalationShown });
  if (!parts) return undefined;
  const card: Card = {
    uuid: newId(),
    summary: clipSummary(parts.summary),
    indicator: parts.indicator,
    detail: parts.detail,
    source: {
      label: parts.sourceLabel,
      topic: { system: TOPIC_SYSTEM, code: MODEL_RULE, display: 'Model-generated reasoning' },
    },
  };
  return { card, ruleId: MODEL_RULE };
}

/**
 * Runs a hook call for one of `services`, all under one id of `edition` (the body's `hook` picks one), and returns
 * the response's JSON text (a CdsResponse). Throws AppError for bad input (400) or unavailable data (412). Audited
 * either way once the service is known.
 */
export async function handleHook(
  called: { edition: string; services: readonly ServiceDefinition[] },
  body: ReasonJob['body'],
  call: HookCallContext,
  deps: HookDeps,
): Promise<string> {
  const started = performance.now();
  const serviceOf = (hook: string) => called.services.find((s) => s.hook === hook);
  let service: ServiceDefinition | undefined;
  let hookInstance: string | undefined;
  try {
    const reasoned = await deps.reason({
      serviceId: called.services[0]?.id ?? '',
      edition: called.edition,
      body,
      ...(call.issuer !== undefined && { issuer: call.issuer }),
      baseUrl: call.baseUrl,
      now: deps.now().toISOString(),
      withEngineData: deps.model !== undefined,
    });
    service = serviceOf(reasoned.hook);
    hookInstance = reasoned.hookInstance;
    if (!service)
      throw new Error(`reasoning answered for hook ${reasoned.hook}, which ${called.services[0]?.id} does not serve`);
    return await answer(service, reasoned, call, deps, started);
  } catch (e) {
    if (e instanceof ReasonFailure) {
      service = serviceOf(e.hook);
      hookInstance = e.hookInstance;
    }
    if (!service) throw e instanceof ReasonFailure ? e.error : e;
    // EU AI Act Art. 12: failed calls are logged too — ids only; the patient id only once the request parsed.
    await audit(deps, call, {
      at: deps.now().toISOString(),
      serviceId: service.id,
      hook: service.hook,
      hookInstance: hookInstance ?? 'unparsed',
      cards: [],
      model: deps.model?.info.name ?? 'none',
      latencyMs: Math.round(performance.now() - started),
      outcome: 'error',
    });
    throw e instanceof ReasonFailure ? e.error : e;
  }
}

async function answer(
  service: ServiceDefinition,
  reasoned: Reasoned,
  call: HookCallContext,
  deps: HookDeps,
  started: number,
): Promise<string> {
  const { engine } = reasoned;
  let { cardsJson, audited } = reasoned;
  const budget = { spentMs: performance.now() - started };
  const extra =
    deps.model && engine && reasoned.askModel
      ? modelCard(await deps.model.forHook(reasoned.patientId, engine, budget), reasoned.escalationShown, deps.newId)
      : undefined;
  if (extra) {
    const cards = (JSON.parse(cardsJson) as Card[]).map((card, i) => ({ card, ruleId: audited[i]?.ruleId ?? '' }));
    const all = byUrgency([...cards, extra]);
    cardsJson = JSON.stringify(all.map((c) => c.card));
    audited = all.map(auditedCard);
  }
  const latencyMs = Math.round(performance.now() - started);
  call.log.info(
    {
      serviceId: service.id,
      hook: service.hook,
      hookInstance: reasoned.hookInstance,
      latencyMs,
      ruleIds: reasoned.ruleIds,
      cards: audited.length,
      prefetchKeys: reasoned.prefetchKeys,
      foreign: reasoned.foreign,
      skipped: reasoned.skipped,
    },
    'hook answered',
  );
  await audit(deps, call, {
    at: deps.now().toISOString(),
    serviceId: service.id,
    hook: service.hook,
    hookInstance: reasoned.hookInstance,
    patientId: reasoned.patientId,
    cards: audited,
    model: deps.model?.info.name ?? 'none',
    latencyMs,
    outcome: 'ok',
  });
  return `{"cards":${cardsJson}}`;
}

async function audit(deps: HookDeps, call: HookCallContext, event: Parameters<Store['recordAudit']>[0]): Promise<void> {
  try {
    await deps.store.recordAudit(event);
  } catch (e) {
    // The clinician still gets the cards; the failure is loud in the logs (and /readyz reports the store).
    call.log.error(
      { errorClass: e instanceof Error ? e.name : typeof e, hookInstance: event.hookInstance },
      'audit write failed',
    );
  }
}
