/**
 * Every side reads a chart with the same queries (src/reasoning/chart-queries.ts): the CDS client filling the
 * prefetch templates, the SMART app and the service's /api/narrative. When one side read it differently (or a proxy
 * mangled one side's query), the narrative could contradict the findings beside it.
 */
import { describe, expect, it } from 'vitest';
import { loadRecord } from '../../../src/app/data/load-record';
import { createFetchChart } from '../../../hooks-service/prefetch/fetch-chart';
import { FhirUnavailable, type FhirClient } from '../../../hooks-service/prefetch/fhir-client';
import { fillTemplate } from '../../../hooks-service/prefetch/templates';
import { PREFETCH } from '../../../hooks-service/protocol/services';

const PATIENT = 'p-1.x';
const refusesUncategorized = (q: string) => q.startsWith('Observation') && !q.includes('category=');

async function appQueries(refuse = false): Promise<string[]> {
  const asked: string[] = [];
  await loadRecord(
    {
      patientId: PATIENT,
      serverUrl: 'https://fhir.example/r4',
      context: {},
      request: async (url: string) => {
        asked.push(url);
        if (refuse && refusesUncategorized(url)) throw Object.assign(new Error('HTTP 400'), { status: 400 });
        return [];
      },
      accessToken: async () => 't',
    },
    () => undefined,
  );
  return asked.sort();
}

async function narrativeQueries(refuse = false): Promise<string[]> {
  const asked: string[] = [];
  const run = async ({ query }: { query: string }) => {
    asked.push(query);
    if (refuse && refusesUncategorized(query)) throw new FhirUnavailable('HTTP 400', 400);
    return [];
  };
  await createFetchChart(
    { run } as unknown as FhirClient,
    1_000,
  )({ fhirServer: 'https://fhir.example/r4', accessToken: 't', patientId: PATIENT });
  return asked.sort();
}

describe('one way of reading the chart', () => {
  it('the app, /api/narrative and the filled prefetch templates are the same eight queries', async () => {
    const templates = Object.values(PREFETCH)
      .map((t) => fillTemplate(t, { patientId: PATIENT }))
      .sort();
    expect(templates).toHaveLength(8);
    expect(await appQueries()).toEqual(templates);
    expect(await narrativeQueries()).toEqual(templates);
  });

  it('both sides fall back the same way when a server refuses an Observation search without category', async () => {
    const app = await appQueries(true);
    expect(app.filter((q) => q.includes('category=')).length).toBe(2);
    expect(await narrativeQueries(true)).toEqual(app);
  });

  it('every value either side sends is percent-encoded (system|code as %7C)', async () => {
    const observation = (await appQueries()).find((q) => q.startsWith('Observation'));
    expect(observation).toContain('http%3A%2F%2Floinc.org%7C6301-6');
    expect(observation).not.toMatch(/[|]|http:\/\//);
  });
});
