import { describe, expect, it } from 'vitest';
import { fetchNarrative } from '../../../src/app/api/narrative';
import { reasoning } from '../support/builders';

const answer = (status: number) =>
  (async () =>
    new Response(JSON.stringify({ error: 'FORBIDDEN', message: 'x' }), { status })) as unknown as typeof fetch;
const ask = (status: number) =>
  fetchNarrative({ fetchImpl: answer(status), token: 't', fhirServer: 'https://fhir.example/r4', patientId: 'p1' });

describe('narrative states the app shows', () => {
  it('names an allow-list refusal (403) instead of calling the narrative "turned off"', async () => {
    expect(await ask(403)).toEqual({ status: 'not-allowed' });
  });

  it('keeps "off" for a route that is not deployed (404) or a model turned off (503)', async () => {
    expect(await ask(404)).toEqual({ status: 'off' });
    expect(await ask(503)).toEqual({ status: 'off' });
  });
});

describe('the narrative answer the app checks against its own read', () => {
  const body = (over: Record<string, unknown>) =>
    (async () => new Response(JSON.stringify({ ...reasoning, ...over }), { status: 200 })) as unknown as typeof fetch;
  const askWith = (over: Record<string, unknown>) =>
    fetchNarrative({ fetchImpl: body(over), token: 't', fhirServer: 'https://fhir.example/r4', patientId: 'p1' });

  it('keeps the chart read the service reports, and accepts an older service without one', async () => {
    const chart = { digest: 'fnv1a-2x32:0123456789abcdef', resources: 3 };
    expect(await askWith({ chart })).toMatchObject({ status: 'ready', reasoning: { chart } });
    expect(await askWith({})).toMatchObject({ status: 'ready' });
  });

  it('treats an answer it could not compare (no finding ids, a malformed chart) as an error, never as shown', async () => {
    expect(await askWith({ findingIds: undefined })).toEqual({ status: 'error' });
    expect(await askWith({ chart: { digest: 7 } })).toEqual({ status: 'error' });
  });
});
