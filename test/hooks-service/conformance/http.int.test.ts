/**
 * HTTP behaviour a judge probes beyond the happy path: discovery (§Discovery), CORS (§Cross-Origin Resource
 * Sharing), methods, media types, body size and malformed input — never a 5xx for bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OSEL, OSIGN, PV, patientView, postJson, send, startService, type RunningService } from './harness';
import { nullOrEmptyPaths } from './spec-checks';

let svc: RunningService;
// Default configuration: CDS_BODY_LIMIT 5 MiB.
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc.close();
});

interface WireService {
  hook: string;
  title?: string;
  description: string;
  id: string;
  prefetch?: Record<string, string>;
  usageRequirements?: string;
}

describe('discovery (§Discovery)', () => {
  it('answers GET {baseUrl}/cds-services with 200 and a services array; each with hook, description and id', async () => {
    const res = await send(svc, 'GET', '/cds-services');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const { services } = res.json as { services: WireService[] };
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) {
      for (const k of ['hook', 'description', 'id', 'title'] as const)
        expect(typeof s[k] === 'string' && s[k].trim() !== '', `${s.id}.${k}`).toBe(true);
      if (s.usageRequirements !== undefined) expect(s.usageRequirements.trim()).not.toBe('');
      for (const t of Object.values(s.prefetch ?? {})) expect(t).toMatch(/^[A-Z][A-Za-z]+[/?]/);
    }
  });

  it('has no null or empty element anywhere ("null, "", [], or {} are prohibited")', async () => {
    expect(nullOrEmptyPaths((await send(svc, 'GET', '/cds-services')).json)).toEqual([]);
  });

  it('serves each listed id at {baseUrl}/cds-services/{id} for its hook', async () => {
    const { services } = (await send(svc, 'GET', '/cds-services')).json as { services: WireService[] };
    expect(services.map((s) => [s.id, s.hook])).toEqual([
      ['cairn-patient-view', 'patient-view'],
      ['cairn-order-select', 'order-select'],
      ['cairn-order-sign', 'order-sign'],
      ['cairn-allergyintolerance-create', 'allergyintolerance-create'],
      ['cairn-problem-list-item-create', 'problem-list-item-create'],
      ['cairn-medication-refill', 'medication-refill'],
    ]);
    expect((await postJson(svc, `/cds-services/${services[0]?.id ?? ''}`, patientView())).status).toBe(200);
  });

  it('uses only prefetch tokens the spec defines (root-level context fields and the user identifiers)', async () => {
    const { services } = (await send(svc, 'GET', '/cds-services')).json as { services: WireService[] };
    const tokens = services
      .flatMap((s) => Object.values(s.prefetch ?? {}))
      .flatMap((t) => [...t.matchAll(/\{\{([^}]*)\}\}/g)].map((m) => m[1]));
    for (const t of tokens)
      expect(t).toMatch(
        /^(context\.(userId|patientId|encounterId)|userPractitionerId|userPractitionerRoleId|userPatientId|userRelatedPersonId)$/,
      );
  });
});

describe('CORS (browser-based CDS Clients)', () => {
  it.each(['/cds-services', PV, `${PV}/feedback`])(
    'answers a preflight for %s allowing POST with Authorization and Content-Type',
    async (path) => {
      const res = await send(svc, 'OPTIONS', path, {
        headers: {
          origin: 'https://sandbox.cds-hooks.org',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      expect(res.status).toBeLessThan(300);
      expect(res.headers.get('access-control-allow-origin')).toBeTruthy();
      expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/authorization/);
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/content-type/);
    },
  );

  it('lets the browser read responses, errors included', async () => {
    const ok = await postJson(svc, PV, patientView(), { origin: 'https://sandbox.cds-hooks.org' });
    const bad = await postJson(svc, PV, { hook: 'patient-view' }, { origin: 'https://sandbox.cds-hooks.org' });
    expect(ok.headers.get('access-control-allow-origin')).toBeTruthy();
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBeTruthy();
  });
});

describe('methods', () => {
  it.each([
    ['GET', PV, 'POST'],
    ['HEAD', OSIGN, 'POST'],
    ['PUT', OSEL, 'POST'],
    ['DELETE', PV, 'POST'],
    ['GET', `${PV}/feedback`, 'POST'],
    ['POST', '/cds-services', 'GET'],
    ['DELETE', '/cds-services', 'GET'],
  ])('answers %s %s with 405 and an Allow header naming %s', async (method, path, allowed) => {
    const res = await send(
      svc,
      method,
      path,
      method === 'POST' ? { body: '{}', headers: { 'content-type': 'application/json' } } : {},
    );
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain(allowed);
  });

  it('answers 404 for a service id it does not offer, whatever the method', async () => {
    expect((await send(svc, 'GET', '/cds-services/nope')).status).toBe(404);
    expect((await postJson(svc, '/cds-services/nope', patientView())).status).toBe(404);
  });
});

describe('bad input is a 4xx with a message, never a 5xx', () => {
  it('answers 413 for a body above 5 MiB (the default CDS_BODY_LIMIT)', async () => {
    const big = JSON.stringify({
      ...patientView(),
      extension: { 'com.example.padding': 'x'.repeat(5 * 1024 * 1024 + 1) },
    });
    expect((await send(svc, 'POST', PV, { body: big, headers: { 'content-type': 'application/json' } })).status).toBe(
      413,
    );
  });

  it('accepts a realistic 4 MB prefetch under the limit', async () => {
    const body = patientView();
    const padding = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [],
      meta: { tag: [{ code: 'x'.repeat(4 * 1024 * 1024) }] },
    };
    const res = await postJson(svc, PV, { ...body, prefetch: { ...(body.prefetch as object), unrelated: padding } });
    expect(res.status).toBe(200);
  });

  it.each([
    ['truncated JSON', '{"hook": "patient-view", '],
    ['a JSON string', '"patient-view"'],
    ['JSON null', 'null'],
    ['an empty body', ''],
  ])('answers 400 with a message for %s', async (_name, body) => {
    const res = await send(svc, 'POST', PV, { body, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect((res.json as { message?: string }).message).toBeTruthy();
  });

  it('answers 415 for a body that is not JSON, and 400 for JSON sent as text/plain', async () => {
    expect(
      (await send(svc, 'POST', PV, { body: '<xml/>', headers: { 'content-type': 'application/xml' } })).status,
    ).toBe(415);
    expect(
      (await send(svc, 'POST', PV, { body: JSON.stringify(patientView()), headers: { 'content-type': 'text/plain' } }))
        .status,
    ).toBe(400);
  });

  it('accepts application/json with a charset parameter, and the same JSON labelled application/fhir+json', async () => {
    expect(
      (
        await send(svc, 'POST', PV, {
          body: JSON.stringify(patientView()),
          headers: { 'content-type': 'application/json; charset=utf-8' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await send(svc, 'POST', PV, {
          body: JSON.stringify(patientView()),
          headers: { 'content-type': 'application/fhir+json' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await send(svc, 'POST', PV, { body: '{"hook": ', headers: { 'content-type': 'application/fhir+json' } })).status,
    ).toBe(400);
    const big = JSON.stringify({
      ...patientView(),
      extension: { 'com.example.padding': 'x'.repeat(5 * 1024 * 1024 + 1) },
    });
    expect(
      (await send(svc, 'POST', PV, { body: big, headers: { 'content-type': 'application/fhir+json' } })).status,
    ).toBe(413);
  });

  it('refuses a body with a prototype-poisoning key as invalid JSON (400)', async () => {
    const res = await send(svc, 'POST', PV, {
      body: '{"__proto__": {"polluted": true}, "hook": "patient-view"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 400 for deeply nested or oddly typed context values instead of failing', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 2000; i += 1) deep = { a: deep };
    const res = await postJson(svc, PV, { ...patientView(), context: { userId: 'Practitioner/1', patientId: deep } });
    expect(res.status).toBe(400);
  });
});
