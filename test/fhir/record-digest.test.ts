import { describe, expect, it } from 'vitest';
import { recordDigest } from '@fhir/record-digest';

const inr = (id: string, meta?: fhir4.Meta): fhir4.Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '6301-6', display: 'INR in Platelet poor plasma' }] },
  subject: { reference: 'Patient/p1' },
  ...(meta && { meta }),
});
const patient: fhir4.Patient = { resourceType: 'Patient', id: 'p1', meta: { versionId: '3' } };

describe('record digest', () => {
  it('is the same for the same resource versions in any order (search results are unordered)', () => {
    expect(recordDigest([patient, inr('o1'), inr('o2')])).toBe(recordDigest([inr('o2'), patient, inr('o1')]));
    expect(recordDigest([patient])).toMatch(/^fnv1a-2x32:[0-9a-f]{16}$/);
  });

  it('changes when a resource is missing on one side, or another resource is read', () => {
    const both = recordDigest([patient, inr('o1')]);
    expect(recordDigest([patient])).not.toBe(both);
    expect(recordDigest([patient, inr('o9')])).not.toBe(both);
    expect(recordDigest([patient, { ...inr('o1'), resourceType: 'Condition' }])).not.toBe(both);
  });

  it('changes with meta.versionId, else with meta.lastUpdated (the chart changed between two reads)', () => {
    expect(recordDigest([inr('o1', { versionId: '1' })])).not.toBe(recordDigest([inr('o1', { versionId: '2' })]));
    expect(recordDigest([inr('o1', { lastUpdated: '2021-03-30T08:00:00Z' })])).not.toBe(
      recordDigest([inr('o1', { lastUpdated: '2021-03-30T09:00:00Z' })]),
    );
  });

  it('tells an empty read from a read of one resource without id or version', () => {
    expect(recordDigest([])).not.toBe(recordDigest([{ resourceType: 'Observation' }]));
  });
});
