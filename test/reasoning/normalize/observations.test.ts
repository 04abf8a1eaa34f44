import { describe, expect, it } from 'vitest';
import { normalize } from '@reasoning/normalize';
import { makeBloodPressure, makeInput, makeObservation } from '../support/fhir-builders';

const facts = (resources: fhir4.Resource[]) => normalize(makeInput(resources));

describe('normalize: observations', () => {
  it.each([
    ['creatinine mg/dL kept', '2160-0', 1.2, 'mg/dL', 'creatinine', 1.2],
    ['creatinine µmol/L ÷ 88.4', '14682-9', 88.4, 'umol/L', 'creatinine', 1],
    ['potassium mEq/L = mmol/L', '2823-3', 5.1, 'mEq/L', 'potassium', 5.1],
    ['temperature °F → Cel', '8310-5', 98.6, '[degF]', 'body-temperature', 37],
    ['weight lb → kg', '29463-7', 220, '[lb_av]', 'body-weight', 99.79],
    ['height in → cm', '8302-2', 70, '[in_i]', 'body-height', 177.8],
    ['Synthea eGFR "mL/min" on 33914-3', '33914-3', 41, 'mL/min', 'egfr', 41],
    ['INR unitless', '6301-6', 2.4, '{INR}', 'inr', 2.4],
  ])('%s', (_name, loinc, value, unit, analyte, expected) => {
    const [o] = facts([makeObservation({ loinc, value, unit })]).observations.get(analyte) ?? [];
    expect(o?.value).toBeCloseTo(expected, 2);
    expect(o?.originalValue).toBe(value);
    expect(o?.originalUnit).toBe(unit);
  });

  it('keeps a reported bound (eGFR ">60") with its comparator', () => {
    const o = makeObservation({ loinc: '33914-3', value: 60, unit: 'mL/min/{1.73_m2}' });
    o.valueQuantity = { ...o.valueQuantity, comparator: '>' };
    expect(facts([o]).observations.get('egfr')?.[0]).toMatchObject({ value: 60, comparator: '>' });
  });

  it('splits a blood-pressure panel into systolic and diastolic', () => {
    const f = facts([makeBloodPressure(142, 88, 'bp1')]);
    expect(f.observations.get('systolic-bp')?.[0]).toMatchObject({
      value: 142,
      ref: 'Observation/bp1',
      loinc: '8480-6',
    });
    expect(f.observations.get('diastolic-bp')?.[0]?.value).toBe(88);
  });

  it('orders each analyte oldest first', () => {
    const f = facts([
      makeObservation({ loinc: '6298-4', value: 4.9, unit: 'mmol/L', date: '2021-03-01' }),
      makeObservation({ loinc: '6298-4', value: 4.1, unit: 'mmol/L', date: '2020-01-01' }),
    ]);
    expect(f.observations.get('potassium')?.map((o) => o.value)).toEqual([4.1, 4.9]);
  });

  it.each([
    ['unknown unit', { loinc: '2160-0', value: 1, unit: 'furlongs' }, 'unknown unit'],
    [
      'entered-in-error',
      { loinc: '2160-0', value: 1, unit: 'mg/dL', status: 'entered-in-error' as const },
      'status entered-in-error',
    ],
    ['registered', { loinc: '2160-0', value: 1, unit: 'mg/dL', status: 'registered' as const }, 'status registered'],
    ['missing date', { loinc: '2160-0', value: 1, unit: 'mg/dL', date: null }, 'missing or unparseable'],
    ['no value', { loinc: '2160-0' }, 'no numeric valueQuantity'],
    ['implausible value', { loinc: '6298-4', value: 45, unit: 'mmol/L' }, 'implausible'],
    ['future date', { loinc: '6298-4', value: 4, unit: 'mmol/L', date: '2022-01-01' }, 'dated after now'],
  ])('skips %s with the reason', (_name, opts, reason) => {
    const f = facts([makeObservation({ id: 'x', ...opts })]);
    expect([...f.observations.values()].flat()).toHaveLength(0);
    expect(f.skipped).toContainEqual({ subject: 'Observation/x', reason: expect.stringContaining(reason) });
  });

  it('uses a preliminary result and says so in its display (a silent all-clear would be worse)', () => {
    const [k] =
      facts([makeObservation({ loinc: '2823-3', value: 6.8, unit: 'mmol/L', status: 'preliminary' })]).observations.get(
        'potassium',
      ) ?? [];
    expect(k).toMatchObject({ value: 6.8, display: expect.stringContaining('(preliminary)') });
  });

  it('ignores analytes the engine does not use, without listing them as skipped', () => {
    const f = facts([makeObservation({ loinc: '2093-3', value: 190, unit: 'mg/dL' })]);
    expect(f.observations.size).toBe(0);
    expect(f.skipped).toEqual([]);
  });
});
