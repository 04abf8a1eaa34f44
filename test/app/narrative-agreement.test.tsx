// @vitest-environment happy-dom
/**
 * Issue #15: "no findings" above, a narrative claiming an INR finding below, after a proxy mangled one side's chart
 * query. The app and the real `/api/narrative` route (embedded model, real engine on both sides) each read a
 * chart; the app shows the narrative only when the two reads agree, and otherwise says why it withheld it.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { runEngine } from '@reasoning/engine';
import { App } from '../../src/app/ui/App';
import { createNarrativeServiceFromConfig, narrativePlugin, parseModelConfig } from '../../hooks-service/model/index';
import { deferred, makeSession, NOW, type Deferred } from './support/builders';

const FHIR = 'https://fhir.example.org/r4';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

const patient: fhir4.Patient = { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1950-02-03' };

// RxNorm 855332: warfarin sodium 5 MG oral tablet (test/reasoning/support/fhir-builders.ts, RX.warfarin5).
const warfarin: fhir4.MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'w1',
  meta: { versionId: '1' },
  status: 'active',
  intent: 'order',
  medicationCodeableConcept: {
    coding: [{ system: RXNORM, code: '855332', display: 'warfarin sodium 5 MG Oral Tablet' }],
  },
  subject: { reference: 'Patient/p1' },
  authoredOn: '2021-01-10',
};

function inr(value: number, versionId = '1'): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id: 'inr1',
    meta: { versionId },
    status: 'final',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
    ],
    code: {
      coding: [
        { system: 'http://loinc.org', code: '6301-6', display: 'INR in Platelet poor plasma by Coagulation assay' },
      ],
    },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: '2021-03-30T08:00:00Z',
    valueQuantity: { value, unit: '{INR}', system: 'http://unitsofmeasure.org', code: '{INR}' },
  };
}

const servers: FastifyInstance[] = [];

/** A fetch that answers `/api/narrative` from the real route, whose FHIR read returns `serviceChart`. */
async function narrativeFetch(serviceChart: fhir4.Resource[]): Promise<typeof fetch> {
  const app = Fastify();
  servers.push(app);
  await app.register(narrativePlugin, {
    service: createNarrativeServiceFromConfig(parseModelConfig({})),
    allowlist: [`${FHIR}/`],
    fetchChart: async () => serviceChart,
    runEngine: (input) => runEngine(input),
    now: () => NOW,
  });
  return async (_url: RequestInfo | URL, init?: RequestInit) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/narrative',
      payload: init?.body as string,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
    });
    return new Response(res.body, { status: res.statusCode, headers: { 'content-type': 'application/json' } });
  };
}

async function renderApp(appChart: fhir4.Resource[], serviceChart: fhir4.Resource[], gate?: Deferred) {
  const fetchImpl = await narrativeFetch(serviceChart);
  const session = makeSession({ resources: appChart, ...(gate && { gates: { Observation: gate.promise } }) });
  render(<App session={session} loadEngine={async () => runEngine} fetchImpl={fetchImpl} now={() => NOW} />);
  return screen.findByRole('region', { name: 'Model narrative' });
}

afterEach(async () => {
  cleanup();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const LABEL = /generated deterministically by Cairn's rule engine/i;
const WITHHELD = /Model narrative withheld: the Cairn service read a different version of this patient's chart/;

describe('the narrative is shown only when the service read the same chart as the screen', () => {
  it('shows the labeled narrative when both sides read the same chart (INR 6.2 on warfarin)', async () => {
    const chart = [patient, warfarin, inr(6.2)];
    const section = await renderApp(chart, chart);
    expect(await within(section).findByText(LABEL)).toBeTruthy();
    expect(within(section).queryByText(WITHHELD)).toBeNull();
    expect(screen.getByRole('article', { name: /INR/ })).toBeTruthy();
  });

  it('withholds it and says why when only the service read the INR (a proxy mangled the app’s query)', async () => {
    const section = await renderApp([patient, warfarin], [patient, warfarin, inr(6.2)]);
    const notice = await within(section).findByText(WITHHELD);
    expect(notice.textContent).toMatch(/proxy may have altered a query/);
    expect(notice.textContent).toMatch(/findings above are still valid/);
    expect(notice.textContent).toMatch(/Reloading Cairn may fix it/);
    expect(notice.getAttribute('data-reason')).toBe('different-chart');
    expect(within(section).queryByText(LABEL)).toBeNull();
    // The screen's own finding from its own read stands: warfarin with no INR on record.
    expect(screen.getByRole('article', { name: /no INR on record/ })).toBeTruthy();
  });

  it('withholds it when only the app read the INR (the service’s narrative covers fewer findings)', async () => {
    const section = await renderApp([patient, warfarin, inr(6.2)], [patient, warfarin]);
    expect(await within(section).findByText(WITHHELD)).toBeTruthy();
    expect(within(section).queryByText(LABEL)).toBeNull();
  });

  it('withholds it when the INR was corrected between the two reads (same findings, another versionId)', async () => {
    // Both sides find "INR above 4.5" on Observation/inr1, but the narrative would quote 6.2 beside a card saying 6.8.
    const section = await renderApp([patient, warfarin, inr(6.8, '2')], [patient, warfarin, inr(6.2, '1')]);
    const notice = await within(section).findByText(WITHHELD);
    expect(notice.getAttribute('data-reason')).toBe('different-chart');
    expect(screen.getByRole('article', { name: /INR/ }).textContent).toMatch(/6\.8/);
  });

  it('holds an early narrative until the screen has read the whole chart, then shows it', async () => {
    const labs = deferred();
    const chart = [patient, warfarin, inr(6.2)];
    const section = await renderApp(chart, chart, labs);
    expect(await within(section).findByText(/shown once this screen has read the whole chart/)).toBeTruthy();
    expect(within(section).queryByText(LABEL)).toBeNull();
    labs.resolve();
    await waitFor(() => expect(within(section).getByText(LABEL)).toBeTruthy());
  });
});
