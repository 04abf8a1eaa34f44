import { describe, expect, it } from 'vitest';
import { computeNews2 } from '@reasoning/scores';
import { makeFacts, makeObservationFact } from '../support/fact-builders';

const T = '2021-04-01T10:00:00Z';
const vitals = (v: Partial<Record<string, number>>, date = T) =>
  Object.entries(v).map(([k, x]) => makeObservationFact(k, x as number, date));
const normal = { 'respiratory-rate': 16, spo2: 97, 'systolic-bp': 125, 'heart-rate': 75, 'body-temperature': 37 };

describe('computeNews2', () => {
  it('is omitted when no vital sign is from the last 24 h', () => {
    expect(computeNews2(makeFacts({ observations: vitals(normal, '2021-03-30T10:00:00Z') }))).toBeUndefined();
  });

  it('labels a score without oxygen and consciousness as PARTIAL and names what is missing', () => {
    const s = computeNews2(makeFacts({ observations: vitals(normal) }));
    expect(s?.value).toBe(0);
    expect(s?.name).toMatch(/PARTIAL \(5 of 7/);
    expect(s?.interpretation).toMatch(/^PARTIAL/);
    expect(s?.insufficient).toMatch(/Air or oxygen, Consciousness/);
  });

  it.each([
    ['respiratory-rate', 8, 3],
    ['respiratory-rate', 9, 1],
    ['respiratory-rate', 11, 1],
    ['respiratory-rate', 12, 0],
    ['respiratory-rate', 20, 0],
    ['respiratory-rate', 21, 2],
    ['respiratory-rate', 24, 2],
    ['respiratory-rate', 25, 3],
    ['spo2', 91, 3],
    ['spo2', 92, 2],
    ['spo2', 93, 2],
    ['spo2', 94, 1],
    ['spo2', 95, 1],
    ['spo2', 96, 0],
    ['systolic-bp', 90, 3],
    ['systolic-bp', 91, 2],
    ['systolic-bp', 100, 2],
    ['systolic-bp', 101, 1],
    ['systolic-bp', 110, 1],
    ['systolic-bp', 111, 0],
    ['systolic-bp', 219, 0],
    ['systolic-bp', 220, 3],
    ['heart-rate', 40, 3],
    ['heart-rate', 41, 1],
    ['heart-rate', 50, 1],
    ['heart-rate', 51, 0],
    ['heart-rate', 90, 0],
    ['heart-rate', 91, 1],
    ['heart-rate', 110, 1],
    ['heart-rate', 111, 2],
    ['heart-rate', 130, 2],
    ['heart-rate', 131, 3],
    ['body-temperature', 35.0, 3],
    ['body-temperature', 35.1, 1],
    ['body-temperature', 36.0, 1],
    ['body-temperature', 36.1, 0],
    ['body-temperature', 38.0, 0],
    ['body-temperature', 38.1, 1],
    ['body-temperature', 39.0, 1],
    ['body-temperature', 39.1, 2],
  ])('%s %s scores %i (RCP 2017 chart boundaries)', (analyte, value, points) => {
    const s = computeNews2(makeFacts({ observations: vitals({ [analyte]: value }) }));
    expect(s?.components[0]?.points).toBe(points);
  });

  it.each([
    { v: { ...normal, 'respiratory-rate': 25 }, response: /single parameter scores 3: urgent/ },
    {
      v: { ...normal, 'respiratory-rate': 21, 'heart-rate': 111, 'body-temperature': 38.5 },
      response: /medium clinical risk: urgent response/,
    },
    { v: { ...normal, 'respiratory-rate': 25, spo2: 91, 'heart-rate': 111 }, response: /emergency response/ },
    { v: { ...normal, 'heart-rate': 95 }, response: /low clinical risk: ward-based/ },
  ])('gives the response for the aggregate ($response)', ({ v, response }) => {
    expect(computeNews2(makeFacts({ observations: vitals(v) }))?.interpretation).toMatch(response);
  });

  it('uses the latest value per parameter', () => {
    const obs = [
      ...vitals({ 'heart-rate': 140 }, '2021-04-01T02:00:00Z'),
      ...vitals({ 'heart-rate': 80 }, '2021-04-01T09:00:00Z'),
    ];
    expect(computeNews2(makeFacts({ observations: obs }))?.components[0]).toMatchObject({
      points: 0,
      value: '80 /min',
    });
  });
});
