/**
 * One hook call, end to end: parse → gather the chart (prefetch, else FHIR, else 412) → engine → findings this hook
 * speaks about → cards → optional model card (the seam for hooks-service/model) → audit. Pure orchestration:
 * every I/O dependency comes in through HookDeps.
 */
import type { EngineInput, EngineResult, Finding } from '@reasoning/types';
import { earlyWarningRule } from '@reasoning/rules/early-warning';
import type { Narrative } from '@model/types';
import type { FastifyBaseLogger } from 'fastify';
import { narrativeCard } from '../model/narrative-card';
import { gatherChart } from '../prefetch/resolve';
import type { FhirClient } from '../prefetch/fhir-client';
import type { Store } from '../store/types';
import { toCards, TOPIC_SYSTEM, type RuledCard } from './cards';
import { parseHookCall } from './hook-request';
import type { Card, CdsResponse } from '@cds-hooks/schemas/response';
import { selectFindings } from './select-findings';
import { chartForHook } from './hook-chart';
import { mostUrgentFirst } from '@cds-hooks/severity';
import { clipSummary } from '@cds-hooks/summary';
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
  fhir: FhirClient;
  fhirAllowlist: readonly string[];
  fhirBudgetMs: number;
  runEngine: (input: EngineInput) => EngineResult;
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

/** Findings of this family already carry a NEWS2 escalation as their own card. */
const EARLY_WARNING_FAMILY = earlyWarningRule.family;

const MODEL_RULE = 'model-reasoning';

function modelCard(
  reasoning: Narrative | undefined,
  shown: readonly Finding[],
  newId: () => string,
): RuledCard | undefined {
  const parts = narrativeCard(reasoning, { escalationShown: shown.some((f) => f.family === EARLY_WARNING_FAMILY) });
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

/** Runs a hook call for `service`; throws AppError for bad input (400) or unavailable data (412). Audited either way. */
export async function handleHook(
  service: ServiceDefinition,
  body: unknown,
  call: HookCallContext,
  deps: HookDeps,
): Promise<CdsResponse> {
  const started = performance.now();
  try {
    return await answer(service, body, call, deps, started);
  } catch (e) {
    // EU AI Act Art. 12: failed calls are logged too — ids only; the patient id only once the request parsed.
    const claimed = (body as { hookInstance?: unknown } | null)?.hookInstance;
    await audit(deps, call, {
      at: deps.now().toISOString(),
      serviceId: service.id,
      hook: service.hook,
      hookInstance: typeof claimed === 'string' && UUID.test(claimed) ? claimed : 'unparsed',
      cards: [],
      model: deps.model?.info.name ?? 'none',
      latencyMs: Math.round(performance.now() - started),
      outcome: 'error',
    });
    throw e;
  }
}

// spec §Card Attributes: indicator values are listed "in order of increasing urgency"; clients that show cards in
// the order received then show the most urgent first. Stable, so equal cards keep the engine's order.
const byUrgency = (cards: RuledCard[]): RuledCard[] =>
  [...cards].sort((a, b) => mostUrgentFirst(a.card.indicator, b.card.indicator));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function answer(
  service: ServiceDefinition,
  body: unknown,
  call: HookCallContext,
  deps: HookDeps,
  started: number,
): Promise<CdsResponse> {
  const parsed = parseHookCall(service, body);
  const chart = await gatherChart({
    prefetch: service.prefetch,
    request: parsed.request,
    patientId: parsed.patientId,
    issuer: call.issuer,
    allowlist: deps.fhirAllowlist,
    fhir: deps.fhir,
    budgetMs: deps.fhirBudgetMs,
  });
  const input: EngineInput = {
    resources: chartForHook(service.hook, chart.resources, parsed),
    draftOrders: parsed.drafts,
    now: deps.now().toISOString(),
  };
  const result = deps.runEngine(input);
  const findings = selectFindings(service.hook, result.findings, {
    selections: parsed.selections,
    created: parsed.created.map((r) => `${r.resourceType}/${r.id ?? ''}`),
  });
  const cards = toCards(findings, { baseUrl: call.baseUrl, newId: deps.newId });
  // patient-view always asks: it precomputes the app's narrative and carries NEWS2 red flags, which have no finding.
  const askModel = deps.model && (findings.length > 0 || service.hook === 'patient-view');
  const budget = { spentMs: performance.now() - started };
  const extra =
    deps.model && askModel
      ? modelCard(await deps.model.forHook(parsed.patientId, { input, result }, budget), findings, deps.newId)
      : undefined;
  const all = byUrgency(extra ? [...cards, extra] : cards);
  const latencyMs = Math.round(performance.now() - started);
  call.log.info(
    {
      serviceId: service.id,
      hook: service.hook,
      hookInstance: parsed.request.hookInstance,
      latencyMs,
      ruleIds: findings.map((f) => f.ruleId),
      cards: all.length,
      prefetchKeys: chart.keys,
      foreign: chart.foreign,
      skipped: result.skipped.length,
    },
    'hook answered',
  );
  await audit(deps, call, {
    at: deps.now().toISOString(),
    serviceId: service.id,
    hook: service.hook,
    hookInstance: parsed.request.hookInstance,
    patientId: parsed.patientId,
    cards: all.map(({ card, ruleId }) => ({ uuid: card.uuid ?? '', ruleId, indicator: card.indicator })),
    model: deps.model?.info.name ?? 'none',
    latencyMs,
    outcome: 'ok',
  });
  return { cards: all.map((c) => c.card) };
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
