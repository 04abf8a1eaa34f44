/**
 * CORS on the SMART app's APIs: an app served from a listed origin (CAIRN_APP_ORIGINS) may call the narrative and
 * feedback routes, and read their errors; any other origin gets no allow headers, so the browser refuses it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullService, type FullService } from '../support/full-service';

const APP_ORIGIN = 'https://cairn-app.example.org';
let listed: FullService;
let none: FullService;

beforeAll(async () => {
  listed = await startFullService({}, {}, { appOrigins: [APP_ORIGIN] });
  none = await startFullService();
});
afterAll(async () => {
  await listed.close();
  await none.close();
});

const preflight = (service: FullService, path: string, origin: string) =>
  fetch(`${service.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });

describe('CORS on the app APIs', () => {
  it.each(['/api/narrative', '/api/reasoning', '/api/app-feedback'])(
    'answers the preflight for %s from a listed origin',
    async (path) => {
      const response = await preflight(listed, path, APP_ORIGIN);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary')).toContain('Origin');
    },
  );

  it('lets the app read a refusal (401 without a token), so it can say the session expired', async () => {
    const response = await fetch(`${listed.url}/api/narrative`, {
      method: 'POST',
      headers: { origin: APP_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ fhirServer: 'https://fhir.example.org', patientId: 'p1' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });

  it('gives an origin that is not listed no allow headers', async () => {
    const response = await preflight(listed, '/api/narrative', 'https://attacker.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('adds nothing when no origin is listed (the app is served by this service: same origin)', async () => {
    const response = await preflight(none, '/api/narrative', APP_ORIGIN);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('leaves the admin API without CORS and the CDS routes open to any origin', async () => {
    expect(
      (await fetch(`${listed.url}/api/analytics`, { headers: { origin: APP_ORIGIN } })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull();
    expect(
      (await fetch(`${listed.url}/cds-services`, { headers: { origin: APP_ORIGIN } })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBe('*');
  });
});
