import { describe, expect, it } from 'vitest';
import { loadRecord, type LoadEvent } from '../../../src/app/data/load-record';
import type { FhirSession } from '../../../src/app/data/session';
import { httpError, makeCreatinine, patient } from '../support/builders';

function lab(id: string, category?: string): fhir4.Observation {
  const { category: _laboratory, ...obs } = makeCreatinine(id, 1, '2021-03-01');
  return category ? { ...obs, category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: category }] }] } : obs;
}

/** A FHIR session over `observations`; `requireCategory` mimics EHRs (Epic) that refuse an Observation search without one. */
function session(observations: fhir4.Observation[], requireCategory = false): FhirSession & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls, patientId: 'p1', serverUrl: 'https://fhir.example.org', context: {},
    accessToken: async () => 't',
    async request(url) {
      urls.push(url);
      if (url.startsWith('Patient/')) return patient;
      if (!url.startsWith('Observation')) return [];
      const category = new URLSearchParams(url.split('?')[1]).get('category');
      if (!category && requireCategory) throw httpError(400);
      return observations.filter((o) => !category || o.category?.some((c) => c.coding?.some((x) => x.code === category)));
    },
  };
}

async function observationsLoaded(fhir: FhirSession): Promise<LoadEvent | undefined> {
  const events: LoadEvent[] = [];
  await loadRecord(fhir, (e) => events.push(e));
  return events.find((e) => e.type === 'Observation');
}

const observationUrls = (fhir: { urls: string[] }) => fhir.urls.filter((u) => u.startsWith('Observation'));

describe('loadRecord', () => {
  it('searches Observations once by the LOINC codes the engine reads, percent-encoded, whatever their category', async () => {
    const fhir = session([lab('o1', 'laboratory'), lab('o2')]);
    const event = await observationsLoaded(fhir);
    const [only, ...rest] = observationUrls(fhir);
    expect(rest).toEqual([]);
    expect(only).toMatch(/^Observation\?patient=p1&code=http%3A%2F%2Floinc\.org%7C/);
    expect(only).toContain('http%3A%2F%2Floinc.org%7C2160-0');
    expect(event?.status === 'loaded' && event.resources.map((r) => r.id)).toEqual(['o1', 'o2']);
  });

  it('asks by laboratory and vital-signs category when the server refuses a search without one, keeping each resource once', async () => {
    const both = { ...lab('o1', 'laboratory'), category: [...(lab('o1', 'laboratory').category ?? []), ...(lab('x', 'vital-signs').category ?? [])] };
    const fhir = session([both, lab('o2', 'laboratory')], true);
    const event = await observationsLoaded(fhir);
    expect(observationUrls(fhir).slice(1).map((u) => new URLSearchParams(u.split('?')[1]).get('category'))).toEqual(['laboratory', 'vital-signs']);
    expect(event?.status === 'loaded' && event.resources.map((r) => r.id)).toEqual(['o1', 'o2']);
  });

  it('reports a failed type with the problem kind', async () => {
    const fhir = session([]);
    fhir.request = async (url) => {
      if (url.startsWith('Condition')) throw httpError(403);
      return url.startsWith('Patient/') ? patient : [];
    };
    const events: LoadEvent[] = [];
    await loadRecord(fhir, (e) => events.push(e));
    expect(events.find((e) => e.type === 'Condition')).toEqual({ type: 'Condition', status: 'failed', problem: 'forbidden' });
    expect(events).toHaveLength(8);
  });
});
