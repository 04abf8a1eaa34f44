import { describe, expect, it } from 'vitest';
import { fetchNarrative } from '../../../src/app/api/narrative';

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
