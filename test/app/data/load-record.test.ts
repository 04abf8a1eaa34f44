import { describe, expect, it } from 'vitest';
import { loadRecord, type LoadEvent } from '../../../src/app/data/load-record';
import type { FhirSession } from '../../../src/app/data/session';
import { httpError, makeCreatinine, patient } from '../support/builders';

function lab(id: string, category?: string): fhir4.Observation {
  const { category: _laboratory, ...obs } = makeCreatinine(id, 1, '2021-03-01');
  return category ? { ...obs, category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: category }] }] } : obs;
}

/** A FHIR session that answers category searches by category; `refuseUnfiltered` mimics EHRs that require one. */
function session(observations: fhir4.Observation[], refuseUnfiltered = false): FhirSession & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls, patientId: 'p1', serverUrl: 'https://fhir.example.org', context: {},
    accessToken: async () => 't',
    async request(url) {
      urls.push(url);
      if (url.startsWith('Patient/')) return patient;
      if (!url.startsWith('Observation')) return [];
      const category = new URLSearchParams(url.split('?')[1]).get('category');
      if (!category && refuseUnfiltered) throw httpError(400);
      return observations.filter((o) => !category || o.category?.some((c) => c.coding?.some((x) => x.code === category)));
    },
  };
}

async function observationsLoaded(fhir: FhirSession): Promise<LoadEvent | undefined> {
  const events: LoadEvent[] = [];
  await loadRecord(fhir, (e) => events.push(e));
  return events.find((e) => e.type === 'Observation');
}

describe('loadRecord', () => {
  it('searches Observations by laboratory and vital-signs category, each once, keeping each resource once', async () => {
    const both = { ...lab('o1', 'laboratory'), category: [...(lab('o1', 'laboratory').category ?? []), ...(lab('x', 'vital-signs').category ?? [])] };
    const fhir = session([both, lab('o2', 'laboratory')]);
    const event = await observationsLoaded(fhir);
    expect(fhir.urls.filter((u) => u.startsWith('Observation'))).toEqual([
      'Observation?patient=p1&category=laboratory&_count=200',
      'Observation?patient=p1&category=vital-signs&_count=200',
    ]);
    expect(event?.status === 'loaded' && event.resources.map((r) => r.id)).toEqual(['o1', 'o2']);
  });

  it('asks once without a category when no Observation carries one, so uncategorized labs are not lost', async () => {
    const event = await observationsLoaded(session([lab('o1')]));
    expect(event?.status === 'loaded' && event.resources.map((r) => r.id)).toEqual(['o1']);
  });

  it('keeps the empty answer when the server refuses a search without category', async () => {
    const event = await observationsLoaded(session([], true));
    expect(event).toEqual({ type: 'Observation', status: 'loaded', resources: [] });
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
