import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEngine } from '@reasoning/engine';
import { createHostedModel } from '../../../hooks-service/model/hosted-model';
import { NOW } from '../../model/support/builders';
import { openAiChat } from './support/chat';
import { startStubModelServer, type StubModelServer } from './support/stub-model-server';

const FIXTURE = 'af-warfarin-naproxen-elderly-7e50540e.json';

function chart(): fhir4.Resource[] {
  const b = JSON.parse(
    readFileSync(new URL(`../../fixtures/synthea/${FIXTURE}`, import.meta.url), 'utf8'),
  ) as fhir4.Bundle;
  return (b.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

let stub: StubModelServer;
beforeAll(async () => {
  stub = await startStubModelServer();
});
afterAll(async () => {
  await stub.close();
});

describe('engine → hosted model, on a Synthea patient', () => {
  it('grounds the model answer in real findings and sends no identifying data', async () => {
    const resources = chart();
    const input = { resources, now: NOW };
    const result = runEngine(input);
    expect(result.findings.length).toBeGreaterThan(0);
    const r = await createHostedModel({ chat: openAiChat(stub.url), timeoutMs: 5_000 }).reason({ input, result });
    expect(r.source).toBe('hosted');
    const findingIds = new Set(result.findings.map((f) => f.id));
    expect(
      r.considerations.filter((c) => c.origin === 'model').every((c) => c.evidence.some((e) => findingIds.has(e))),
    ).toBe(true);
    const patient = resources.find((x): x is fhir4.Patient => x.resourceType === 'Patient');
    const sent = stub.requests[0]?.raw ?? '';
    for (const n of patient?.name ?? []) expect(sent).not.toContain(n.family);
    for (const x of resources) if (x.id) expect(sent).not.toContain(x.id);
    expect(sent).not.toContain(patient?.birthDate ?? 'none');
  });
});
