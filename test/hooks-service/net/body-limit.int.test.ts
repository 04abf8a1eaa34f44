/**
 * A client must always be able to read the answer to what it sent: a body over CDS_BODY_LIMIT gets a readable
 * 413 even while the client is still writing it slowly (no reset), and a body under the limit carrying one very
 * long string is answered, not dropped.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../support/service';
import { slowPost } from '../support/slow-client';
import { hookRequest, loadFixture, prefetchFor } from '../support/synthea';

const LIMIT = 256 * 1024;
const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
let svc: RunningService;
let roomy: RunningService;
beforeAll(async () => {
  svc = await startService({ bodyLimit: LIMIT });
  roomy = await startService({ bodyLimit: 5 * 1024 * 1024 });
});
afterAll(async () => {
  await svc.close();
  await roomy.close();
});

const PV = '/cds-services/cairn-patient-view';
const oversized = (bytes: number) =>
  Buffer.from(JSON.stringify({ ...hookRequest('patient-view', fx), extension: { padding: 'x'.repeat(bytes) } }));

describe('bodies over CDS_BODY_LIMIT', () => {
  it.each([
    ['Content-Length', false],
    ['chunked transfer encoding', true],
  ])('answer a readable 413 to a client still writing slowly (%s)', async (_name, chunked) => {
    const res = await slowPost({
      url: svc.url,
      path: PV,
      body: oversized(4 * LIMIT),
      chunked,
      chunkBytes: 32 * 1024,
      pauseMs: 3,
    });
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({
      error: 'TOO_LARGE',
      message: `the request body is larger than this service accepts (${LIMIT} bytes, CDS_BODY_LIMIT)`,
    });
  });

  it('answer 413 on the feedback route and for text/plain too', async () => {
    const feedback = await slowPost({ url: svc.url, path: `${PV}/feedback`, body: oversized(2 * LIMIT) });
    const text = await slowPost({ url: svc.url, path: PV, body: oversized(2 * LIMIT), contentType: 'text/plain' });
    expect([feedback.status, feedback.error, text.status, text.error]).toEqual([413, undefined, 413, undefined]);
  });

  it('keep serving afterwards', async () => {
    const res = await svc.post(PV, hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }));
    expect(res.status).toBe(200);
  });
});

describe('bodies under the limit holding a very long string', () => {
  it.each([
    [
      'an extension',
      (s: string) => ({ ...hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }), extension: { note: s } }),
    ],
    ['the hook name', (s: string) => ({ ...hookRequest('patient-view', fx), hook: s })],
    [
      'the patient id',
      (s: string) => {
        const r = hookRequest('patient-view', fx);
        return { ...r, context: { ...(r.context as object), patientId: s } };
      },
    ],
  ])('are answered (2 MB string in %s), never dropped', async (_name, build) => {
    const res = await slowPost({
      url: roomy.url,
      path: PV,
      body: Buffer.from(JSON.stringify(build('é'.repeat(1024 * 1024)))),
      chunkBytes: 256 * 1024,
    });
    expect(res.error).toBeUndefined();
    expect([200, 400]).toContain(res.status);
  });

  it('answers a 2 MB feedback comment with a 400 naming the field', async () => {
    const item = {
      card: randomUUID(),
      outcome: 'overridden',
      overrideReason: { userComment: 'y'.repeat(2 * 1024 * 1024) },
      outcomeTimestamp: '2021-04-01T12:01:00Z',
    };
    const res = await slowPost({
      url: roomy.url,
      path: `${PV}/feedback`,
      body: Buffer.from(JSON.stringify({ feedback: [item] })),
      chunkBytes: 256 * 1024,
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).message).toMatch(/userComment/);
  });
});
