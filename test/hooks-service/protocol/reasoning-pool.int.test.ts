import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { defaultServiceConfig } from '../../../hooks-service/config';
import type { HookModel } from '../../../hooks-service/protocol/handle-hook';
import { createReasoningPool, startReasoningWorker } from '../../../hooks-service/protocol/reasoning-pool';
import { hostedNarrative } from '../model/support/hosted-narrative';
import { startFhirServer, type FhirTestServer } from '../support/fhir-server';
import { startService, type RunningService } from '../support/service';
import { draftNaproxen, fixtureNames, hookRequest, loadFixture, prefetchFor } from '../support/synthea';

const PV = '/cds-services/cairn-patient-view';
const SIGN = '/cds-services/cairn-order-sign';
const TOKEN = 'fhir-access-token-for-tests';

/** Card and suggestion uuids are new on every call; everything else must match. */
const withoutIds = (body: unknown): unknown =>
  JSON.parse(JSON.stringify(body), (key, value: unknown) => (key === 'uuid' ? undefined : value));

let here: RunningService;
let pooled: RunningService;
let fhir: FhirTestServer;
const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');

beforeAll(async () => {
  fhir = await startFhirServer(fx.resources, TOKEN, 20);
  // One public URL, so the cards' launch links of the two services match.
  const config = { fhirAllowlist: [fhir.base], fhirTimeoutMs: 1_000, publicUrl: 'https://cairn.example' };
  here = await startService({ ...config, reasoningThreads: 0 });
  pooled = await startService({ ...config, reasoningThreads: 2 });
});
afterAll(async () => {
  await Promise.all([here.close(), pooled.close()]);
  await fhir.close();
});

describe('reasoning in worker threads answers as on the event loop', () => {
  it('gives the same cards and audit for every Synthea fixture, at chart open and at signing', async () => {
    for (const name of fixtureNames()) {
      const f = loadFixture(name);
      for (const [path, request] of [
        [PV, hookRequest('patient-view', f, { prefetch: prefetchFor(f) })],
        [SIGN, hookRequest('order-sign', f, { prefetch: prefetchFor(f), drafts: [draftNaproxen(f.patientId)] })],
      ] as const) {
        const [a, b] = await Promise.all([here.post(path, request), pooled.post(path, request)]);
        expect({ name, path, status: b.status }).toEqual({ name, path, status: 200 });
        expect(withoutIds(b.body)).toEqual(withoutIds(a.body));
        const audited = (svc: RunningService) => {
          const { at: _at, latencyMs: _ms, cards, ...event } = svc.store.audit.at(-1) ?? { cards: [] };
          return { ...event, cards: cards.map(({ uuid: _uuid, ...c }) => c) };
        };
        expect(audited(pooled)).toEqual(audited(here));
      }
    }
  });

  it('refuses bad input with the same status and message, and audits the same failures', async () => {
    const deep = `${'['.repeat(300)}${']'.repeat(300)}`;
    const valid = hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) });
    const cases: [string, string, Record<string, string>?][] = [
      [PV, '{"hook": "patient-view",'],
      [PV, ''],
      [PV, deep],
      [PV, '{"__proto__": {"polluted": true}}'],
      [PV, '"a string"'],
      [PV, JSON.stringify({ ...valid, context: {} })],
      [PV, JSON.stringify({ ...valid, hook: 'order-sign' })],
      ['/3.0/cds-services/cairn', JSON.stringify({ ...valid, hook: 'medication-prescribe' })],
      ['/3.0/cds-services/cairn', JSON.stringify({ ...valid, hookInstance: 'not-a-uuid', context: [] })],
      ['/cds-services/no-such-service', JSON.stringify(valid)],
      [PV, JSON.stringify(valid), { 'content-type': 'text/plain' }],
    ];
    for (const [path, body, headers] of cases) {
      const before = [here.store.audit.length, pooled.store.audit.length];
      const [a, b] = await Promise.all([here.post(path, body, headers), pooled.post(path, body, headers)]);
      expect({ path, body: body.slice(0, 60), status: b.status, answer: b.body }).toEqual({
        path,
        body: body.slice(0, 60),
        status: a.status,
        answer: a.body,
      });
      expect(a.status).toBeGreaterThanOrEqual(400);
      expect(a.status).toBeLessThan(500);
      const added = (svc: RunningService, from: number) =>
        svc.store.audit
          .slice(from)
          .map(({ serviceId, hook, hookInstance, outcome }) => ({ serviceId, hook, hookInstance, outcome }));
      expect(added(pooled, before[1] ?? 0)).toEqual(added(here, before[0] ?? 0));
    }
  });

  it('reads missing prefetch from the FHIR server inside the worker, with the bearer token', async () => {
    const full = await pooled.post(PV, hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }));
    fhir.requests.length = 0;
    const fetched = await pooled.post(PV, hookRequest('patient-view', fx, { fhirServer: fhir.base, token: TOKEN }));
    expect(fetched.status).toBe(200);
    expect(withoutIds(fetched.body)).toEqual(withoutIds(full.body));
    expect(fhir.requests.some((p) => p.startsWith(`/fhir/Patient/${fx.patientId}`))).toBe(true);
    const refused = await pooled.post(
      PV,
      hookRequest('patient-view', fx, { fhirServer: 'https://elsewhere.example/fhir', token: TOKEN }),
    );
    const refusedHere = await here.post(
      PV,
      hookRequest('patient-view', fx, { fhirServer: 'https://elsewhere.example/fhir', token: TOKEN }),
    );
    expect([refused.status, refused.body]).toEqual([refusedHere.status, refusedHere.body]);
  });
});

