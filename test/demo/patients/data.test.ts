import { describe, expect, it } from 'vitest';
import { loadDemoResources, shiftDaysFor } from '../../../demo/patients/load';
import { shiftDates } from '../../../demo/patients/shift-dates';

describe('demo data', () => {
  it('loads the Synthea set and the teaching cases with no urn:uuid subject left', () => {
    const resources = loadDemoResources();
    const patients = resources.filter((r) => r.resourceType === 'Patient');
    expect(patients).toHaveLength(36);
    const subjects = resources.map((r) => (r as { subject?: fhir4.Reference }).subject?.reference).filter(Boolean);
    expect(subjects.every((ref) => ref?.startsWith('Patient/'))).toBe(true);
  });

  it('moves full dates by whole days and leaves times, partial dates and ids alone', () => {
    const shifted = shiftDates(
      { id: '2021-01-01', birthDate: '1950-02-28', effectiveDateTime: '2021-03-31T06:40:00+02:00', year: '2019' },
      1,
    );
    expect(shifted).toEqual({
      id: '2021-01-01',
      birthDate: '1950-03-01',
      effectiveDateTime: '2021-04-01T06:40:00+02:00',
      year: '2019',
    });
  });

  it('puts the newest data on the day before now', () => {
    const days = shiftDaysFor(new Date('2026-11-23T14:00:00Z'));
    const [aki] = loadDemoResources({ teachingOnly: true, shiftDays: days }).filter(
      (r) => r.id === 'teach-aki-creat-3',
    );
    expect((aki as fhir4.Observation).effectiveDateTime).toBe('2026-11-22T06:40:00Z');
  });
});
