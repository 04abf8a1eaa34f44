/** Feedback request (spec §Feedback): card uuid, outcome, accepted suggestions or an override reason, timestamp. */
import { Type, type Static } from '@sinclair/typebox';
import { Coding, NonEmpty } from './common';

const FeedbackItem = Type.Object(
  {
    card: NonEmpty({ maxLength: 200 }),
    outcome: Type.Union([Type.Literal('accepted'), Type.Literal('overridden')]),
    acceptedSuggestions: Type.Optional(Type.Array(Type.Object({ id: NonEmpty({ maxLength: 200 }) }), { minItems: 1 })),
    overrideReason: Type.Optional(
      Type.Object(
        {
          reason: Type.Optional(Coding),
          userComment: Type.Optional(NonEmpty({ maxLength: 2000 })),
        },
        { minProperties: 1 },
      ),
    ),
    outcomeTimestamp: Type.String({ format: 'date-time' }),
  },
  {
    additionalProperties: true,
    // acceptedSuggestions is "Required for accepted outcomes".
    if: { properties: { outcome: { const: 'accepted' } } },
    then: { required: ['acceptedSuggestions'] },
  },
);

export const FeedbackRequest = Type.Object(
  { feedback: Type.Array(FeedbackItem, { minItems: 1, maxItems: 500 }) },
  { additionalProperties: true },
);
export type FeedbackRequest = Static<typeof FeedbackRequest>;
export type FeedbackItem = Static<typeof FeedbackItem>;
