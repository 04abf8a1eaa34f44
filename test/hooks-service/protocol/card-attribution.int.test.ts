/**
 * Each card is audited (and its feedback attributed) under the rule that produced it, even when a finding with a
 * repeated summary is skipped and the cards are re-ordered by urgency: the pairing is bound when the card is built.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineResult, Finding } from '../../../src/reasoning/types';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { startService, type RunningService } from '../support/service';
import { hookRequest, loadFixture, prefetchFor } from '../support/synthea';

const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');

function finding(ruleId: string, summary: string, severity: Finding['severity']): Finding {
  return {
    id: `${ruleId}:1`,
    ruleId,
    family: 'drug-interactions',
    severity,
    summary,
    action: 'Review the order.',
    detail: 'Why it matters.',
    evidence: [],
    inputs: [],
    citations: [{ title: 'A drug label', year: 2020 }],
    suggestions: [],
    draftRefs: [],
  };
}

// The second finding repeats the first one's summary (its card is skipped); the third is more urgent (sorted first).
const FINDINGS = [
  finding('rule-first', 'Same words twice', 'warning'),
  finding('rule-repeated', 'Same words twice', 'warning'),
  finding('rule-third', 'A different warning', 'critical'),
  finding('rule-fourth', 'Yet another note', 'info'),
];
const engine = (): EngineResult => ({ findings: FINDINGS, scores: [], skipped: [], unidentified: [] });

let svc: RunningService;
let cards: CdsResponse['cards'];

beforeAll(async () => {
  svc = await startService({}, { runEngine: engine });
  const res = await svc.post(
    '/cds-services/cairn-patient-view',
    hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }),
  );
  expect(res.status).toBe(200);
  cards = (res.body as CdsResponse).cards;
});
afterAll(async () => {
  await svc.close();
});

describe('cards carry their rule from the moment they are built', () => {
  it('audits every card under the rule whose summary it shows, after a repeated summary was skipped', () => {
    expect(cards.map((c) => c.summary)).toEqual(['A different warning', 'Same words twice', 'Yet another note']);
    const audited = svc.store.audit.at(-1)?.cards ?? [];
    const ruleOfSummary = new Map(cards.map((c) => [c.summary, audited.find((a) => a.uuid === c.uuid)?.ruleId]));
    expect(Object.fromEntries(ruleOfSummary)).toEqual({
      'A different warning': 'rule-third',
      'Same words twice': 'rule-first',
      'Yet another note': 'rule-fourth',
    });
  });

  it("attributes feedback on a card after the skipped one to that card's own rule", async () => {
    const last = cards.find((c) => c.summary === 'Yet another note');
    const res = await svc.post('/cds-services/cairn-patient-view/feedback', {
      feedback: [{ card: last?.uuid, outcome: 'overridden', outcomeTimestamp: '2021-04-01T12:01:00Z' }],
    });
    expect(res.status).toBe(200);
    expect(svc.store.feedback.at(-1)).toMatchObject({ card: last?.uuid, ruleId: 'rule-fourth' });
  });
});
