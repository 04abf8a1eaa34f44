import { afterEach, describe, expect, it } from 'vitest';
import type { Narrative } from '../../../src/model/types';
import type { HookModel } from '../../../hooks-service/protocol/handle-hook';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { assertValidCdsResponse } from '../support/assert-cds-response';
import { hostedNarrative } from '../model/support/hosted-narrative';
import { startService, type RunningService } from '../support/service';
import { draftNaproxen, hookRequest, loadFixture, prefetchFor } from '../support/synthea';

const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
let svc: RunningService | undefined;
afterEach(async () => {
  await svc?.close();
});

function model(answer: (ids: string[]) => Narrative | undefined, calls: string[] = []): HookModel {
  return {
    info: { name: 'test-model' },
    forHook: async (patientId, request) => {
      calls.push(patientId);
      return answer(request.result.findings.map((f) => f.id));
    },
  };
}

describe('model seam in the hook call', () => {
  it('adds one labeled model card after the engine cards, audited as model-reasoning', async () => {
    svc = await startService({}, { model: model(hostedNarrative) });
    const req = hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts: [draftNaproxen(fx.patientId)] });
    const res = await svc.post('/cds-services/cairn-order-sign', req);
    assertValidCdsResponse(res.body);
    const cards = res.body.cards;
    expect(cards.at(-1)?.summary).toMatch(/model-generated/);
    expect(cards.at(-1)?.indicator).toBe('info');
    expect(svc.store.audit.at(-1)?.cards.at(-1)?.ruleId).toBe('model-reasoning');
    expect(svc.store.audit.at(-1)?.model).toBe('test-model');
  });

  it('answers with the engine cards alone when the model has nothing within budget, and skips it when nothing fired', async () => {
    const calls: string[] = [];
    svc = await startService({}, { model: model(() => undefined, calls) });
    const res = await svc.post(
      '/cds-services/cairn-order-sign',
      hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts: [draftNaproxen(fx.patientId)] }),
    );
    expect((res.body as CdsResponse).cards.every((c) => !/model-generated/.test(c.summary))).toBe(true);
    await svc.post(
      '/cds-services/cairn-order-sign',
      hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts: [] }),
    );
    expect(calls).toHaveLength(1);
  });
});
