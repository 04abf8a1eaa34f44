/**
 * Property-based fuzzing of the real service on a free port (fast-check, fixed seed; a failure prints the seed and
 * the shrunk counterexample): valid hook calls and feedback bodies with one element broken at a time, anywhere,
 * prefetch resources included. Every answer must arrive (no dropped connection), within 5 s, never a 5xx, and a
 * 200 must be a valid CDS Hooks response.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseViolations } from '../conformance/spec-checks';
import { startService, type RunningService } from '../support/service';
import { draftNaproxen, hookRequest, loadFixture, prefetchFor } from '../support/synthea';
import { bodyText, describeMutation, mutationOf } from './mutate';

const SEED = 20261202;
const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
// A small chart (patient, conditions, medications) keeps 1,000 calls quick; the mutations reach into it.
const prefetch = prefetchFor(fx, ['patient', 'conditions', 'medications']);
let svc: RunningService;
beforeAll(async () => {
  svc = await startService({ bodyLimit: 1024 * 1024, logLevel: 'silent' });
});
afterAll(async () => {
  await svc.close();
});

interface Answer {
  status: number;
  ms: number;
  text: string;
}

async function send(path: string, body: string): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(`${svc.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - started, text };
}

function assertAnswered(a: Answer, what: string, isHook: boolean): void {
  expect(a.status, what).toBeLessThan(500);
  expect(a.ms, what).toBeLessThan(5000);
  if (isHook && a.status === 200) expect(responseViolations(JSON.parse(a.text)), what).toEqual([]);
  if (a.status >= 400 && a.status !== 401) expect(JSON.parse(a.text), what).toHaveProperty('message');
}

const duplicateKey = fc.option(fc.constantFrom('hook', 'hookInstance', 'context', 'prefetch', 'feedback'), {
  nil: undefined,
  freq: 4,
});

const SERVICES = [
  { path: '/cds-services/cairn-patient-view', valid: hookRequest('patient-view', fx, { prefetch }) },
  {
    path: '/cds-services/cairn-order-sign',
    valid: hookRequest('order-sign', fx, { prefetch, drafts: [draftNaproxen(fx.patientId)] }),
  },
  {
    path: '/cds-services/cairn-order-select',
    valid: hookRequest('order-select', fx, { prefetch, drafts: [draftNaproxen(fx.patientId)] }),
  },
];

describe('fuzzed hook calls', () => {
  it.each(SERVICES)(
    '$path: 300 mutated calls, never a 5xx, a drop or a 5 s wait',
    async ({ path, valid }) => {
      await fc.assert(
        fc.asyncProperty(mutationOf(valid), duplicateKey, async (m, dup) => {
          const what = `${path} ${describeMutation(m)}${dup ? ` + duplicate "${dup}"` : ''}`;
          assertAnswered(await send(path, bodyText(valid, m, dup)), what, true);
        }),
        { seed: SEED, numRuns: 300, endOnFailure: true },
      );
    },
    120_000,
  );
});

describe('fuzzed feedback bodies', () => {
  const valid = {
    feedback: [
      {
        card: crypto.randomUUID(),
        outcome: 'overridden',
        overrideReason: {
          reason: {
            code: 'risk-benefit-ratio',
            system: 'http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes',
            display: 'Risk/benefit',
          },
          userComment: 'ok',
        },
        outcomeTimestamp: '2021-04-01T12:00:00Z',
      },
      {
        card: crypto.randomUUID(),
        outcome: 'accepted',
        acceptedSuggestions: [{ id: crypto.randomUUID() }],
        outcomeTimestamp: '2021-04-01T12:00:00Z',
      },
    ],
  };
  it('300 mutated bodies, never a 5xx, a drop or a 5 s wait; a refused body stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(mutationOf(valid), duplicateKey, async (m, dup) => {
        const before = svc.store.feedback.length;
        const a = await send('/cds-services/cairn-order-sign/feedback', bodyText(valid, m, dup));
        assertAnswered(a, describeMutation(m), false);
        if (a.status !== 200) expect(svc.store.feedback.length).toBe(before);
      }),
      { seed: SEED, numRuns: 300, endOnFailure: true },
    );
  }, 120_000);
});
