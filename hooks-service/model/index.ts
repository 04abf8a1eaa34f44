/**
 * Composition of the model side of the service: config → hosted chat (or none) → adapter → reasoning service.
 * Called once by hooks-service/main.ts (or by tests with an injected chat client and clock).
 */
import { createHostedChat, type HostedChat, type HostedChatOverrides } from './chat-client';
import { CircuitBreaker } from './circuit-breaker';
import type { ModelConfig } from './config';
import { createHostedModel } from './hosted-model';
import { ReasoningCache } from './reasoning-cache';
import { createReasoningService, type ModelCallEvent, type ReasoningService } from './reasoning-service';

export { parseModelConfig, ModelConfigError, type ModelConfig } from './config';
export type { ModelCallEvent, ReasoningService } from './reasoning-service';
export { describeProfile } from './profile';
export { reasoningPlugin, type ReasoningPluginOptions } from './reasoning-route';
export { reasoningCard, type ReasoningCardParts } from './reasoning-card';

export interface ReasoningServiceOverrides extends HostedChatOverrides {
  chat?: HostedChat;
  now?: () => number;
  breaker?: CircuitBreaker;
  onSettled?: (event: ModelCallEvent) => void;
}

/** Builds the reasoning service for a parsed config. */
export function createReasoningServiceFromConfig(
  config: ModelConfig, overrides: ReasoningServiceOverrides = {},
): ReasoningService {
  const chat = overrides.chat ?? createHostedChat(config, overrides);
  const now = overrides.now ?? Date.now;
  return createReasoningService({
    model: chat ? createHostedModel({ chat, timeoutMs: config.timeoutMs, now }) : undefined,
    budgetMs: config.budgetMs,
    cache: new ReasoningCache({ ttlMs: config.cacheTtlMs, maxEntries: config.cacheSize, now }),
    breaker: overrides.breaker ?? new CircuitBreaker({ now }),
    now,
    ...(chat ? { profile: chat.profile } : {}),
    ...(overrides.onSettled ? { onSettled: overrides.onSettled } : {}),
  });
}
