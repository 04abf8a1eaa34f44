/**
 * The hosted adapter behind the one `ReasoningModel` interface: minimize → call (one safe retry) → parse →
 * validate → label → escalate. Never throws: every failure becomes the labeled embedded fallback with its reason.
 */
import { fallbackNarrative, minimizeForModel, narrativeFromModelAnswer } from '@model/index';
import type { ModelInfo, Narrative, NarrativeModel, NarrativeRequest, ReasonOptions } from '@model/types';
import type { HostedChat } from './chat-client';
import type { OutputMode } from './config';
import { buildUserMessage, SYSTEM_PROMPT } from './prompt';
import { callWithRetry, describeFailure } from './retry';

export interface HostedModelDeps {
  chat: HostedChat;
  /** Hard limit of one call, also the retry budget when the caller gives none. */
  timeoutMs: number;
  now?: () => number;
}

export function createHostedModel(deps: HostedModelDeps): NarrativeModel {
  const now = deps.now ?? Date.now;
  const info: ModelInfo = { name: deps.chat.name, kind: 'hosted' };
  return {
    info,
    async reason(request: NarrativeRequest, options: ReasonOptions = {}): Promise<Narrative> {
      const startedAt = now();
      const minimized = options.minimized ?? minimizeForModel(request);
      const hard = AbortSignal.timeout(deps.timeoutMs);
      const signal = options.signal ? AbortSignal.any([options.signal, hard]) : hard;
      const call = () =>
        deps.chat.complete({
          system: SYSTEM_PROMPT,
          user: buildUserMessage(minimized.payload),
          signal,
          timeoutMs: deps.timeoutMs,
        });
      let answer;
      try {
        answer = await callWithRetry(call, { startedAt, budgetMs: options.budgetMs ?? deps.timeoutMs, now });
      } catch (err) {
        // Our own hard timeout surfaces as a user abort inside the client; name it for what it is.
        const reason = hard.aborted ? 'model call timed out' : describeFailure(err);
        return fallbackNarrative(request, reason, now() - startedAt);
      }
      const latencyMs = now() - startedAt;
      const raw = parseAnswer(answer.content, answer.mode);
      if (raw === undefined) return fallbackNarrative(request, 'invalid answer: not JSON', latencyMs);
      return narrativeFromModelAnswer(raw, minimized, request, { ...info, version: answer.model }, latencyMs);
    },
  };
}

/**
 * The answer's JSON. In text mode a model may still wrap its one object in a code fence or a sentence; the
 * outermost braces are taken, and anything that is not then valid JSON is refused (never repaired).
 */
export function parseAnswer(content: string | null, mode: OutputMode): unknown {
  if (!content) return undefined;
  const text = mode === 'text' ? outermostObject(content) : content;
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function outermostObject(content: string): string | undefined {
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  return start >= 0 && end > start ? content.slice(start, end + 1) : undefined;
}
