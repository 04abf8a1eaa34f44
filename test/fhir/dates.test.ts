import { describe, expect, it } from 'vitest';
import { ageInYears, daysBetween, parseFhirDate } from '@fhir/dates';

describe('ageInYears', () => {
  it.each([
    ['1950-04-01', '2021-04-01', 71],
    ['1950-04-02', '2021-04-01', 70],
    ['1950', '2021-04-01T10:00:00Z', 71],
    ['1950-05', '2021-04-01', 70],
  ])('counts whole years from %s to %s', (birth, at, age) => {
    expect(ageInYears(birth, at)).toBe(age);
  });

  it.each([[undefined], [''], ['not a date'], ['2030-01-01']])(
    'gives undefined for unusable birth date %s',
    (birth) => {
      expect(ageInYears(birth, '2021-04-01')).toBeUndefined();
    },
  );
});

describe('parseFhirDate and daysBetween', () => {
  it('reads partial dates from their first instant', () => {
    expect(parseFhirDate('2021-03')).toBe(Date.parse('2021-03-01T00:00:00Z'));
  });
  it('never throws on garbage', () => {
    expect(parseFhirDate('yesterday')).toBeUndefined();
    expect(daysBetween('x', '2021-01-01')).toBeUndefined();
  });
  it('counts days between dateTimes', () => {
    expect(daysBetween('2021-03-30T12:00:00Z', '2021-04-01T12:00:00Z')).toBe(2);
  });
});
