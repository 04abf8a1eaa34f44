/**
 * CAIRN_DEMO_FHIR_OPEN, wired as `npm start` wires it (demoEnvironment → registerDemo), on a real port: off, the
 * demo FHIR server refuses a request without a token; on, it serves reads and searches without one (what the
 * CDS Hooks Sandbox and a SMART Launcher send), still refuses writes, still checks a token that is presented,
 * answers cross-origin reads, and says at start that it is open.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEnvironment } from '../../../demo/demo-env';
import { registerDemo, type DemoParts } from '../../../demo/register-demo';

interface RunningDemo {
  app: FastifyInstance;
  parts: DemoParts;
  fhir: string;
  logs: string[];
}

async function startDemo(env: Record<string, string>): Promise<RunningDemo> {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const app = Fastify({ logger: { level: 'warn', stream } });
  const parts = await registerDemo(app, {
    distDir: mkdtempSync(join(tmpdir(), 'cairn-demo-dist-')),
    fhirAccess: demoEnvironment(env).fhirAccess,
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, parts, fhir: `${origin}/fhir`, logs };
}

// The headers the sandbox's browser code sends (cds-hooks/sandbox src/retrieve-data-helpers): no Authorization.
const SANDBOX = { accept: 'application/json+fhir', origin: 'https://sandbox.cds-hooks.org' };

let closed: RunningDemo;
let open: RunningDemo;

beforeAll(async () => {
  [closed, open] = await Promise.all([startDemo({}), startDemo({ CAIRN_DEMO_FHIR_OPEN: 'on' })]);
});
afterAll(async () => {
  await Promise.all([closed.app.close(), open.app.close()]);
});

describe('CAIRN_DEMO_FHIR_OPEN unset (the default)', () => {
  it('refuses a search and a read without a token with 401', async () => {
    for (const path of ['/Patient', '/Patient/teach-aki', '/Observation?patient=teach-aki']) {
      const res = await fetch(`${closed.fhir}${path}`, { headers: SANDBOX });
      expect(res.status).toBe(401);
      expect(((await res.json()) as fhir4.OperationOutcome).resourceType).toBe('OperationOutcome');
    }
  });

  it('logs nothing about open mode and offers nothing to a private-network preflight', async () => {
    expect(closed.logs.join('')).not.toMatch(/open mode/);
    const res = await fetch(`${closed.fhir}/Patient`, {
      method: 'OPTIONS',
      headers: { ...SANDBOX, 'access-control-request-private-network': 'true' },
    });
    expect(res.headers.get('access-control-allow-private-network')).toBeNull();
  });
});

describe('CAIRN_DEMO_FHIR_OPEN=on', () => {
  it('says so at start, as a warning', () => {
    const line = open.logs
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .find((l) => /open mode/.test(l.msg));
    expect(line?.level).toBe(40);
    expect(line?.msg).toMatch(/WITHOUT a token/);
  });

  it('serves the sandbox its patient list, a patient and a prefetch search without a token', async () => {
    const list = await fetch(`${open.fhir}/Patient`, { headers: SANDBOX });
    expect(list.status).toBe(200);
    const ids = ((await list.json()) as fhir4.Bundle).entry?.map((e) => e.resource?.id) ?? [];
    expect(ids).toEqual(expect.arrayContaining(['teach-warfarin-inr', 'teach-aki', 'teach-hyperkalemia']));
    expect(ids.length).toBeGreaterThan(30);

    expect((await fetch(`${open.fhir}/Patient/teach-aki`, { headers: SANDBOX })).status).toBe(200);
    const labs = await fetch(`${open.fhir}/Observation?patient=teach-aki&code=http://loinc.org|38483-4`, {
      headers: SANDBOX,
    });
    expect(labs.status).toBe(200);
    expect(((await labs.json()) as fhir4.Bundle).total).toBeGreaterThan(0);
  });

  it('lets a browser on another origin read the answer (CORS), and answers a private-network preflight', async () => {
    const res = await fetch(`${open.fhir}/Patient/teach-aki`, { headers: SANDBOX });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(`${open.fhir}/Patient`, {
      method: 'OPTIONS',
      headers: {
        ...SANDBOX,
        'access-control-request-method': 'GET',
        'access-control-request-private-network': 'true',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-private-network')).toBe('true');
  });

  it('searches by POST (a read) without a token', async () => {
    const res = await fetch(`${open.fhir}/Patient/_search`, {
      method: 'POST',
      headers: { ...SANDBOX, 'content-type': 'application/x-www-form-urlencoded' },
      body: '_id=teach-aki',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as fhir4.Bundle).total).toBe(1);
  });

  it.each([
    ['POST', '/Patient'],
    ['PUT', '/Patient/teach-aki'],
    ['PATCH', '/Patient/teach-aki'],
    ['DELETE', '/Patient/teach-aki'],
  ])('still refuses %s %s with 405', async (method, path) => {
    const res = await fetch(`${open.fhir}${path}`, {
      method,
      headers: { ...SANDBOX, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Patient', id: 'teach-aki' }),
    });
    expect(res.status).toBe(405);
    expect(((await res.json()) as fhir4.OperationOutcome).issue[0]?.code).toBe('not-supported');
    const after = (await (await fetch(`${open.fhir}/Patient/teach-aki`)).json()) as fhir4.Patient;
    expect(after.name).toBeDefined();
  });

  it.each([
    ['application/json', '{not json', 400],
    ['application/xml', '<Patient/>', 415],
  ])(
    'answers a write with an unreadable %s body with a 4xx OperationOutcome, never a 5xx',
    async (type, body, status) => {
      const res = await fetch(`${open.fhir}/Patient`, {
        method: 'POST',
        headers: { ...SANDBOX, 'content-type': type },
        body,
      });
      expect(res.status).toBe(status);
      expect(((await res.json()) as fhir4.OperationOutcome).resourceType).toBe('OperationOutcome');
    },
  );

  it('still checks a token that is presented: an unknown one is 401, a patient token keeps to its patient', async () => {
    const bad = await fetch(`${open.fhir}/Patient`, { headers: { ...SANDBOX, authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
    const { accessToken } = open.parts.stack.tokens.issueAccessToken({
      clientId: 't',
      scope: 'patient/*.rs',
      patient: 'teach-aki',
    });
    const asPatient = { ...SANDBOX, authorization: `Bearer ${accessToken}` };
    expect((await fetch(`${open.fhir}/Patient/teach-aki`, { headers: asPatient })).status).toBe(200);
    expect((await fetch(`${open.fhir}/Patient/teach-hyperkalemia`, { headers: asPatient })).status).toBe(403);
  });
});
