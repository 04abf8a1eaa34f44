import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { startFhirServer, type FhirTestServer } from './support/fhir-server';
import { startService, type RunningService } from './support/service';
import { draftNaproxen, hookRequest, loadFixture, prefetchFor, type Fixture } from './support/synthea';

// A canary planted in the chart: if any of these reach a log line, PHI can leak (docs/architecture.md, "Contracts": no PHI in logs).
const SENTINEL_NAME = 'Quillonby-Sentinel';
const SENTINEL_COMMENT = 'comment-canary-7731';
const TOKEN = 'fhir-token-canary-5512';

function withSentinel(fx: Fixture): Fixture {
  const resources = fx.resources.map((r) =>
    r.resourceType === 'Patient'
      ? ({
          ...r,
          name: [{ family: SENTINEL_NAME, given: [SENTINEL_NAME] }],
          address: [{ line: [`1 ${SENTINEL_NAME} Street`] }],
        } as fhir4.Patient)
      : r,
  );
  return { ...fx, resources };
}

const fx = withSentinel(loadFixture('af-warfarin-alzheimers-ebd50853.json'));
let fhir: FhirTestServer;
let svc: RunningService;

beforeAll(async () => {
  fhir = await startFhirServer(fx.resources, TOKEN);
  svc = await startService({ fhirAllowlist: [fhir.base], logLevel: 'trace' });
});
afterAll(async () => {
  await svc.close();
  await fhir.close();
});

describe('logs carry ids and timings, never PHI or secrets', () => {
  it('keeps the planted name, the patient id, the FHIR token and free text out of every log line', async () => {
    const pv = await svc.post(
      '/cds-services/cairn-patient-view',
      hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }),
    );
    expect(pv.status).toBe(200);
    await svc.post(
      '/cds-services/cairn-patient-view',
      hookRequest('patient-view', fx, { fhirServer: fhir.base, token: TOKEN }),
    );
    const sign = await svc.post(
      '/cds-services/cairn-order-sign',
      hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts: [draftNaproxen(fx.patientId)] }),
    );
    const card = (sign.body as CdsResponse).cards[0];
    await svc.post('/cds-services/cairn-order-sign/feedback', {
      feedback: [
        {
          card: card?.uuid,
          outcome: 'overridden',
          overrideReason: { userComment: SENTINEL_COMMENT },
          outcomeTimestamp: '2021-04-01T12:00:00Z',
        },
      ],
    });
    await svc.post('/cds-services/cairn-patient-view', {
      ...hookRequest('patient-view', fx),
      context: { userId: SENTINEL_NAME, patientId: fx.patientId },
    });
    await svc.post(
      `/cds-services/cairn-patient-view?name=${SENTINEL_NAME}`,
      hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }),
    );

    const log = svc.logs.join('\n');
    expect(svc.logs.length).toBeGreaterThan(10);
    expect(log).toContain('hook answered');
    expect(log).toContain('ddi-warfarin-nsaid');
    for (const secret of [SENTINEL_NAME, SENTINEL_COMMENT, TOKEN, fx.patientId, 'Naproxen'])
      expect(log).not.toContain(secret);
  });
});

describe('one access line per call at info', () => {
  it('logs "request completed" with status and time, and "incoming request" only at debug', async () => {
    const lines = async (logLevel: string) => {
      const info = await startService({ logLevel });
      try {
        const res = await info.post(
          '/cds-services/cairn-patient-view',
          hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }),
        );
        expect(res.status).toBe(200);
        return info.logs.map((l) => JSON.parse(l) as { msg: string; level: number; res?: { statusCode: number } });
      } finally {
        await info.close();
      }
    };
    const atInfo = await lines('info');
    expect(atInfo.map((l) => l.msg)).not.toContain('incoming request');
    expect(atInfo.filter((l) => l.msg === 'hook answered')).toHaveLength(1);
    const completed = atInfo.filter((l) => l.msg === 'request completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({ level: 30, res: { statusCode: 200 }, responseTime: expect.any(Number) });
    const atDebug = await lines('debug');
    expect(atDebug.filter((l) => l.msg === 'incoming request').map((l) => l.level)).toEqual([20]);
  });
});
