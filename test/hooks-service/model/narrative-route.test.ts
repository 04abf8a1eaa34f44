import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNarrativeServiceFromConfig,
  parseModelConfig,
  narrativePlugin,
} from '../../../hooks-service/model/index';
import { FhirAuthError, type FetchChartArgs } from '../../../hooks-service/prefetch/fetch-chart';
import type { EngineInput } from '@reasoning/types';
import { recordDigest } from '@fhir/record-digest';
import { canaryChart, makeResult, NOW } from '../../model/support/builders';

const FHIR = 'https://fhir.example.org/r4';
const calls: FetchChartArgs[] = [];
const inputs: EngineInput[] = [];

const app = Fastify();
beforeAll(async () => {
  await app.register(narrativePlugin, {
    service: createNarrativeServiceFromConfig(parseModelConfig({})),
    allowlist: [`${FHIR}/`],
    fetchChart: async (args) => {
      calls.push(args);
      if (args.accessToken === 'expired') throw new FhirAuthError('401');
      if (args.patientId === 'gone') throw new Error('network');
      return canaryChart();
    },
    runEngine: (input) => {
      inputs.push(input);
      return makeResult();
    },
    now: () => NOW,
  });
});
afterAll(async () => {
  await app.close();
});

const post = (body: unknown, token?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/narrative',
    payload: body as object,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

describe('POST /api/narrative', () => {
  it('fetches the chart with the bearer token, runs the engine and returns the labeled narrative', async () => {
    const res = await post({ fhirServer: FHIR, patientId: 'pat-1' }, 'tok-123');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ source: string; label: string; findingIds: string[] }>();
    expect(body.source).toBe('embedded');
    expect(body.label).toMatch(/rule engine/);
    expect(body.findingIds).toEqual(makeResult().findings.map((f) => f.id));
    expect(calls.at(-1)).toEqual({ fhirServer: FHIR, accessToken: 'tok-123', patientId: 'pat-1' });
    expect(inputs.at(-1)?.now).toBe(NOW);
  });

  it('says which chart read it is grounded on (digest of the resource versions), for the app to compare', async () => {
    const res = await post({ fhirServer: FHIR, patientId: 'pat-1' }, 'tok-123');
    const { chart } = res.json<{ chart: { digest: string; resources: number } }>();
    expect(chart).toEqual({ digest: recordDigest(canaryChart()), resources: canaryChart().length });
    expect(chart.digest).not.toBe(recordDigest(canaryChart().slice(1)));
  });

  it('answers the same at its older name /api/reasoning, so apps deployed before the rename keep working', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/reasoning',
      payload: { fhirServer: FHIR, patientId: 'pat-1' },
      headers: { authorization: 'Bearer tok-123' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ findingIds: string[] }>().findingIds).toEqual(makeResult().findings.map((f) => f.id));
  });

  it('refuses a FHIR server that is not allow-listed with 403 and a clear message', async () => {
    const res = await post({ fhirServer: 'https://evil.example.com/fhir', patientId: 'pat-1' }, 'tok');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'FORBIDDEN', message: expect.stringContaining('CAIRN_FHIR_ALLOWLIST') });
    // What is wrong (this server, not allow-listed) and who fixes it (the service's administrator).
    expect(res.json<{ message: string }>().message).toMatch(
      /https:\/\/evil\.example\.com\/fhir.*not in the service's CAIRN_FHIR_ALLOWLIST.*administrator of the Cairn service can add it/,
    );
  });

  it('answers 401 without a bearer token', async () => {
    expect((await post({ fhirServer: FHIR, patientId: 'pat-1' })).statusCode).toBe(401);
  });

  it('answers 401 when the FHIR server refuses the token', async () => {
    const res = await post({ fhirServer: FHIR, patientId: 'pat-1' }, 'expired');
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('answers 412 with a clear message when the FHIR server cannot be read', async () => {
    const res = await post({ fhirServer: FHIR, patientId: 'gone' }, 'tok');
    expect(res.statusCode).toBe(412);
    expect(res.json()).toEqual({ error: 'DATA_UNAVAILABLE', message: 'the FHIR server could not be read' });
  });

  it.each([
    ['no patient id', { fhirServer: FHIR }],
    ['a patient id that is not a FHIR id', { fhirServer: FHIR, patientId: '../Patient?x' }],
    ['a non-http FHIR server', { fhirServer: 'file:///etc', patientId: 'p' }],
  ])('answers 400 for %s', async (_n, body) => {
    expect((await post(body, 'tok')).statusCode).toBe(400);
  });
});
