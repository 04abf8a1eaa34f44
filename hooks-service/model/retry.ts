/**
 * One retry, only where safe: on 429 or 5xx (the request was not processed or may be retried, RFC 9110 §15.6,
 * RFC 6585 §4) and only while the latency budget still has room. Timeouts and aborts are never retried:
 * the budget is already spent.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai';
import { ContentFilteredError, isContentFilter } from './output-mode';

/** Least time left in the budget for a retry to be worth starting. */
const MIN_RETRY_WINDOW_MS = 100;

export function isRetryable(err: unknown): boolean {
  return err instanceof APIError && typeof err.status === 'number' && (err.status === 429 || err.status >= 500);
}

/** Runs `call`; on a retryable failure with budget left, runs it once more. */
export async function callWithRetry<T>(
  call: () => Promise<T>,
  budget: { startedAt: number; budgetMs: number; now: () => number },
): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const left = budget.budgetMs - (budget.now() - budget.startedAt);
    if (!isRetryable(err) || left < MIN_RETRY_WINDOW_MS) throw err;
    return call();
  }
}

/** A short, log-safe reason for a failed call (status and class only, never bodies or prompts). */
export function describeFailure(err: unknown): string {
  // Order matters: the timeout error is a subclass of the connection error.
  if (err instanceof APIConnectionTimeoutError) return 'model call timed out';
  if (err instanceof APIUserAbortError) return 'model call aborted';
  if (err instanceof APIConnectionError) return 'model endpoint unreachable';
  // A provider content filter (Azure: 400 `content_filter`, or finish_reason) is a refusal, not an outage.
  if (err instanceof ContentFilteredError || isContentFilter(err))
    return 'model provider content filter blocked the request';
  if (err instanceof APIError && (err.status === 401 || err.status === 403))
    return `model endpoint refused our credentials (HTTP ${err.status})`;
  if (err instanceof APIError && typeof err.status === 'number') return `model endpoint answered HTTP ${err.status}`;
  if (isCredentialFailure(err)) return 'model credential unavailable (Entra ID token could not be obtained)';
  return 'model call failed';
}

/** An Entra ID token that could not be had: @azure/identity's own errors, or the SDK wrapping a token-provider failure. */
function isCredentialFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (['CredentialUnavailableError', 'AuthenticationError', 'AggregateAuthenticationError'].includes(err.name))
    return true;
  return err instanceof OpenAIError && err.message.startsWith('Failed to get token');
}
