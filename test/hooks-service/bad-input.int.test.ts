/**
 * Input that used to end in a 5xx: NUL characters bound for PostgreSQL text, context fields with another hook's
 * meaning and the wrong JSON type, and JSON nested thousands of levels deep. Each is a 400 naming what is wrong
 * (or, for a field the hook does not define, ignored), against the real service on a free port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from './support/service';
import { draftNaproxen, hookRequest, loadFixture, prefetchFor } from './support/synthea';

const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc.close();
});

const PV = '/cds-services/cairn-patient-view';
const item = (over: Record<string, unknown> = {}) => ({
  card: crypto.randomUUID(),
  outcome: 'overridden',
  outcomeTimestamp: '2021-04-01T12:01:00Z',
  overrideReason: { reason: { code: 'c', system: 's', display: 'd' }, userComment: 'fine' },
  ...over,
});
const messageOf = (body: unknown): string => (body as { message?: string }).message ?? '';

describe('NUL characters never reach the store', () => {
  it.each([
    ['card', item({ card: 'abc\u0000' }), '/feedback/0/card'],
    [
      'userComment',
      item({ overrideReason: { userComment: 'bad\u0000comment' } }),
      '/feedback/0/overrideReason/userComment',
    ],
    [
      'reason display',
      item({ overrideReason: { reason: { code: 'c', system: 's', display: '\u0000' } } }),
      '/feedback/0/overrideReason/reason/display',
    ],
    [
      'accepted suggestion id',
      item({ outcome: 'accepted', overrideReason: undefined, acceptedSuggestions: [{ id: 'x\u0000' }] }),
      '/feedback/0/acceptedSuggestions/0/id',
    ],
    ['an extra field', item({ note: 'x\u0000' }), '/feedback/0/note'],
  ])('answers 400 naming the field for a NUL in the %s', async (_name, bad, at) => {
    const res = await svc.post(`${PV}/feedback`, { feedback: [bad] });
    expect(res.status).toBe(400);
    expect(messageOf(res.body)).toBe(`feedback request${at} contains a NUL character (U+0000), which cannot be stored`);
    expect(svc.store.feedback).toHaveLength(0);
  });

  it('still stores the same feedback without the NUL', async () => {
    expect(
      (await svc.post(`${PV}/feedback`, { feedback: [item({ overrideReason: { userComment: 'bad comment' } })] }))
        .status,
    ).toBe(200);
  });
});

describe('a context field with the wrong JSON type for its hook', () => {
  const pv = () => hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) });
  const withContext = (body: Record<string, unknown>, extra: Record<string, unknown>) => ({
    ...body,
    context: { ...(body.context as object), ...extra },
  });

  it.each([
    ['selections as a string', { selections: 'MedicationRequest/x' }],
    ['selections as numbers', { selections: [1, 2] }],
    ['draftOrders as a string', { draftOrders: 'none' }],
  ])('patient-view ignores %s (the hook defines no such field)', async (_name, extra) => {
    const res = await svc.post(PV, withContext(pv(), extra));
    expect(res.status).toBe(200);
  });

  it('order-sign ignores selections of any type (only order-select defines it)', async () => {
    const body = hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts: [draftNaproxen(fx.patientId)] });
    expect((await svc.post('/cds-services/cairn-order-sign', withContext(body, { selections: 'x' }))).status).toBe(200);
  });

  it.each([
    ['a string', 'MedicationRequest/draft-naproxen', 'context/selections must be array'],
    ['an array of numbers', [7], 'context/selections/0 must be string'],
    ['an object', { 0: 'MedicationRequest/draft-naproxen' }, 'context/selections must be array'],
  ])('order-select answers 400 for selections as %s', async (_name, selections, message) => {
    const body = hookRequest('order-select', fx, { prefetch: prefetchFor(fx), drafts: [draftNaproxen(fx.patientId)] });
    const res = await svc.post('/cds-services/cairn-order-select', withContext(body, { selections }));
    expect(res.status).toBe(400);
    expect(messageOf(res.body)).toBe(message);
  });

  it.each([
    ['userId', 42, 'context/userId must be string'],
    ['patientId', ['a'], 'context/patientId must be string'],
    ['encounterId', {}, 'context/encounterId must be string'],
  ])('patient-view answers 400 for %s of the wrong type', async (field, value, message) => {
    const res = await svc.post(PV, withContext(pv(), { [field]: value }));
    expect(res.status).toBe(400);
    expect(messageOf(res.body)).toBe(message);
  });
});

describe('deeply nested JSON', () => {
  const nested = (levels: number, leaf: string) => `${'{"a":['.repeat(levels)}${leaf}${']}'.repeat(levels)}`;

  it.each([5_000, 20_000, 50_000])(
    'answers 400 naming the limit for %i levels inside a prefetch resource',
    async (levels) => {
      const body = JSON.stringify(hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) })).replace(
        '"resourceType":"Patient"',
        `"extension":${nested(levels, '1')},"resourceType":"Patient"`,
      );
      for (const type of ['application/json', 'application/fhir+json']) {
        const res = await fetch(`${svc.url}${PV}`, { method: 'POST', headers: { 'content-type': type }, body });
        expect(res.status).toBe(400);
        expect(((await res.json()) as { message: string }).message).toMatch(
          /nests objects and arrays deeper than 128 levels/,
        );
      }
    },
  );

  it('answers 400 for deep nesting in a feedback body too, and accepts brackets inside strings', async () => {
    const deep = `{"feedback":[${nested(10_000, '1')}]}`;
    const res = await fetch(`${svc.url}${PV}/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
    expect(res.status).toBe(400);
    const brackets = item({ overrideReason: { userComment: '[{'.repeat(500) } });
    expect((await svc.post(`${PV}/feedback`, { feedback: [brackets] })).status).toBe(200);
  });
});
