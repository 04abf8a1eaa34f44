// @vitest-environment happy-dom
/**
 * The app shows one patient's record only: when an answer carries another patient's resources (storage shared
 * between app instances, a confused proxy), or the Patient read names someone else, it stops with a clear screen
 * instead of showing a mixed record.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/ui/App';
import {
  NOW,
  fakeEngine,
  makeCreatinine,
  makeFetch,
  makeSession,
  patient,
  warfarin,
  type SessionOptions,
} from './support/builders';

afterEach(cleanup);

function renderApp(session: SessionOptions) {
  const fetchImpl = makeFetch({ '/api/narrative': () => new Response(null, { status: 503 }) });
  const engine = fakeEngine();
  render(<App session={makeSession(session)} loadEngine={async () => engine} fetchImpl={fetchImpl} now={() => NOW} />);
}

const own = [patient, warfarin, makeCreatinine('o1', 1.0, '2021-03-28'), makeCreatinine('o2', 1.6, '2021-03-30')];

describe("another patient's data in this window", () => {
  it('shows the launched patient, tagged with its id, when every answer is about them', async () => {
    renderApp({ resources: own, context: { need_patient_banner: true } });
    expect(await screen.findByRole('article', { name: /Creatinine rose/ })).toBeTruthy();
    expect(document.querySelector('main')?.getAttribute('data-patient-id')).toBe('p1');
  });

  it("stops with a mismatch screen when a search returns another patient's resource", async () => {
    const strangersLab = { ...makeCreatinine('o9', 3.2, '2021-03-31'), subject: { reference: 'Patient/p2' } };
    renderApp({ resources: [...own, strangersLab], context: { need_patient_banner: true } });
    expect(
      await screen.findByRole('heading', { name: 'This window does not match the launched patient' }),
    ).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.queryByRole('banner', { name: 'Patient' })).toBeNull();
  });

  it('stops with a mismatch screen when the Patient read returns someone else', async () => {
    renderApp({ resources: [{ ...patient, id: 'p2' }, warfarin], context: { need_patient_banner: true } });
    expect(
      await screen.findByRole('heading', { name: 'This window does not match the launched patient' }),
    ).toBeTruthy();
    expect(screen.queryByRole('banner', { name: 'Patient' })).toBeNull();
  });
});
