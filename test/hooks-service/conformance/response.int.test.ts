/**
 * CDS Hooks 2.0 §CDS Service Response, judged over HTTP against the spec text (spec-checks.ts), for every Synthea
 * patient and each hook we serve.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftNaproxen, fixtureNames, loadFixture } from '../support/synthea';
import {
  OSEL,
  OSIGN,
  PV,
  orderSelect,
  orderSign,
  patientView,
  postJson,
  startService,
  warfarin,
  type RunningService,
  type WireCard,
} from './harness';
import { responseViolations } from './spec-checks';

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc.close();
});

async function cardsOf(path: string, body: unknown): Promise<WireCard[]> {
  const res = await postJson(svc, path, body);
  expect(res.status, res.text).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(responseViolations(res.json)).toEqual([]);
  return (res.json as { cards: WireCard[] }).cards;
}

const URGENCY = { info: 0, warning: 1, critical: 2 } as const;

describe('every response is a valid CDS Hooks 2.0 response', () => {
  it('for every Synthea patient on patient-view, order-select and order-sign (cards, summary < 140, source.label, no null/empty, unique uuids)', async () => {
    for (const file of fixtureNames()) {
      const fx = loadFixture(file);
      await cardsOf(PV, patientView(fx));
      await cardsOf(OSEL, orderSelect(fx));
      await cardsOf(OSIGN, orderSign(fx));
    }
  });

  it('answers 200 with "cards": [] when there is no decision support (the one empty array the spec allows)', async () => {
    const res = await postJson(svc, OSIGN, orderSign(warfarin, []));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ cards: [] });
  });

  it('lists cards from most to least urgent (indicator values "in order of increasing urgency": info, warning, critical)', async () => {
    for (const file of fixtureNames().slice(0, 10)) {
      const urgencies = (await cardsOf(PV, patientView(loadFixture(file)))).map(
        (c) => URGENCY[c.indicator as keyof typeof URGENCY],
      );
      expect(urgencies).toEqual([...urgencies].sort((a, b) => b - a));
    }
  });

  it('never reuses a card or suggestion uuid across calls (feedback identifies a card by its uuid alone)', async () => {
    const a = await cardsOf(OSIGN, orderSign());
    const b = await cardsOf(OSIGN, orderSign());
    const ids = [...a, ...b].flatMap((c) => [c.uuid, ...(c.suggestions ?? []).map((s) => s.uuid)]).filter(Boolean);
    expect(ids.length).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('suggestions and actions', () => {
  it('deletes a draft by its own id: resourceId is one relative reference string, one action per draft', async () => {
    const drafts = [draftNaproxen(warfarin.patientId, 'draft-a'), draftNaproxen(warfarin.patientId, 'draft-b')];
    const cards = await cardsOf(OSIGN, orderSign(warfarin, drafts));
    const deletes = cards
      .flatMap((c) => c.suggestions ?? [])
      .flatMap((s) => s.actions ?? [])
      .filter((a) => a.type === 'delete');
    expect(deletes.length).toBeGreaterThan(0);
    for (const d of deletes) expect(typeof d.resourceId).toBe('string');
    expect(new Set(deletes.map((d) => d.resourceId))).toEqual(
      new Set(['MedicationRequest/draft-a', 'MedicationRequest/draft-b']),
    );
  });

  it('never sends a delete it cannot address: a draft without an id keeps its warning but loses the suggestions', async () => {
    const noId: fhir4.MedicationRequest = draftNaproxen(warfarin.patientId);
    delete noId.id;
    const cards = await cardsOf(OSIGN, orderSign(warfarin, [noId]));
    expect(cards.some((c) => c.indicator === 'critical')).toBe(true);
    expect(
      cards
        .flatMap((c) => c.suggestions ?? [])
        .flatMap((s) => s.actions ?? [])
        .filter((a) => a.type === 'delete'),
    ).toEqual([]);
  });

  it('gives every card with suggestions a selectionBehavior, and recommends at most one when it is at-most-one', async () => {
    const cards = await cardsOf(OSEL, orderSelect());
    const withSuggestions = cards.filter((c) => c.suggestions);
    expect(withSuggestions.length).toBeGreaterThan(0);
    for (const c of withSuggestions) {
      expect(['at-most-one', 'any']).toContain(c.selectionBehavior);
      for (const s of c.suggestions ?? []) expect(s.uuid).toMatch(/^[0-9a-f-]{36}$/);
      if (c.selectionBehavior === 'at-most-one')
        expect((c.suggestions ?? []).filter((s) => s.isRecommended).length).toBeLessThanOrEqual(1);
    }
  });

  it('speaks on order-select only about the selected orders', async () => {
    const other: fhir4.MedicationRequest = {
      ...draftNaproxen(warfarin.patientId, 'draft-other'),
      medicationCodeableConcept: { text: 'Unlisted product' },
    };
    const cards = await cardsOf(
      OSEL,
      orderSelect(warfarin, [draftNaproxen(warfarin.patientId), other], ['MedicationRequest/draft-other']),
    );
    const refs = cards
      .flatMap((c) => c.suggestions ?? [])
      .flatMap((s) => s.actions ?? [])
      .map((a) => a.resourceId);
    expect(refs).not.toContain('MedicationRequest/draft-naproxen');
  });
});

describe('links, source and override reasons', () => {
  it('launches the app with a smart link whose url is absolute and whose appContext is a string', async () => {
    const cards = await cardsOf(PV, patientView());
    expect(cards.length).toBeGreaterThan(0);
    for (const link of cards.flatMap((c) => c.links ?? [])) {
      expect(link.url).toMatch(/^https?:\/\/[^/]+\/launch$/);
      if (link.type === 'smart' && link.appContext !== undefined)
        expect(() => JSON.parse(link.appContext as string) as unknown).not.toThrow();
    }
  });

  it('labels the source and codes the topic; override reasons are Codings with a display', async () => {
    const cards = await cardsOf(OSIGN, orderSign());
    for (const c of cards) {
      expect(c.source.label.trim()).not.toBe('');
      if (c.source.topic)
        expect(c.source.topic).toMatchObject({ code: expect.any(String), system: expect.any(String) });
      for (const r of c.overrideReasons ?? []) expect(r.display?.trim()).toBeTruthy();
    }
  });
});
