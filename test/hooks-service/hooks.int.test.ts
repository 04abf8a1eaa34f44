import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { DiscoveryResponse } from '@cds-hooks/schemas/discovery';
import { compile } from '@cds-hooks/validate';
import { assertValidCdsResponse } from './support/assert-cds-response';
import { startService, type RunningService } from './support/service';
import { draftNaproxen, fixtureNames, hookRequest, loadFixture, prefetchFor } from './support/synthea';

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc.close();
});

const warfarin = loadFixture('af-warfarin-alzheimers-ebd50853.json');
const summaries = (body: CdsResponse) => body.cards.map((c) => c.summary);

async function call(id: string, body: unknown): Promise<CdsResponse> {
  const res = await svc.post(`/cds-services/${id}`, body);
  expect(res.status).toBe(200);
  assertValidCdsResponse(res.body);
  return res.body;
}

describe('discovery', () => {
  it('lists one service per hook with stable ids, templates and usage requirements', async () => {
    const res = await fetch(`${svc.url}/cds-services`);
    const body = (await res.json()) as {
      services: {
        id: string;
        hook: string;
        prefetch: Record<string, string>;
        usageRequirements: string;
        title: string;
      }[];
    };
    expect(compile(DiscoveryResponse, 'discovery').explain(body)).toBe('');
    expect(body.services.map((s) => [s.id, s.hook])).toEqual([
      ['cairn-patient-view', 'patient-view'],
      ['cairn-order-select', 'order-select'],
      ['cairn-order-sign', 'order-sign'],
      ['cairn-allergyintolerance-create', 'allergyintolerance-create'],
      ['cairn-problem-list-item-create', 'problem-list-item-create'],
      ['cairn-medication-refill', 'medication-refill'],
    ]);
    for (const s of body.services) {
      expect(s.title).toBeTruthy();
      expect(s.usageRequirements).toBeTruthy();
      expect(Object.keys(s.prefetch).sort()).toEqual([
        'allergies',
        'conditions',
        'medicationAdministrations',
        'medicationDispenses',
        'medicationRequests',
        'medicationStatements',
        'observations',
        'patient',
      ]);
      expect(s.prefetch.observations).toContain('http%3A%2F%2Floinc.org%7C2160-0');
    }
  });
});

describe('patient-view', () => {
  it('speaks about the chart: digoxin + verapamil, never about draft orders', async () => {
    const body = await call(
      'cairn-patient-view',
      hookRequest('patient-view', warfarin, { prefetch: prefetchFor(warfarin) }),
    );
    expect(summaries(body).some((s) => /digoxin \+ verapamil/i.test(s))).toBe(true);
    expect(summaries(body).some((s) => /new order/i.test(s))).toBe(false);
  });

  it('answers a valid response for every Synthea patient, chart and a draft NSAID order', async () => {
    for (const file of fixtureNames()) {
      const fx = loadFixture(file);
      const view = await call('cairn-patient-view', hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }));
      expect(Array.isArray(view.cards)).toBe(true);
      const sign = await call(
        'cairn-order-sign',
        hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts: [draftNaproxen(fx.patientId)] }),
      );
      expect(Array.isArray(sign.cards)).toBe(true);
    }
  });

  it('puts inputs with dates, citations, source label, override reasons and a SMART link on each card', async () => {
    const body = await call(
      'cairn-patient-view',
      hookRequest('patient-view', warfarin, { prefetch: prefetchFor(warfarin) }),
    );
    const card = body.cards[0];
    expect(card?.detail).toMatch(/\*\*Sources\*\*/);
    expect(card?.source.label).toMatch(/Drug–drug interactions/);
    expect(card?.overrideReasons?.[0]?.system).toBe('http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes');
    const link = card?.links?.[0];
    expect(link).toMatchObject({ type: 'smart', url: `${svc.url}/launch` });
    expect(JSON.parse((link as { appContext: string }).appContext)).toHaveProperty('findingId');
  });
});

describe('order-select', () => {
  it('warns about a selected NSAID draft for a patient on warfarin, with delete and replace suggestions', async () => {
    const draft = draftNaproxen(warfarin.patientId);
    const body = await call(
      'cairn-order-select',
      hookRequest('order-select', warfarin, { prefetch: prefetchFor(warfarin), drafts: [draft] }),
    );
    const card = body.cards.find((c) => /warfarin \+ naproxen/i.test(c.summary));
    expect(card?.indicator).toBe('critical');
    expect(card?.selectionBehavior).toBe('at-most-one');
    const actions = card?.suggestions?.flatMap((s) => s.actions ?? []) ?? [];
    expect(actions).toContainEqual(
      expect.objectContaining({ type: 'delete', resourceId: 'MedicationRequest/draft-naproxen' }),
    );
    expect(actions.some((a) => a.type === 'create')).toBe(true);
    expect(summaries(body).some((s) => /digoxin/i.test(s))).toBe(false);
  });

  it('stays silent about drafts that are not among the selections', async () => {
    const nsaid = draftNaproxen(warfarin.patientId);
    const other: fhir4.MedicationRequest = {
      ...draftNaproxen(warfarin.patientId, 'draft-other'),
      medicationCodeableConcept: { text: 'Unlisted product' },
    };
    const body = await call(
      'cairn-order-select',
      hookRequest('order-select', warfarin, {
        prefetch: prefetchFor(warfarin),
        drafts: [nsaid, other],
        selections: ['MedicationRequest/draft-other'],
      }),
    );
    expect(summaries(body).some((s) => /naproxen/i.test(s))).toBe(false);
  });
});

describe('order-sign', () => {
  it('reviews every draft order and only the drafts', async () => {
    const body = await call(
      'cairn-order-sign',
      hookRequest('order-sign', warfarin, {
        prefetch: prefetchFor(warfarin),
        drafts: [draftNaproxen(warfarin.patientId)],
      }),
    );
    expect(summaries(body).some((s) => /warfarin \+ naproxen/i.test(s))).toBe(true);
    expect(summaries(body).some((s) => /digoxin \+ verapamil/i.test(s))).toBe(false);
  });

  it('answers an empty card list when there is nothing to say', async () => {
    const body = await call(
      'cairn-order-sign',
      hookRequest('order-sign', warfarin, { prefetch: prefetchFor(warfarin), drafts: [] }),
    );
    expect(body).toEqual({ cards: [] });
  });

  it('audits the call with rule ids, card uuids and the patient logical id only', async () => {
    const req = hookRequest('order-sign', warfarin, {
      prefetch: prefetchFor(warfarin),
      drafts: [draftNaproxen(warfarin.patientId)],
    });
    const body = await call('cairn-order-sign', req);
    const event = svc.store.audit.find((a) => a.hookInstance === req.hookInstance);
    expect(event).toMatchObject({
      serviceId: 'cairn-order-sign',
      hook: 'order-sign',
      patientId: warfarin.patientId,
      outcome: 'ok',
    });
    expect(event?.cards.map((c) => c.uuid)).toEqual(body.cards.map((c) => c.uuid));
    expect(event?.cards[0]?.ruleId).toBe('ddi-warfarin-nsaid');
  });
});
