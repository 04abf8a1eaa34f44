/**
 * Composition of the model side of the service: config → hosted chat (or none) → adapter → reasoning service.
 * Called once by hooks-service/main.ts (or by tests with an injected chat client and clock).
 */
import { createHostedChat, type HostedChat, type HostedChatOverrides } from './chat-client';
import { CircuitBreaker } from './circuit-breaker';
import type { ModelConfig } from './config';
import { createHostedModel } from './hosted-model';
import { NarrativeCache } from './narrative-cache';
import { createNarrativeService, type ModelCallEvent, type NarrativeService } from './narrative-service';

export { parseModelConfig, type ModelConfig } from './config';
export type { ModelCallEvent, NarrativeService } from './narrative-service';
export { describeProfile } from './profile';
export { narrativePlugin, type NarrativePluginOptions } from './narrative-route';
export { narrativeCard, type NarrativeCardParts } from './narrative-card';

export interface NarrativeServiceOverrides extends HostedChatOverrides {
  chat?: HostedChat;
  now?: () => number;
  breaker?: CircuitBreaker;
  onSettled?: (event: ModelCallEvent) => void;
}

/** Builds the reasoning service for a parsed config. */
export function createNarrativeServiceFromConfig(
  config: ModelConfig,
  overrides: NarrativeServiceOverrides = {},
): NarrativeService {
  const chat = overrides.chat ?? createHostedChat(config, overrides);
  const now = overrides.now ?? Date.now;
  return createNarrativeService({
    model: chat ? createHostedModel({ chat, timeoutMs: config.timeoutMs, now }) : undefined,
    budgetMs: config.budgetMs,
    cache: new NarrativeCache({ ttlMs: config.cacheTtlMs, maxEntries: config.cacheSize, now }),
    breaker: overrides.breaker ?? new CircuitBreaker({ now }),
    now,
    ...(chat ? { profile: chat.profile } : {}),
    ...(overrides.onSettled ? { onSettled: overrides.onSettled } : {}),
  });
}
