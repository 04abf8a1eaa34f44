import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from './support/service';
import { draftNaproxen, hookRequest, loadFixture, prefetchFor } from './support/synthea';

const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
let svc: RunningService;
beforeAll(async () => {
  svc = await startService({ bodyLimit: 64 * 1024 });
});
afterAll(async () => {
  await svc.close();
});

const valid = () => hookRequest('patient-view', fx, { prefetch: prefetchFor(fx, ['patient']) });
const pv = '/cds-services/cairn-patient-view';

async function raw(path: string, body: string, contentType: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${svc.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, text: await res.text() };
}

describe('bad input never becomes a 5xx', () => {
  it('answers 400 for malformed JSON', async () => {
    const res = await raw(pv, '{"hook": ', 'application/json');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ error: 'INVALID_REQUEST', message: 'the body is not valid JSON' });
  });

  it('answers 415 for a body that is not JSON', async () => {
    expect((await raw(pv, '<xml/>', 'application/xml')).status).toBe(415);
  });

  it('answers 400 for JSON sent as text/plain (it is not a request object)', async () => {
    expect((await raw(pv, JSON.stringify(valid()), 'text/plain')).status).toBe(400);
  });

  it('answers 413 above CDS_BODY_LIMIT', async () => {
    const big = { ...valid(), extension: { padding: 'x'.repeat(70 * 1024) } };
    expect((await raw(pv, JSON.stringify(big), 'application/json')).status).toBe(413);
  });

  it('answers 404 for an unknown service, also for its feedback', async () => {
    expect((await svc.post('/cds-services/not-a-service', valid())).status).toBe(404);
    expect((await svc.post('/cds-services/not-a-service/feedback', { feedback: [] })).status).toBe(404);
  });

  it.each([
    ['the hook of another service', { hook: 'order-sign' }, /does not match service cairn-patient-view/],
    ['a hookInstance that is not a UUID', { hookInstance: 'abc' }, /hookInstance must match format "uuid"/],
    ['no context', { context: undefined }, /missing "context"/],
    [
      'a patientId that is not a FHIR id',
      { context: { userId: 'Practitioner/1', patientId: '../etc/passwd' } },
      /patientId/,
    ],
    ['a userId of an unknown type', { context: { userId: 'Device/1', patientId: 'p1' } }, /userId/],
    [
      'fhirAuthorization without fhirServer',
      { fhirAuthorization: { access_token: 't', token_type: 'Bearer', expires_in: 60, scope: 's', subject: 'c' } },
      /no fhirServer/,
    ],
    [
      'a prefetch value that is not a resource',
      { prefetch: { patient: 'Patient/1' } },
      /prefetch\.patient must be a FHIR resource/,
    ],
  ])('answers 400 for %s, saying what is wrong', async (_name, change, message) => {
    const res = await svc.post(pv, { ...valid(), ...change });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(message);
  });

  it('ignores prefetch keys it never asked for, whatever they hold', async () => {
    const body = valid();
    const res = await svc.post(pv, {
      ...body,
      prefetch: { ...(body.prefetch as object), ...prefetchFor(fx), user: '123' },
    });
    expect(res.status).toBe(200);
  });

  it('answers 400 for order-select without draftOrders or selections', async () => {
    const body = hookRequest('order-select', fx, { prefetch: prefetchFor(fx), drafts: [draftNaproxen(fx.patientId)] });
    const context = body.context as Record<string, unknown>;
    const noDrafts = await svc.post('/cds-services/cairn-order-select', {
      ...body,
      context: { ...context, draftOrders: undefined },
    });
    expect((noDrafts.body as { message: string }).message).toMatch(/draftOrders/);
    const noSelections = await svc.post('/cds-services/cairn-order-select', {
      ...body,
      context: { ...context, selections: [] },
    });
    expect(noSelections.status).toBe(400);
  });

  it('answers 400 when selections name an order that is not among the drafts', async () => {
    const body = hookRequest('order-select', fx, {
      prefetch: prefetchFor(fx),
      drafts: [draftNaproxen(fx.patientId)],
      selections: ['MedicationRequest/elsewhere'],
    });
    const res = await svc.post('/cds-services/cairn-order-select', body);
    expect(res.status).toBe(400);
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a number', '42'],
    ['a string', '"hi"'],
  ])('answers 400 for a body that is %s', async (_n, body) => {
    expect((await raw(pv, body, 'application/json')).status).toBe(400);
  });

  it('keeps 5xx bodies free of messages and stacks', async () => {
    const broken = await startService(
      {},
      {
        runEngine: () => {
          throw new Error('secret internal detail');
        },
      },
    );
    try {
      const res = await broken.post(pv, hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }));
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: 'INTERNAL' });
      expect(broken.logs.join('\n')).not.toContain('secret internal detail');
    } finally {
      await broken.close();
    }
  });

  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${svc.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${svc.url}/readyz`)).status).toBe(200);
  });
});
