// @vitest-environment happy-dom
/** The app lists chart medications Cairn could not identify (real engine), and never calls such a record an all-clear. */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/ui/App';
import { runEngine } from '../../src/reasoning/engine';
import { NOW, makeFetch, makeSession, patient, warfarin } from './support/builders';

const houseMixture: fhir4.MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'm2',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { coding: [{ system: 'urn:local:formulary', code: 'HM42' }], text: 'House mixture 42' },
  authoredOn: '2021-01-05',
};

afterEach(cleanup);

describe('App: medications Cairn could not identify', () => {
  it('lists them under the findings, with their code; identified ones are not listed', async () => {
    const fetchImpl = makeFetch({ '/api/narrative': () => new Response(null, { status: 503 }) });
    render(
      <App
        session={makeSession({ resources: [patient, warfarin, houseMixture] })}
        loadEngine={async () => runEngine}
        fetchImpl={fetchImpl}
        now={() => NOW}
      />,
    );
    const list = await screen.findByRole('region', { name: /Not recognised — not checked \(1\)/ });
    expect(within(list).getByText(/House mixture 42 — code HM42/)).toBeTruthy();
    // Warfarin written as an RxNorm name is identified, so it is not listed.
    expect(within(list).queryByText(/Warfarin/)).toBeNull();
  });

  it('with no findings, says the record is not an all-clear', async () => {
    const fetchImpl = makeFetch({ '/api/narrative': () => new Response(null, { status: 503 }) });
    render(
      <App
        session={makeSession({ resources: [patient, houseMixture] })}
        loadEngine={async () => runEngine}
        fetchImpl={fetchImpl}
        now={() => NOW}
      />,
    );
    expect(await screen.findByText(/this is not an all-clear: 1 medication could not be identified/)).toBeTruthy();
  });
});
