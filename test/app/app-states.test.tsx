// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/ui/App';
import type { RunEngine } from '../../src/app/state/use-record';
import {
  NOW,
  deferred,
  fakeEngine,
  httpError,
  makeCreatinine,
  makeFetch,
  makeFinding,
  makeSession,
  patient,
  score,
  warfarin,
  type SessionOptions,
} from './support/builders';

const record = [patient, warfarin, makeCreatinine('o1', 1.0, '2021-03-28'), makeCreatinine('o2', 1.6, '2021-03-30')];

function renderApp(
  session: SessionOptions,
  opts: { engine?: RunEngine; fetchImpl?: typeof fetch; timeoutMs?: number } = {},
) {
  const fhir = makeSession(session);
  const fetchImpl = opts.fetchImpl ?? makeFetch({ '/api/narrative': () => new Response(null, { status: 503 }) });
  const engine = opts.engine ?? fakeEngine();
  const loadEngine = async () => engine;
  render(
    <App
      session={fhir}
      loadEngine={loadEngine}
      fetchImpl={fetchImpl}
      now={() => NOW}
      narrativeTimeoutMs={opts.timeoutMs}
    />,
  );
  return fhir;
}

afterEach(cleanup);

describe('App view states', () => {
  it('shows progress and no "no findings" text while the record is loading', async () => {
    const hold = deferred();
    renderApp({ resources: record, gates: { Observation: hold.promise } });
    expect(screen.getByRole('progressbar')).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/Medication orders: 1 loaded/)).toBeTruthy());
    expect(screen.getByText(/Checking the record/)).toBeTruthy();
    expect(screen.queryByText(/No findings/)).toBeNull();
    hold.resolve();
  });

  it('shows findings as provisional once their data arrived and the rest is still loading', async () => {
    const hold = deferred();
    renderApp({ resources: record, gates: { AllergyIntolerance: hold.promise } });
    const heading = await screen.findByRole('heading', { name: /Findings \(provisional/ });
    expect(heading).toBeTruthy();
    const card = screen.getByRole('article', { name: /Creatinine rose/ });
    expect(within(card).getByText(/Provisional/)).toBeTruthy();
    hold.resolve();
    await waitFor(() => expect(screen.queryByText(/Provisional/)).toBeNull());
  });

  it('waits for the medication lists before showing any finding (absence rules need them)', async () => {
    const hold = deferred();
    renderApp({ resources: record, gates: { MedicationStatement: hold.promise } });
    await waitFor(() => expect(screen.getByText(/Labs and vitals: 2 loaded/)).toBeTruthy());
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.getByText(/Checking the record/)).toBeTruthy();
    hold.resolve();
    expect(await screen.findByRole('article', { name: /Creatinine rose/ })).toBeTruthy();
  });

  it('says no findings only after everything loaded', async () => {
    renderApp({ resources: record }, { engine: fakeEngine([]) });
    expect(await screen.findByText('No findings from Cairn’s rules for this record.')).toBeTruthy();
  });

  it('never presents a partial record as an all-clear', async () => {
    renderApp({ resources: record, failures: { Observation: httpError(403) } }, { engine: fakeEngine([]) });
    const status = await screen.findByText(/this is not an all-clear/);
    expect(status.textContent).toMatch(/Labs and vitals could not be loaded/);
    expect(screen.queryByText('No findings from Cairn’s rules for this record.')).toBeNull();
  });

  it('warns that findings may not hold when a medication list could not be loaded', async () => {
    renderApp({ resources: record, failures: { MedicationStatement: httpError(403) } });
    await screen.findByRole('article', { name: /Creatinine rose/ });
    const note = await screen.findByRole('note');
    expect(note.textContent).toMatch(/Medication statements could not be loaded/);
    expect(note.textContent).toMatch(/may not hold/);
  });

  it('shows a clear screen when the FHIR server is down', async () => {
    renderApp({ resources: record, failures: { Patient: new TypeError('Failed to fetch') } });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'The FHIR server is not answering' })).toBeTruthy();
  });

  it('shows a relaunch screen when the session expired', async () => {
    renderApp({ resources: record, failures: { Condition: httpError(401) } });
    const heading = await screen.findByRole('heading', { name: 'Session expired' });
    expect(heading.closest('[role="alert"]')?.textContent).toMatch(/Relaunch Cairn from the EHR/);
  });

  it('tells the engine failure apart from "no findings"', async () => {
    const broken: RunEngine = () => {
      throw new Error('boom');
    };
    renderApp({ resources: record }, { engine: broken });
    expect(await screen.findByText(/reasoning engine could not run/)).toBeTruthy();
    expect(screen.queryByText(/No findings/)).toBeNull();
  });
});

