import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { startService, type RunningService } from '../support/service';
import { draftNaproxen, hookRequest, loadFixture, prefetchFor } from '../support/synthea';

const healthy = loadFixture('healthy-adult-d98ae128.json');
const onWarfarin = loadFixture('af-warfarin-alzheimers-ebd50853.json');
let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc.close();
});

describe('one patient per chart', () => {
  it('drops prefetched resources that belong to another patient instead of reasoning on them', async () => {
    // Another patient's warfarin order slipped into this patient's prefetch: it must not produce a warfarin card.
    const prefetch = {
      ...prefetchFor(healthy),
      medicationRequests: prefetchFor(onWarfarin, ['medicationRequests']).medicationRequests ?? null,
    };
    const res = await svc.post(
      '/cds-services/cairn-order-sign',
      hookRequest('order-sign', healthy, { prefetch, drafts: [draftNaproxen(healthy.patientId)] }),
    );
    expect(res.status).toBe(200);
    expect((res.body as CdsResponse).cards.some((c) => /warfarin/i.test(c.summary))).toBe(false);
    expect(svc.logs.some((l) => l.includes('"foreign":') && !l.includes('"foreign":0'))).toBe(true);
  });
});

describe('audit of failed calls', () => {
  it('records a 412 and a 400 with outcome error and no patient', async () => {
    const missing = hookRequest('patient-view', healthy, { prefetch: prefetchFor(healthy, ['patient']) });
    expect((await svc.post('/cds-services/cairn-patient-view', missing)).status).toBe(412);
    expect(svc.store.audit.at(-1)).toMatchObject({ hookInstance: missing.hookInstance, outcome: 'error', cards: [] });
    expect(svc.store.audit.at(-1)?.patientId).toBeUndefined();
    expect((await svc.post('/cds-services/cairn-patient-view', { hook: 'patient-view' })).status).toBe(400);
    expect(svc.store.audit.at(-1)).toMatchObject({ hookInstance: 'unparsed', outcome: 'error' });
  });
});
