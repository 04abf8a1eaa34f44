import { describe, expect, it } from 'vitest';
import { fillTemplate, fulfilPrefetch } from '../../../demo/ehr/prefetch';
import { MemoryRepository } from '../../../demo/fhir/repository';
import { loadDemoResources } from '../../../demo/patients/load';

const repo = new MemoryRepository(loadDemoResources({ teachingOnly: true }));
const context = { patientId: 'teach-aki', userId: 'Practitioner/demo-clinician' };

describe('demo EHR prefetch', () => {
  it('fills context and user tokens', () => {
    expect(
      fillTemplate(
        'Observation?patient={{context.patientId}}&performer={{userPractitionerId}}',
        context,
        'Practitioner/demo-clinician',
      ),
    ).toBe('Observation?patient=teach-aki&performer=demo-clinician');
  });

  it('omits a key whose token has no value, sends null for a missing resource, and returns whole searchsets', () => {
    const result = fulfilPrefetch(
      repo,
      'http://ehr/fhir',
      {
        encounter: 'Encounter/{{context.encounterId}}',
        missing: 'Practitioner/nobody',
        labs: 'Observation?patient={{context.patientId}}&code=http://loinc.org|38483-4',
      },
      context,
      'Practitioner/demo-clinician',
    );
    expect(Object.keys(result).sort()).toEqual(['labs', 'missing']);
    expect(result.missing).toBeNull();
    expect((result.labs as fhir4.Bundle).total).toBe(3);
    expect((result.labs as fhir4.Bundle).link?.some((l) => l.relation === 'next')).toBe(false);
  });
});
