/**
 * The FHIR case table (test/reasoning/fhir-cases/cases.ts) through the real HTTP service: each case is posted to
 * order-sign (drafts in context.draftOrders) or patient-view, with prefetch filled as a CDS Client fills our
 * templates, and the card for the expected rule must come back with the expected indicator and summary. The card's
 * rule is read from the service's audit record of that card (what analytics and feedback use), not guessed from text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '@cds-hooks/schemas/response';
import { ALL_CASES, type FhirCase } from '../reasoning/fhir-cases/cases';
import { PATIENT_ID } from '../reasoning/fhir-cases/ehr';
import { assertValidCdsResponse } from './support/assert-cds-response';
import { startService, type RunningService } from './support/service';
import { hookRequest, prefetchFor, type Fixture } from './support/synthea';

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc.close();
});

const SERVICE = {
  'order-sign': '/cds-services/cairn-order-sign',
  'patient-view': '/cds-services/cairn-patient-view',
} as const;

async function cardsWithRules(c: FhirCase): Promise<{ card: Card; ruleId: string | undefined }[]> {
  const fx: Fixture = { resources: [c.patient, ...c.chart], patientId: PATIENT_ID };
  const res = await svc.post(
    SERVICE[c.hook],
    hookRequest(c.hook, fx, { prefetch: prefetchFor(fx), drafts: c.drafts ?? [] }),
  );
  expect(res.status).toBe(200);
  assertValidCdsResponse(res.body);
  const { cards } = res.body;
  return Promise.all(cards.map(async (card) => ({ card, ruleId: await svc.store.ruleForCard(card.uuid ?? '') })));
}

describe('FHIR cases per rule family, through the HTTP service', () => {
  it.each(ALL_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const cards = await cardsWithRules(c);
    for (const id of c.absent ?? []) expect(cards.map((x) => x.ruleId)).not.toContain(id);
    if (!c.expect) return;
    const hit = cards.find((x) => x.ruleId === c.expect?.ruleId);
    expect(hit, `no ${c.expect.ruleId} card among ${cards.map((x) => x.ruleId).join(', ')}`).toBeDefined();
    expect(hit?.card.indicator).toBe(c.expect.severity);
    expect(hit?.card.summary).toMatch(c.expect.summary);
  });
});
