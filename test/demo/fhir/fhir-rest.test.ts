/**
 * The demo FHIR server against FHIR R4 REST basics (http.html, search.html), as a black-box suite would see it:
 * read errors, searchset Bundles, paging, unknown parameters, POST search.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmartStack, registerSmartStack, type SmartStack } from '../../../demo/smart-stack';

let app: FastifyInstance;
let stack: SmartStack;
let token: string;

beforeAll(async () => {
  stack = createSmartStack({ teachingOnly: true });
  app = Fastify();
  await registerSmartStack(app, stack);
  token = stack.tokens.issueAccessToken({ clientId: 't', scope: 'user/*.rs' }).accessToken;
});
afterAll(() => app.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, ...headers } });

type Link = { relation: string; url: string };
const linkOf = (bundle: { link: Link[] }, relation: string) => bundle.link.find((l) => l.relation === relation)?.url;

describe('read', () => {
  it('returns the resource as application/fhir+json', async () => {
    const res = await get('/fhir/Patient/teach-aki');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.json()).toMatchObject({ resourceType: 'Patient', id: 'teach-aki' });
  });

  it('answers 404 with an OperationOutcome for an unknown id', async () => {
    const res = await get('/fhir/Patient/does-not-exist');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const outcome = res.json();
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]).toMatchObject({ severity: 'error', code: 'not-found' });
  });
});

describe('search', () => {
  it('returns a searchset Bundle with total, self link, fullUrl and search.mode', async () => {
    const res = await get('/fhir/Observation?patient=teach-aki');
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = res.json();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: expect.any(Number) });
    expect(bundle.total).toBeGreaterThan(0);
    expect(linkOf(bundle, 'self')).toMatch(/^http:\/\/localhost:80\/fhir\/Observation\?/);
    for (const entry of bundle.entry) {
      expect(entry.fullUrl).toBe(`http://localhost:80/fhir/Observation/${String(entry.resource.id)}`);
      expect(entry.search).toEqual({ mode: 'match' });
    }
  });

  it('pages with _count: next links walk every match once, and the last page has no next', async () => {
    const all = (await get('/fhir/Observation?patient=teach-aki')).json();
    const seen: string[] = [];
    let url: string | undefined = '/fhir/Observation?patient=teach-aki&_count=2';
    while (url) {
      const page = (await get(url.replace('http://localhost:80', ''))).json();
      expect(page.total).toBe(all.total);
      expect(page.entry?.length ?? 0).toBeLessThanOrEqual(2);
      seen.push(...(page.entry ?? []).map((e: { resource: { id: string } }) => e.resource.id));
      url = linkOf(page, 'next');
    }
    expect(seen.sort()).toEqual(all.entry.map((e: { resource: { id: string } }) => e.resource.id).sort());
  });

  it('answers _count=0 with the total and no next link', async () => {
    const bundle = (await get('/fhir/Observation?patient=teach-aki&_count=0')).json();
    expect(bundle.total).toBeGreaterThan(0);
    expect(bundle.entry).toBeUndefined();
    expect(linkOf(bundle, 'next')).toBeUndefined();
  });

  it('ignores an unknown parameter by default and leaves it out of the self link', async () => {
    const plain = (await get('/fhir/Observation?patient=teach-aki')).json();
    const res = await get('/fhir/Observation?patient=teach-aki&made-up=1', { prefer: 'handling=lenient' });
    expect(res.statusCode).toBe(200);
    const bundle = res.json();
    expect(bundle.total).toBe(plain.total);
    const self = new URL(String(linkOf(bundle, 'self')));
    expect(self.searchParams.get('patient')).toBe('teach-aki');
    expect(self.searchParams.has('made-up')).toBe(false);
  });

  it('refuses an unknown parameter with Prefer: handling=strict', async () => {
    const res = await get('/fhir/Observation?patient=teach-aki&made-up=1', { prefer: 'handling=strict' });
    expect(res.statusCode).toBe(400);
    expect(res.json().resourceType).toBe('OperationOutcome');
    expect((await get('/fhir/Observation?patient=teach-aki', { prefer: 'handling=strict' })).statusCode).toBe(200);
  });

  it('searches by POST to [type]/_search with a form body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/fhir/Observation/_search',
      payload: 'patient=teach-aki&_count=1',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(200);
    const bundle = res.json();
    expect(bundle.type).toBe('searchset');
    expect(bundle.entry).toHaveLength(1);
    expect(bundle.entry[0].resource.subject.reference).toBe('Patient/teach-aki');
  });
});

describe('errors a black box probes', () => {
  it.each([
    ['PUT', '/fhir/Patient/teach-aki'],
    ['DELETE', '/fhir/Patient/teach-aki'],
    ['POST', '/fhir/Patient'],
  ] as const)('refuses %s %s with 405 and an OperationOutcome (read-only server)', async (method, url) => {
    const res = await app.inject({
      method,
      url,
      payload: { resourceType: 'Patient' },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(405);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.json().resourceType).toBe('OperationOutcome');
  });

  it('answers an unknown path under the base with an OperationOutcome', async () => {
    const res = await get('/fhir/Patient/teach-aki/_history/1/extra');
    expect(res.statusCode).toBe(404);
    expect(res.json().resourceType).toBe('OperationOutcome');
  });

  it('names invalid_token for an unknown token and insufficient_scope for a missing scope (RFC 6750 §3)', async () => {
    const bad = await get('/fhir/Patient/teach-aki', { authorization: 'Bearer not-a-token' });
    expect(bad.statusCode).toBe(401);
    expect(bad.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    const narrow = stack.tokens.issueAccessToken({ clientId: 't', scope: 'user/Observation.rs' }).accessToken;
    const forbidden = await get('/fhir/Condition', { authorization: `Bearer ${narrow}` });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers['www-authenticate']).toMatch(/error="insufficient_scope"/);
  });
});

describe('granular SMART v2 scopes (scopes-and-launch-context: finer-grained constraints)', () => {
  const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
  const tokenFor = (scope: string) => stack.tokens.issueAccessToken({ clientId: 't', scope }).accessToken;

  it('shows only the resources a category-limited scope covers, in search and read', async () => {
    const vitals = tokenFor(`user/Observation.rs?category=${CATEGORY}|vital-signs`);
    const search = (await get('/fhir/Observation?patient=teach-aki', { authorization: `Bearer ${vitals}` })).json();
    expect(search.total).toBe(0);
    expect((await get('/fhir/Observation/teach-aki-creat-1', { authorization: `Bearer ${vitals}` })).statusCode).toBe(
      403,
    );
    const labs = tokenFor(`user/Observation.rs?category=${CATEGORY}|laboratory`);
    const found = (await get('/fhir/Observation?patient=teach-aki', { authorization: `Bearer ${labs}` })).json();
    expect(found.total).toBe(3);
    expect((await get('/fhir/Observation/teach-aki-creat-1', { authorization: `Bearer ${labs}` })).statusCode).toBe(
      200,
    );
  });

  it('lets an unrestricted scope for the same type win, and never widens on a parameter it cannot evaluate', async () => {
    const both = tokenFor(`user/Observation.rs?category=${CATEGORY}|vital-signs user/Observation.rs`);
    expect((await get('/fhir/Observation?patient=teach-aki', { authorization: `Bearer ${both}` })).json().total).toBe(
      3,
    );
    const unknown = tokenFor('user/Observation.rs?made-up=1');
    expect(
      (await get('/fhir/Observation?patient=teach-aki', { authorization: `Bearer ${unknown}` })).json().total,
    ).toBe(0);
  });
});

describe('content negotiation', () => {
  it('answers JSON for JSON or any Accept, and 406 with an OperationOutcome for XML only', async () => {
    for (const accept of [
      'application/fhir+json',
      'application/json',
      '*/*',
      'text/html,application/xhtml+xml,*/*;q=0.8',
    ]) {
      expect((await get('/fhir/Patient/teach-aki', { accept })).statusCode).toBe(200);
    }
    const xml = await get('/fhir/Patient/teach-aki', { accept: 'application/fhir+xml' });
    expect(xml.statusCode).toBe(406);
    expect(xml.json().resourceType).toBe('OperationOutcome');
    expect((await get('/fhir/Patient/teach-aki?_format=xml')).statusCode).toBe(406);
    expect((await get('/fhir/Patient/teach-aki?_format=json')).statusCode).toBe(200);
  });
});
