/**
 * Structured-output negotiation, per model. OpenAI models on either route take strict `json_schema`; many other
 * models a Foundry resource serves take only `json_object`, or no `response_format` at all, and answer 400/422
 * naming the parameter. In `auto` the first such refusal steps the mode down and is remembered for this model,
 * so later hook calls never pay a refused call again. Whatever the mode, the output validator alone decides what
 * is kept (schema, grounding, doses), so a weaker mode never weakens what reaches a clinician.
 */
import { APIError } from 'openai';
import type { OutputMode, OutputSetting } from './config';

/** Strongest first: a refusal moves one step along this list, never back. */
const MODES: readonly OutputMode[] = ['json_schema', 'json_object', 'text'];

export interface OutputCapability {
  /** The mode the next call uses. */
  readonly mode: OutputMode;
  /** True once a refusal taught us the mode (for /readyz and the log). */
  readonly learned: boolean;
  readonly setting: OutputSetting;
}

export class OutputNegotiator implements OutputCapability {
  private current: OutputMode;
  private taught = false;

  constructor(
    readonly setting: OutputSetting,
    private readonly onLearned?: (mode: OutputMode) => void,
  ) {
    this.current = setting === 'auto' ? 'json_schema' : setting;
  }

  get mode(): OutputMode {
    return this.current;
  }
  get learned(): boolean {
    return this.taught;
  }

  /**
   * After `err` from a call made in `tried`: the mode to retry with, or undefined when the error is not a
   * response-format refusal, the mode is pinned by configuration, or nothing weaker is left.
   */
  stepDownAfter(err: unknown, tried: OutputMode): OutputMode | undefined {
    if (this.setting !== 'auto' || !isResponseFormatRefusal(err)) return undefined;
    const next = MODES[MODES.indexOf(tried) + 1];
    if (!next) return undefined;
    // Another call may already have stepped further down; never climb back up.
    if (MODES.indexOf(next) > MODES.indexOf(this.current)) {
      this.current = next;
      this.taught = true;
      this.onLearned?.(next);
    }
    return this.current;
  }
}

/** A 400/422 whose error names the response format: the model does not support what we asked for. */
export function isResponseFormatRefusal(err: unknown): boolean {
  if (!(err instanceof APIError) || (err.status !== 400 && err.status !== 422)) return false;
  if (isContentFilter(err)) return false;
  const said = `${err.message} ${JSON.stringify(err.error ?? {})}`.toLowerCase();
  return /response_format|json_schema|json_object|structured output/.test(said);
}

/** Azure's content filter: HTTP 400 with code `content_filter` (prompt) — see also `finish_reason`. */
export function isContentFilter(err: unknown): boolean {
  if (!(err instanceof APIError) || err.status !== 400) return false;
  const body = (err.error ?? {}) as { code?: unknown; innererror?: { code?: unknown } };
  return (
    err.code === 'content_filter' ||
    body.code === 'content_filter' ||
    body.innererror?.code === 'ResponsibleAIPolicyViolation'
  );
}

/** Thrown when the provider's filter withheld the completion (finish_reason `content_filter`). */
export class ContentFilteredError extends Error {
  override readonly name = 'ContentFilteredError';
}
