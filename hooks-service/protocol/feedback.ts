/**
 * Feedback (spec §Feedback): validated, attributed to the rule behind the card (from the audited call), stored.
 * The same card may be reported more than once; the store is idempotent on (card, outcome, outcomeTimestamp).
 * `userComment` is free text a clinician typed: it is stored, never logged.
 */
import { AppError } from '../errors';
import type { FeedbackRecord, Store } from '../store/types';
import { FeedbackRequest, type FeedbackItem } from '@cds-hooks/schemas/feedback';
import type { ServiceDefinition } from './services';
import { compile, nulCharacterAt, nulMessage } from '@cds-hooks/validate';

const checkFeedback = compile(FeedbackRequest, 'feedback request');

async function toRecord(service: ServiceDefinition, item: FeedbackItem, store: Store): Promise<FeedbackRecord> {
  const reason = item.overrideReason;
  const ruleId = await store.ruleForCard(item.card);
  return {
    serviceId: service.id,
    card: item.card,
    outcome: item.outcome,
    acceptedSuggestions: (item.acceptedSuggestions ?? []).map((s) => s.id),
    ...(reason && {
      overrideReason: {
        ...(reason.reason && {
          code: reason.reason.code,
          system: reason.reason.system,
          ...(reason.reason.display && { display: reason.reason.display }),
        }),
        ...(reason.userComment && { userComment: reason.userComment }),
      },
    }),
    outcomeTimestamp: item.outcomeTimestamp,
    ...(ruleId && { ruleId }),
  };
}

/**
 * spec §Feedback: "while one or more suggestions can be accepted, an entire card is either ignored or overridden" —
 * acceptedSuggestions belong to `accepted`, overrideReason to `overridden`. An item carrying both would be counted
 * as one outcome and explained by the other in the analytics, so it is refused rather than guessed at.
 */
function contradiction(items: readonly FeedbackItem[]): string | undefined {
  const i = items.findIndex((f) =>
    f.outcome === 'accepted' ? f.overrideReason !== undefined : f.acceptedSuggestions !== undefined,
  );
  if (i < 0) return undefined;
  const f = items[i];
  return f?.outcome === 'accepted'
    ? `feedback[${i}] has outcome "accepted" and an overrideReason, which belongs to outcome "overridden"`
    : `feedback[${i}] has outcome "overridden" and acceptedSuggestions, which belong to outcome "accepted"`;
}

/** Validates and stores a feedback body; resolves counts for the log. */
export async function handleFeedback(
  service: ServiceDefinition,
  body: unknown,
  store: Store,
): Promise<{ inserted: number; duplicates: number }> {
  if (!checkFeedback(body)) throw new AppError('INVALID_REQUEST', checkFeedback.explain(body));
  const nul = nulCharacterAt(body, 'feedback request');
  if (nul !== undefined) throw new AppError('INVALID_REQUEST', nulMessage(nul));
  const wrong = contradiction(body.feedback);
  if (wrong) throw new AppError('INVALID_REQUEST', wrong);
  const records = await Promise.all(body.feedback.map((item) => toRecord(service, item, store)));
  return store.saveFeedback(records);
}
