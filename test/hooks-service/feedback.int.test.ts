import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { NON_ADHERENCE_SYSTEM } from '../../hooks-service/protocol/override-reasons';
import { startService, type RunningService } from './support/service';
import { draftNaproxen, hookRequest, loadFixture, prefetchFor } from './support/synthea';

const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
let svc: RunningService;
let cards: CdsResponse['cards'];

beforeAll(async () => {
  svc = await startService();
  const res = await svc.post(
    '/cds-services/cairn-order-sign',
    hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts: [draftNaproxen(fx.patientId)] }),
  );
  cards = (res.body as CdsResponse).cards;
});
afterAll(async () => {
  await svc.close();
});

const feedback = (items: unknown[]) => svc.post('/cds-services/cairn-order-sign/feedback', { feedback: items });

describe('feedback (CDS Hooks 2.0 §Feedback)', () => {
  it('stores an accepted suggestion attributed to the rule behind the card', async () => {
    const card = cards[0];
    const suggestion = card?.suggestions?.[0];
    const res = await feedback([
      {
        card: card?.uuid,
        outcome: 'accepted',
        acceptedSuggestions: [{ id: suggestion?.uuid }],
        outcomeTimestamp: '2021-04-01T12:01:00Z',
      },
    ]);
    expect(res.status).toBe(200);
    expect(svc.store.feedback.at(-1)).toMatchObject({
      serviceId: 'cairn-order-sign',
      card: card?.uuid,
      outcome: 'accepted',
      acceptedSuggestions: [suggestion?.uuid],
      ruleId: 'ddi-warfarin-nsaid',
    });
  });

  it('stores an override with its coded reason and comment; a repeat report is not counted twice', async () => {
    const item = {
      card: cards[0]?.uuid,
      outcome: 'overridden',
      outcomeTimestamp: '2021-04-01T12:02:00Z',
      overrideReason: {
        reason: { system: NON_ADHERENCE_SYSTEM, code: 'risk-benefit-ratio' },
        userComment: 'short course',
      },
    };
    expect((await feedback([item])).status).toBe(200);
    expect((await feedback([item])).status).toBe(200);
    const stored = svc.store.feedback.filter((f) => f.outcomeTimestamp === item.outcomeTimestamp);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.overrideReason).toEqual({
      code: 'risk-benefit-ratio',
      system: NON_ADHERENCE_SYSTEM,
      userComment: 'short course',
    });
  });

  it.each([
    ['no feedback array', {}],
    ['an unknown outcome', { feedback: [{ card: 'c', outcome: 'ignored', outcomeTimestamp: '2021-04-01T12:00:00Z' }] }],
    [
      'accepted without acceptedSuggestions',
      { feedback: [{ card: 'c', outcome: 'accepted', outcomeTimestamp: '2021-04-01T12:00:00Z' }] },
    ],
    [
      'a timestamp that is not ISO',
      { feedback: [{ card: 'c', outcome: 'overridden', outcomeTimestamp: 'yesterday' }] },
    ],
  ])('answers 400 for %s', async (_name, body) => {
    expect((await svc.post('/cds-services/cairn-order-sign/feedback', body)).status).toBe(400);
  });
});
