import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNarrativeServiceFromConfig, narrativePlugin } from '../../../hooks-service/model/index';
import { CANARIES, canaryChart, makeFinding, makeResult, NOW } from '../../model/support/builders';
import { openAiChat, openAiConfig } from './support/chat';
import { startStubModelServer, type StubModelServer } from './support/stub-model-server';

const FHIR = 'https://fhir.example.org/r4';
let stub: StubModelServer;
const app = Fastify();

beforeAll(async () => {
  stub = await startStubModelServer();
  await app.register(narrativePlugin, {
    service: createNarrativeServiceFromConfig(openAiConfig(stub.url), { chat: openAiChat(stub.url) }),
    allowlist: [FHIR],
    fetchChart: () => Promise.resolve(canaryChart()),
    // An engine that echoes identifying strings would still not leak them: the scrubber is the backstop.
    runEngine: () =>
      makeResult({ findings: [makeFinding({ detail: `For ${CANARIES.family}, born ${CANARIES.birthDate}` })] }),
    now: () => NOW,
  });
});
afterAll(async () => {
  await app.close();
  await stub.close();
});

describe('POST /api/narrative with a hosted model', () => {
  it('returns hosted reasoning mapped back to real ids, and the model received no canary', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/narrative',
      headers: { authorization: 'Bearer tok-CANARY-999' },
      payload: { fhirServer: FHIR, patientId: CANARIES.patientId },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ source: string; considerations: { evidence: string[] }[] }>();
    expect(body.source).toBe('hosted');
    expect(body.considerations[0]?.evidence).toContain(makeFinding().id);
    const sent = stub.requests
      .map((r) => r.raw)
      .join('\n')
      .toLowerCase();
    expect(stub.requests).toHaveLength(1);
    for (const [field, canary] of Object.entries(CANARIES)) expect(sent, field).not.toContain(canary.toLowerCase());
    expect(sent).not.toContain('tok-canary-999');
  });
});
