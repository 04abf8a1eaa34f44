/**
 * Orchestrates model reasoning for hooks and the app (issue 5): precompute at patient-view, a latency budget
 * for hook calls (past it the hook answers with the engine's cards alone and the call continues into the
 * cache), a circuit breaker, and in-flight sharing through the cache.
 */
import { composeEmbeddedNarrative, fallbackNarrative, minimizeForModel, type Minimized } from '@model/index';
import type { ModelInfo, Narrative, NarrativeModel, NarrativeRequest } from '@model/types';
import type { ChatProfile } from './chat-client';
import { CircuitBreaker } from './circuit-breaker';
import { NarrativeCache, reasoningCacheKey } from './narrative-cache';

export interface NarrativeServiceOptions {
  /** The hosted adapter, or undefined for the embedded model (no network, nothing to cache). */
  model: NarrativeModel | undefined;
  budgetMs: number;
  cache: NarrativeCache;
  breaker: CircuitBreaker;
  now?: () => number;
  /** How the hosted model is reached (route, auth, negotiated output mode), for /readyz and the start log. */
  profile?: ChatProfile;
  /** Called once per model call with log-safe facts (no text, no payload): for logs and audit. */
  onSettled?: (event: ModelCallEvent) => void;
}

export interface ModelCallEvent {
  model: string;
  source: Narrative['source'];
  latencyMs: number;
  fallbackReason?: string;
  dropped: number;
  considerations: number;
}

export interface HookBudget {
  budgetMs?: number;
  spentMs?: number;
}

export interface NarrativeService {
  readonly info: ModelInfo;
  readonly budgetMs: number;
  readonly profile?: ChatProfile;
  /** Starts (or joins) the model call for this patient and data; never rejects. */
  start(patientId: string, request: NarrativeRequest): Promise<Narrative>;
  /**
   * The model's reasoning if ready within the budget; else the embedded reasoning labeled as a fallback (no model
   * text, but its deterministic escalation) while the call goes on and fills the cache for the app. With no
   * findings the hook does not wait at all: the call only precomputes the app's narrative.
   * `spentMs` = time the hook already spent (engine, parsing), so the hook as a whole stays within the budget.
   */
  forHook(patientId: string, request: NarrativeRequest, options?: HookBudget): Promise<Narrative>;
  /** For the app: waits up to `waitMs`; past it, the labeled embedded fallback (the call still fills the cache). */
  forApp(patientId: string, request: NarrativeRequest, waitMs: number): Promise<Narrative>;
}

export function createNarrativeService(options: NarrativeServiceOptions): NarrativeService {
  const { model, cache, breaker } = options;
  const now = options.now ?? Date.now;
  const info =
    model?.info ?? composeEmbeddedNarrative({ findings: [], scores: [], skipped: [], unidentified: [] }).model;

  function start(patientId: string, request: NarrativeRequest): Promise<Narrative> {
    if (!model) return Promise.resolve(composeEmbeddedNarrative(request.result));
    let minimized: Minimized;
    try {
      minimized = minimizeForModel(request);
    } catch {
      // Odd chart data must never fail the hook: the engine's result stands, labeled, with its escalation.
      return Promise.resolve(fallbackNarrative(request, 'model input could not be prepared', 0));
    }
    const key = reasoningCacheKey(patientId, model.info.name, minimized.payload);
    const cached = cache.get(key);
    if (cached) return cached.promise;
    if (!breaker.tryAcquire()) {
      const wait = Math.ceil(breaker.retryInMs() / 1000);
      return Promise.resolve(
        fallbackNarrative(request, `model circuit open after repeated failures (retry in ${wait} s)`, 0),
      );
    }
    const promise = model.reason(request, { budgetMs: options.budgetMs, minimized }).then(
      (r) => {
        if (r.source === 'hosted') breaker.recordSuccess();
        else breaker.recordFailure();
        options.onSettled?.({
          model: r.model.name,
          source: r.source,
          latencyMs: r.latencyMs,
          dropped: r.dropped.length,
          considerations: r.considerations.length,
          ...(r.fallbackReason ? { fallbackReason: r.fallbackReason } : {}),
        });
        return r;
      },
      () => {
        breaker.recordFailure();
        return fallbackNarrative(request, 'model adapter error', 0);
      },
    );
    cache.put(key, promise, (r) => r.source === 'hosted');
    return promise;
  }

  async function forHook(patientId: string, request: NarrativeRequest, budget: HookBudget = {}) {
    const deadline = now() + (budget.budgetMs ?? options.budgetMs) - (budget.spentMs ?? 0);
    const call = start(patientId, request);
    const settled = request.result.findings.length === 0 && model ? undefined : await within(call, deadline);
    if (settled) return settled;
    const reason =
      request.result.findings.length === 0
        ? 'nothing fired; the narrative is in the app'
        : 'model past the hook latency budget';
    return fallbackNarrative(request, reason, 0);
  }

  async function forApp(patientId: string, request: NarrativeRequest, waitMs: number) {
    const r = await within(start(patientId, request), now() + waitMs);
    const reason = `model still working after ${Math.round(waitMs / 1000)} s; reload shortly for its answer`;
    return r ?? fallbackNarrative(request, reason, waitMs);
  }

  /** The call's result if it settles before `deadline` (clock ms), else undefined; timing starts before `start`. */
  async function within(call: Promise<Narrative>, deadline: number): Promise<Narrative | undefined> {
    let cancel = (): void => undefined;
    const late = new Promise<undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - now()));
      cancel = () => clearTimeout(timer);
    });
    try {
      return await Promise.race([call, late]);
    } finally {
      cancel();
    }
  }

  return {
    info,
    budgetMs: options.budgetMs,
    ...(options.profile ? { profile: options.profile } : {}),
    start,
    forHook,
    forApp,
  };
}