describe('App finding details', () => {
  it('shows severity, why, inputs with dates, citations and scores', async () => {
    renderApp({ resources: record }, { engine: fakeEngine([makeFinding()], [score]) });
    const card = await screen.findByRole('article', { name: /Creatinine rose/ });
    expect(within(card).getByText('Warning')).toBeTruthy();
    expect(within(card).getByText('0.6 mg/dL').tagName).toBe('STRONG');
    const inputs = within(card).getByRole('table', { name: 'Inputs' });
    expect(within(inputs).getByRole('rowheader', { name: 'Creatinine' })).toBeTruthy();
    expect(within(inputs).getByText('2021-03-30')).toBeTruthy();
    const source = within(card).getByRole('link', { name: /KDIGO/ });
    expect(source.getAttribute('href')).toBe('https://kdigo.org/guidelines/acute-kidney-injury/');
    expect(await within(card).findByRole('img', { name: /Creatinine trend/ })).toBeTruthy();
    const scoreCard = screen.getByRole('article', { name: /CHA₂DS₂-VASc: 3/ });
    expect(within(scoreCard).getByRole('rowheader', { name: 'Age 65–74' })).toBeTruthy();
  });

  it('says what to do right under the summary, outside the folded "Why", and not again inside it', async () => {
    renderApp({ resources: record }, { engine: fakeEngine([makeFinding()]) });
    const card = await screen.findByRole('article', { name: /Creatinine rose/ });
    const action = within(card).getByText('Repeat the creatinine and review nephrotoxic drugs.');
    expect(action.textContent).toBe('What to do: Repeat the creatinine and review nephrotoxic drugs.');
    expect(action.closest('details')).toBeNull();
    expect(action.previousElementSibling?.tagName).toBe('H3');
    expect(card.querySelector('details')?.open).toBe(false);
    expect(card.querySelector('details')?.textContent).not.toContain('Repeat the creatinine');
  });

  it('opens the source resource from an evidence chip and returns focus on close', async () => {
    renderApp({ resources: record });
    const card = await screen.findByRole('article', { name: /Creatinine rose/ });
    const chip = within(within(card).getByRole('list', { name: 'Evidence' })).getByRole('button', {
      name: /Open source: Creatinine 1.6/,
    });
    chip.focus();
    chip.click();
    const dialog = await screen.findByRole('dialog', { name: 'Source: Observation/o2' });
    expect(within(dialog).getByText('1.6 mg/dL')).toBeTruthy();
    expect(within(dialog).getByText(/"resourceType": "Observation"/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Close'));
    within(dialog).getByRole('button', { name: 'Close' }).click();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(chip);
  });

  it('closes the evidence dialog with Escape and keeps Tab inside it', async () => {
    renderApp({ resources: record });
    const chip = await screen.findByRole('button', { name: /Open source: Creatinine 1.6/ });
    fireEvent.click(chip);
    const dialog = await screen.findByRole('dialog');
    const close = within(dialog).getByRole('button', { name: 'Close' });
    await waitFor(() => expect(document.activeElement).toBe(close));
    fireEvent.keyDown(close, { key: 'Tab' });
    expect(document.activeElement?.tagName).toBe('SUMMARY');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(chip);
  });

  it('describes the trend plot for screen readers', async () => {
    renderApp({ resources: record });
    const plot = await screen.findByRole('img', { name: /Creatinine trend \(mg\/dL\)/ });
    expect(plot.querySelector('desc')?.textContent).toBe(
      '2 values from 2021-03-28 to 2021-03-30; lowest 1, highest 1.6, latest 1.6 mg/dL on 2021-03-30.',
    );
  });

  it('opens at the finding named by the card appContext', async () => {
    const other = makeFinding({ id: 'other:1', ruleId: 'other', summary: 'Another finding', severity: 'critical' });
    renderApp(
      {
        resources: record,
        context: { appContext: JSON.stringify({ findingId: 'aki-creatinine-rise:Observation/o2' }) },
      },
      { engine: fakeEngine([other, makeFinding()]) },
    );
    const card = await screen.findByRole('article', { name: /Creatinine rose/ });
    await waitFor(() => expect(document.activeElement).toBe(card));
    expect(card.querySelector('details')?.open).toBe(true);
  });
});
