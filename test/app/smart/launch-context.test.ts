import { describe, expect, it } from 'vitest';
import { classifyFhirError, classifyLaunchError } from '../../../src/app/data/errors';
import { parseAppContext, readLaunchContext } from '../../../src/app/smart/launch-context';

describe('launch context', () => {
  it('reads the finding id from a CDS Hooks appContext string', () => {
    expect(parseAppContext('{"findingId":"ddi-warfarin-nsaid:MedicationRequest/1"}')).toBe(
      'ddi-warfarin-nsaid:MedicationRequest/1',
    );
  });

  it.each([['not json'], ['{"other":1}'], ['{"findingId":""}'], [42], [undefined]])(
    'ignores an unusable appContext %j',
    (value) => {
      expect(parseAppContext(value)).toBeUndefined();
    },
  );

  it('shows our banner unless the EHR says need_patient_banner=false', () => {
    expect(readLaunchContext({}).needPatientBanner).toBe(true);
    expect(readLaunchContext({ need_patient_banner: true }).needPatientBanner).toBe(true);
    expect(readLaunchContext({ need_patient_banner: false }).needPatientBanner).toBe(false);
  });

  it('accepts only an http(s) smart_style_url', () => {
    expect(readLaunchContext({ smart_style_url: 'https://ehr.example.org/s.json' }).smartStyleUrl).toBe(
      'https://ehr.example.org/s.json',
    );
    expect(readLaunchContext({ smart_style_url: 'javascript:alert(1)' }).smartStyleUrl).toBeUndefined();
  });
});

describe('error screens', () => {
  it.each([
    [new Error('access_denied: the user denied access'), 'consent-denied'],
    [new Error("No 'state' parameter found. Please (re)launch the app."), 'no-launch-state'],
    [new Error('No state found! Please (re)launch the app.'), 'no-launch-state'],
    [new TypeError('Failed to fetch'), 'fhir-down'],
    [new Error('invalid_grant'), 'launch-failed'],
  ])('classifies a launch failure %#', (error, kind) => {
    expect(classifyLaunchError(error)).toBe(kind);
  });

  it.each([
    [401, 'session-expired'],
    [403, 'forbidden'],
    [404, 'no-patient'],
    [502, 'fhir-down'],
    [400, 'launch-failed'],
  ])('classifies FHIR status %i', (status, kind) => {
    expect(classifyFhirError(Object.assign(new Error('HTTP'), { status }))).toBe(kind);
  });
});