describe('the settings a worker reasons with', () => {
  it("applies the administrator's rule switches (CAIRN_DISABLED_RULES) in the worker", async () => {
    const svc = await startService({ reasoningThreads: 1, disabledRules: ['drug-interactions'] });
    try {
      const request = hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) });
      const [all, fewer] = await Promise.all([pooled.post(PV, request), svc.post(PV, request)]);
      const topics = (body: unknown) => (body as CdsResponse).cards.map((c) => c.source.topic?.code);
      expect(topics(all.body)).toContain('drug-interaction');
      expect(topics(fewer.body)).not.toContain('drug-interaction');
      expect(topics(fewer.body).length).toBeGreaterThan(0);
    } finally {
      await svc.close();
    }
  });
});

describe('the model card with reasoning in a worker', () => {
  it('hands the engine result to the model on the event loop and adds its labeled card', async () => {
    const seen: string[][] = [];
    const model: HookModel = {
      info: { name: 'test-model' },
      forHook: async (_patientId, request) => {
        seen.push(request.result.findings.map((f) => f.ruleId));
        return hostedNarrative(request.result.findings.map((f) => f.id));
      },
    };
    const svc = await startService({ reasoningThreads: 1 }, { model });
    try {
      const res = await svc.post(
        SIGN,
        hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts: [draftNaproxen(fx.patientId)] }),
      );
      expect(res.status).toBe(200);
      expect((res.body as CdsResponse).cards.at(-1)?.summary).toMatch(/model-generated/i);
      expect(seen[0]?.length).toBeGreaterThan(0);
      expect(svc.store.audit.at(-1)?.cards.at(-1)?.ruleId).toBe('model-reasoning');
    } finally {
      await svc.close();
    }
  });
});

describe('a reasoning worker that dies', () => {
  it('fails the call in flight and the calls after it with a 503, then answers again once restarted', async () => {
    const started: Worker[] = [];
    const reasoner = await createReasoningPool(1, defaultServiceConfig({ fhirAllowlist: [fhir.base] }), {
      startWorker: (settings) => {
        const worker = startReasoningWorker(settings);
        started.push(worker);
        return worker;
      },
      respawnMs: 50,
    });
    const svc = await startService({}, { reasoner });
    try {
      fhir.setDelay(2_000);
      const inFlight = svc.post(PV, hookRequest('patient-view', fx, { fhirServer: fhir.base, token: TOKEN }));
      await new Promise((r) => setTimeout(r, 300));
      await started[0]?.terminate();
      const lost = await inFlight;
      fhir.setDelay(0);
      expect(lost.status).toBe(503);
      expect(lost.headers.get('retry-after')).toBe('10');
      expect(lost.body).toEqual({
        error: 'UNAVAILABLE',
        message: 'the reasoning worker stopped; nothing was stored, retry later',
      });
      const request = hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) });
      let healed = await svc.post(PV, request);
      for (let i = 0; healed.status !== 200 && i < 100; i++) {
        expect(healed.status).toBe(503);
        await new Promise((r) => setTimeout(r, 50));
        healed = await svc.post(PV, request);
      }
      expect(healed.status).toBe(200);
      expect(started).toHaveLength(2);
    } finally {
      fhir.setDelay(0);
      await svc.close();
    }
    // Closing the app stopped the pool: its worker has exited.
    expect(started[1]?.threadId).toBe(-1);
  });

  it('stops a replacement worker that is still starting when the pool closes', async () => {
    const started: Worker[] = [];
    const reasoner = await createReasoningPool(1, defaultServiceConfig(), {
      startWorker: (settings) => {
        const worker = startReasoningWorker(settings);
        started.push(worker);
        return worker;
      },
      respawnMs: 10,
    });
    await started[0]?.terminate();
    while (started.length < 2) await new Promise((r) => setTimeout(r, 5));
    // The replacement exists but has not said it is ready (from source it still loads tsx and the engine).
    await reasoner.close();
    const replacement = started[1] as Worker;
    if (replacement.threadId !== -1) await new Promise((r) => replacement.once('exit', r));
    expect(replacement.threadId).toBe(-1);
  });
});
