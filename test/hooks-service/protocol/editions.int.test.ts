import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { DiscoveryResponse } from '@cds-hooks/schemas/discovery';
import { compile } from '@cds-hooks/validate';
import { assertValidCdsResponse } from '../support/assert-cds-response';
import { startService, type RunningService } from '../support/service';
import { draftNaproxen, hookRequest, loadFixture, prefetchFor } from '../support/synthea';

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc.close();
});

const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
type Listed = { id: string; hook: string; version?: string; hookVersion?: string; usageRequirements: string };

async function discover(path: string): Promise<Listed[]> {
  const res = await fetch(`${svc.url}${path}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { services: Listed[] };
  expect(compile(DiscoveryResponse, 'discovery').explain(body)).toBe('');
  return body.services;
}

const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

describe('CDS Hooks 3.0 discovery under /3.0', () => {
  it('advertises one shared id for the chart and order hooks, with the spec version (semver) and each hookVersion', async () => {
    const services = await discover('/3.0/cds-services');
    expect(services.filter((s) => s.id === 'cairn').map((s) => [s.id, s.hook, s.hookVersion])).toEqual([
      ['cairn', 'patient-view', '1.0'],
      ['cairn', 'order-select', '1.0'],
      ['cairn', 'order-sign', '1.0'],
    ]);
    for (const s of services) expect(s.version).toMatch(SEMVER);
  });

  it('asks for SMART v2 scopes in usageRequirements and says v1 scopes are accepted', async () => {
    const [first] = await discover('/3.0/cds-services');
    expect(first?.usageRequirements).toContain('patient/Observation.rs');
    expect(first?.usageRequirements).toMatch(/v1 \.read scopes are accepted/);
  });

  it('routes a call on the shared id by its hook: patient-view and order-sign answer from the same URL', async () => {
    const view = await svc.post(
      '/3.0/cds-services/cairn',
      hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }),
    );
    expect(view.status).toBe(200);
    assertValidCdsResponse(view.body);
    const sign = await svc.post(
      '/3.0/cds-services/cairn',
      hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts: [draftNaproxen(fx.patientId)] }),
    );
    expect(sign.status).toBe(200);
    expect((sign.body as CdsResponse).cards.some((c) => /naproxen/i.test(c.summary))).toBe(true);
  });

  it('refuses a hook the shared id does not serve with a 400 naming the hooks it does serve', async () => {
    const res = await svc.post('/3.0/cds-services/cairn', {
      ...hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }),
      hook: 'encounter-start',
    });
    expect(res.status).toBe(400);
    // CDS Hooks 3.0 §Returning OperationOutcome: the error body is an OperationOutcome with the readable message.
    expect(res.body).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'invalid',
          details: {
            text: 'hook "encounter-start" is not served by cairn, which serves "patient-view", "order-select", "order-sign"',
          },
          diagnostics: 'INVALID_REQUEST',
        },
      ],
    });
  });

  it('answers an unknown 3.0 service with a 404 OperationOutcome, and keeps the 2.0 body on the 2.0 root', async () => {
    const three = await svc.post('/3.0/cds-services/no-such-service', hookRequest('patient-view', fx));
    expect(three.status).toBe(404);
    expect(three.body).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'not-found' }],
    });
    const two = await svc.post('/cds-services/no-such-service', hookRequest('patient-view', fx));
    expect(two.status).toBe(404);
    expect(two.body).toMatchObject({ error: 'NOT_FOUND' });
  });

  it('answers unknown paths under /3.0 with a 404 OperationOutcome, and other unknown paths with the JSON body', async () => {
    for (const path of ['/3.0/cds-services/cairn/feedback/extra', '/3.0/no-such-route', '/3.0']) {
      const res = await fetch(`${svc.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.json(), path).toMatchObject({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'not-found' }],
      });
    }
    const root = await fetch(`${svc.url}/no-such-route`);
    expect(root.status).toBe(404);
    expect(await root.json()).toEqual({ error: 'NOT_FOUND', message: 'no such route' });
  });

  it('keeps OperationOutcome for errors from hooks and body parsing in the 3.0 scope', async () => {
    const res = await svc.post('/3.0/cds-services/cairn', '{not json');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'invalid' }] });
    const two = await svc.post('/cds-services/cairn-patient-view', '{not json');
    expect(two.status).toBe(400);
    expect(two.body).toMatchObject({ error: 'INVALID_REQUEST' });
  });

  it('takes feedback on the shared id', async () => {
    const res = await svc.post('/3.0/cds-services/cairn/feedback', {
      feedback: [
        {
          card: '8a0c0a4c-3b3f-4a77-9d1e-9a1f7f0f0e11',
          outcome: 'overridden',
          outcomeTimestamp: '2026-01-01T00:00:00Z',
        },
      ],
    });
    expect(res.status).toBe(200);
  });
});

describe('2.0 discovery at the root is unchanged', () => {
  it('keeps one id per hook (a 2.0 client such as the sandbox keys services by URL) and no 3.0-only fields', async () => {
    const services = await discover('/cds-services');
    expect(services.map((s) => s.id)).toEqual([
      'cairn-patient-view',
      'cairn-order-select',
      'cairn-order-sign',
      'cairn-allergyintolerance-create',
      'cairn-problem-list-item-create',
      'cairn-medication-refill',
    ]);
    for (const s of services) {
      expect(s.version).toBeUndefined();
      expect(s.hookVersion).toBeUndefined();
      expect(s.usageRequirements).toContain('patient/Observation.read');
    }
  });

  it('does not serve the shared id at the root, nor the 2.0 ids under /3.0', async () => {
    expect(
      (await svc.post('/cds-services/cairn', hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }))).status,
    ).toBe(404);
    expect(
      (
        await svc.post(
          '/3.0/cds-services/cairn-patient-view',
          hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) }),
        )
      ).status,
    ).toBe(404);
  });
});

describe('CDS Hooks 3.0 with client JWTs required', () => {
  let secured: RunningService;
  beforeAll(async () => {
    secured = await startService({ auth: 'on', issuers: [] });
  });
  afterAll(async () => {
    await secured.close();
  });

  it('refuses a 3.0 service call without a JWT, but answers an unknown 3.0 path 404 (nothing there to protect)', async () => {
    expect((await secured.post('/3.0/cds-services/cairn', hookRequest('patient-view', fx))).status).toBe(401);
    const res = await fetch(`${secured.url}/3.0/no-such-route`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ resourceType: 'OperationOutcome' });
  });
});
