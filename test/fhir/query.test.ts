import { describe, expect, it } from 'vitest';
import { readQuery, searchQuery } from '@fhir/query';

describe('FHIR query builder', () => {
  it('percent-encodes every value, so system|code survives a proxy: code=http%3A%2F%2Floinc.org%7C6301-6', () => {
    expect(
      searchQuery('Observation', [
        ['patient', 'p1'],
        ['code', 'http://loinc.org|6301-6'],
      ]),
    ).toBe('Observation?patient=p1&code=http%3A%2F%2Floinc.org%7C6301-6');
  });

  it('joins OR alternatives with a bare comma, each alternative encoded', () => {
    expect(
      searchQuery('MedicationRequest', [
        ['status', ['active', 'on-hold']],
        ['code', ['http://loinc.org|1', 'a&b']],
      ]),
    ).toBe('MedicationRequest?status=active,on-hold&code=http%3A%2F%2Floinc.org%7C1,a%26b');
  });

  it('encodes ids and characters that would end or split a parameter (&, =, #, space)', () => {
    expect(
      searchQuery('Condition', [
        ['patient', 'a b&c=d#e'],
        ['_count', 200],
      ]),
    ).toBe('Condition?patient=a%20b%26c%3Dd%23e&_count=200');
    expect(readQuery('Patient', 'x/y')).toBe('Patient/x%2Fy');
  });

  it('keeps CDS Hooks prefetch tokens verbatim for the client to fill', () => {
    expect(searchQuery('Condition', [['patient', { token: 'context.patientId' }]])).toBe(
      'Condition?patient={{context.patientId}}',
    );
    expect(readQuery('Patient', { token: 'context.patientId' })).toBe('Patient/{{context.patientId}}');
  });

  it('is a bare type when there are no parameters', () => {
    expect(searchQuery('Patient', [])).toBe('Patient');
  });
});
