// @vitest-environment happy-dom
/** What a clinician reads: rounded values, told-apart evidence chips, no meaningless score points, a quiet loaded bar. */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Score } from '@reasoning/types';
import { chipLabel } from '../../src/app/ui/Evidence';
import { formatMeasure, observationValue, readableDateTime } from '../../src/app/ui/describe';
import { ScoreList } from '../../src/app/ui/ScoreList';
import TrendPlot from '../../src/app/ui/TrendPlot';
import { LoadProgress } from '../../src/app/ui/Status';
import { RECORD_TYPES, type RecordType, type TypeLoad } from '../../src/app/data/load-record';
import { Narrative } from '../../src/app/ui/Narrative';
import { makeCreatinine, reasoning } from './support/builders';

afterEach(cleanup);

describe('measured values', () => {
  it.each([
    [97.59468734415469, '97.6'],
    [1.2345, '1.23'],
    [0.01234, '0.0123'],
    [1234.5, '1235'],
    [44, '44'],
  ])('shows %s as %s', (v, shown) => {
    expect(formatMeasure(v)).toBe(shown);
  });

  it('rounds for chips and keeps the recorded value for the resource view', () => {
    const obs = makeCreatinine('o1', 1.23456, '2021-03-30');
    expect(observationValue(obs, false)).toBe('1.23 mg/dL');
    expect(observationValue(obs)).toBe('1.23456 mg/dL');
  });
});

describe('evidence chips', () => {
  it('tell two results of the same test apart by value and date', () => {
    const a = chipLabel('Observation/o1', 'Creatinine', makeCreatinine('o1', 1.1, '2021-03-28'));
    const b = chipLabel('Observation/o2', 'Creatinine', makeCreatinine('o2', 1.7, '2021-03-30'));
    expect(a).toBe('Creatinine 1.1 mg/dL · 2021-03-28');
    expect(b).toBe('Creatinine 1.7 mg/dL · 2021-03-30');
  });

  it('do not repeat a value the engine already put in the label', () => {
    expect(chipLabel('Observation/o2', 'Creatinine 1.7 mg/dL', makeCreatinine('o2', 1.7, '2021-03-30'))).toBe(
      'Creatinine 1.7 mg/dL · 2021-03-30',
    );
  });
});

describe('scores', () => {
  const egfr: Score = {
    id: 'egfr-ckd-epi-2021',
    name: 'eGFR',
    value: 44,
    unit: 'mL/min/1.73 m²',
    interpretation: 'G3b',
    components: [{ name: 'Serum creatinine', points: 0, value: '1.7 mg/dL', date: '2021-03-30' }],
    citations: [{ title: 'Inker 2021', year: 2021 }],
  };

  it('shows no Points column for eGFR, a formula rather than a points score', () => {
    render(<ScoreList scores={[egfr]} resolve={() => undefined} onOpen={() => undefined} />);
    const table = screen.getByRole('table', { name: 'Components' });
    expect(within(table).queryByRole('columnheader', { name: 'Points' })).toBeNull();
    expect(within(table).getByRole('columnheader', { name: 'Value' })).toBeTruthy();
  });

  it('keeps the Points column for a points score, even when every component scores 0', () => {
    const { unit: _unit, ...formula } = egfr;
    const chads: Score = { ...formula, id: 'cha2ds2-vasc', name: 'CHA2DS2-VASc', value: 0 };
    render(<ScoreList scores={[chads]} resolve={() => undefined} onOpen={() => undefined} />);
    expect(screen.getByRole('columnheader', { name: 'Points' })).toBeTruthy();
  });
});

describe('load progress', () => {
  it('collapses to one quiet line once every type has loaded', () => {
    const loads = Object.fromEntries(RECORD_TYPES.map((t) => [t, { status: 'loaded', count: 1 }])) as unknown as Record<
      RecordType,
      TypeLoad
    >;
    render(<LoadProgress loads={loads} />);
    const section = screen.getByRole('region', { name: 'Record loading' });
    expect(section.className).toContain('done');
    expect(within(section).getByText(/Record loaded/)).toBeTruthy();
  });
});

describe('resource view dates', () => {
  it.each([
    ['2021-03-31T08:15:00Z', '2021-03-31 08:15 UTC'],
    ['2021-03-31T08:15:00.123+02:00', '2021-03-31 08:15 +02:00'],
    ['2021-03-31', '2021-03-31'],
    [undefined, undefined],
  ])('shows %s as %s', (raw, shown) => {
    expect(readableDateTime(raw)).toBe(shown);
  });
});

describe('trend plot', () => {
  it('writes each value and the first and last dates on the plot', () => {
    const points = [
      ['2021-03-20', 5.1],
      ['2021-03-28', 5.6],
      ['2021-03-31', 6.0512],
    ] as const;
    const series = {
      title: 'Potassium',
      unit: 'mmol/L',
      points: points.map(([date, value], i) => ({ date, value, ref: `Observation/k${i}` })),
    };
    render(<TrendPlot series={series} />);
    const plot = screen.getByRole('img', { name: /Potassium trend/ });
    for (const text of ['5.1', '5.6', '6.05', '2021-03-20', '2021-03-31'])
      expect(within(plot).getByText(text)).toBeTruthy();
    expect(screen.getByText('Potassium: latest 6.05 mmol/L (2021-03-31)')).toBeTruthy();
  });
});

describe('narrative evidence before the findings are drawn', () => {
  it('links a finding id as "See finding" even while the in-browser engine is still running, never as a raw id', () => {
    const obs = makeCreatinine('o2', 1.6, '2021-03-30');
    render(
      <Narrative
        state={{ status: 'ready', reasoning }}
        resolve={(r) => (r === 'Observation/o2' ? obs : undefined)}
        onOpen={() => undefined}
        findingIds={new Set()}
      />,
    );
    expect(screen.getByRole('link', { name: 'See finding' }).getAttribute('href')).toBe(
      '#finding-aki-creatinine-rise:Observation/o2',
    );
    expect(screen.queryByText(/aki-creatinine-rise:/)).toBeNull();
    expect(screen.getByRole('button', { name: /Open source: Creatinine 1.6/ })).toBeTruthy();
  });
});
