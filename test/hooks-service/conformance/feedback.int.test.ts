/** CDS Hooks 2.0 §Feedback, judged over HTTP: body shape, outcomes, conditional fields, repeats and unknown cards. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OSIGN, orderSign, postJson, startService, type RunningService, type WireCard } from './harness';

let svc: RunningService;
let card: WireCard;
beforeAll(async () => {
  svc = await startService();
  const res = await postJson(svc, OSIGN, orderSign());
  const found = (res.json as { cards: WireCard[] }).cards.find((c) => c.suggestions);
  if (!found) throw new Error('expected a card with suggestions');
  card = found;
});
afterAll(async () => {
  await svc.close();
});

const FEEDBACK = `${OSIGN}/feedback`;
const AT = '2021-04-01T12:05:31Z';
const REASON = { code: 'd7ecf885', system: 'https://example.com/cds-hooks/override-reason-system' };
const accepted = () => ({
  card: card.uuid,
  outcome: 'accepted',
  acceptedSuggestions: [{ id: card.suggestions?.[0]?.uuid }],
  outcomeTimestamp: AT,
});
const overridden = (extra: Record<string, unknown> = {}) => ({
  card: card.uuid,
  outcome: 'overridden',
  outcomeTimestamp: AT,
  ...extra,
});
const send = (items: unknown) => postJson(svc, FEEDBACK, { feedback: items });

describe('feedback accepted (§Feedback)', () => {
  it.each([
    ['an accepted suggestion', () => [accepted()]],
    [
      'an override without a reason ("outcome of overridden without providing an overrideReason")',
      () => [overridden()],
    ],
    [
      'an override with a coded reason and a comment',
      () => [overridden({ overrideReason: { reason: REASON, userComment: 'A comment entered by the clinician.' } })],
    ],
    [
      'an override with only a userComment',
      () => [overridden({ overrideReason: { userComment: 'Patient tolerated it before.' } })],
    ],
    ['several cards at once', () => [accepted(), overridden()]],
    [
      'a card reported again ("may receive feedback for the same card instance multiple times")',
      () => [overridden({ outcomeTimestamp: '2021-04-01T12:06:00Z' })],
    ],
    [
      'a card uuid this service does not know (stored, unattributed: the client is not at fault)',
      () => [overridden({ card: randomUUID() })],
    ],
    [
      'unknown fields and an extension (ignored)',
      () => [{ ...overridden(), extension: { 'com.example.x': 1 }, 'com.example.y': true }],
    ],
    [
      'a fractional-second UTC timestamp, as in RFC 3339 §5.6 (1985-04-12T23:20:50.52Z)',
      () => [overridden({ outcomeTimestamp: '1985-04-12T23:20:50.52Z' })],
    ],
  ])('answers 200 for %s', async (_name, items) => {
    const res = await send(items());
    expect(res.status, res.text).toBe(200);
  });

  it('stores what it accepted, attributed to the rule behind the card', async () => {
    await send([
      overridden({
        overrideReason: { reason: { ...REASON, display: 'Reason' } },
        outcomeTimestamp: '2021-04-01T12:09:00Z',
      }),
    ]);
    expect(svc.store.feedback.at(-1)).toMatchObject({
      card: card.uuid,
      outcome: 'overridden',
      overrideReason: { code: REASON.code, system: REASON.system },
    });
    expect(svc.store.feedback.at(-1)?.ruleId).toBeTruthy();
  });
});

describe('feedback refused with 400', () => {
  it.each([
    ['no feedback array', { cards: [] }],
    ['an empty feedback array ("SHALL NOT be empty")', { feedback: [] }],
    ['feedback that is not an array', { feedback: {} }],
  ])('for %s', async (_name, body) => {
    expect((await postJson(svc, FEEDBACK, body)).status).toBe(400);
  });

  it.each([
    ['no card', () => [{ ...overridden(), card: undefined }]],
    ['no outcome', () => [{ ...overridden(), outcome: undefined }]],
    ['an outcome other than accepted or overridden', () => [{ ...overridden(), outcome: 'ignored' }]],
    [
      'accepted without acceptedSuggestions ("Required for accepted outcomes")',
      () => [{ ...accepted(), acceptedSuggestions: undefined }],
    ],
    ['an accepted suggestion without its id', () => [{ ...accepted(), acceptedSuggestions: [{}] }]],
    [
      'accepted with an overrideReason (a card is either accepted or overridden)',
      () => [{ ...accepted(), overrideReason: { reason: REASON } }],
    ],
    [
      'overridden with acceptedSuggestions',
      () => [{ ...overridden(), acceptedSuggestions: [{ id: card.suggestions?.[0]?.uuid }] }],
    ],
    ['an empty overrideReason object', () => [overridden({ overrideReason: {} })]],
    ['a reason Coding without system', () => [overridden({ overrideReason: { reason: { code: 'x' } } })]],
    ['no outcomeTimestamp', () => [{ ...overridden(), outcomeTimestamp: undefined }]],
    ['an outcomeTimestamp that is not an ISO 8601 date-time', () => [overridden({ outcomeTimestamp: 'yesterday' })]],
  ])('for an item with %s, saying what is wrong', async (_name, items) => {
    const res = await send(JSON.parse(JSON.stringify(items())) as unknown);
    expect(res.status, res.text).toBe(400);
    expect((res.json as { message: string }).message).toMatch(/feedback/);
  });

  it('answers 404 for the feedback endpoint of an unknown service', async () => {
    expect((await postJson(svc, '/cds-services/no-such-service/feedback', { feedback: [overridden()] })).status).toBe(
      404,
    );
  });
});
