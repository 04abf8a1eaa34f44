import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../../hooks-service/prefetch/templates';
import { isAllowedFhirServer, isUnderBase } from '../../../hooks-service/net/access';

const context = {
  patientId: 'p-1',
  userId: 'Practitioner/doc 1',
  encounterId: 'e1',
  draftOrders: { resourceType: 'Bundle' },
};

describe('prefetch tokens (CDS Hooks 2.0 §Prefetch tokens)', () => {
  it.each([
    ['Patient/{{context.patientId}}', 'Patient/p-1'],
    ['Condition?patient={{context.patientId}}&encounter={{context.encounterId}}', 'Condition?patient=p-1&encounter=e1'],
    ['Practitioner/{{userPractitionerId}}', 'Practitioner/doc%201'],
    ['PractitionerRole?_id={{userPractitionerRoleId}}', undefined],
    ['Bundle/{{context.draftOrders}}', undefined],
    ['Observation?patient={{context.missing}}', undefined],
  ])('%s → %s', (template, expected) => {
    expect(fillTemplate(template, context)).toBe(expected);
  });
});

describe('which FHIR servers may receive the token', () => {
  it('allows listed bases and the verified issuer’s own origin, nothing else', () => {
    expect(isAllowedFhirServer('https://fhir.example/r4/', ['https://fhir.example/r4'])).toBe(true);
    expect(isAllowedFhirServer('https://fhir.example/other', ['https://fhir.example/r4'])).toBe(false);
    expect(isAllowedFhirServer('https://ehr.example/fhir', [], 'https://ehr.example/issuer')).toBe(true);
    expect(isAllowedFhirServer('https://ehr.example.evil/fhir', [], 'https://ehr.example/issuer')).toBe(false);
    expect(isAllowedFhirServer('file:///etc', ['file:///etc'])).toBe(false);
  });

  it('keeps paging links under the FHIR base', () => {
    expect(isUnderBase('https://f.example/r4/Observation?page=2', 'https://f.example/r4')).toBe(true);
    expect(isUnderBase('https://f.example/r4x/Observation', 'https://f.example/r4')).toBe(false);
    expect(isUnderBase('https://evil.example/r4/Observation', 'https://f.example/r4')).toBe(false);
  });
});
