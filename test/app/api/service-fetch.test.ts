/** The app's service calls follow CAIRN_APP_SERVICE_URL; FHIR and other absolute URLs never do. */
import { describe, expect, it } from 'vitest';
import { serviceFetch } from '../../../src/app/api/service-fetch';

function recorder() {
  const seen: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    seen.push(input instanceof Request ? input.url : String(input));
    return new Response('{}');
  }) as typeof fetch;
  return { seen, fetchImpl };
}

describe('serviceFetch', () => {
  it('sends service paths to the configured service URL and leaves absolute URLs alone', async () => {
    const { seen, fetchImpl } = recorder();
    const send = serviceFetch('https://cairn.example.org', fetchImpl);
    await send('/api/narrative', { method: 'POST' });
    await send('https://fhir.example.org/r4/Patient/1');
    expect(seen).toEqual(['https://cairn.example.org/api/narrative', 'https://fhir.example.org/r4/Patient/1']);
  });

  it('is the plain fetch when no service URL is configured (same origin)', () => {
    const { fetchImpl } = recorder();
    expect(serviceFetch(undefined, fetchImpl)).toBe(fetchImpl);
  });
});
