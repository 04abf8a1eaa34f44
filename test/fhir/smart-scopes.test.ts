import { describe, expect, it } from 'vitest';
import { parseScopes } from '@fhir/smart-scopes';

describe('SMART scopes: what a token lets the service read', () => {
  it('reads SMART App Launch 2 scopes: .rs reads and searches, .r reads only, .s searches only', () => {
    const g = parseScopes('launch openid patient/Observation.rs patient/Patient.r user/Condition.s');
    expect(g.allows('Observation', 'search')).toBe(true);
    expect(g.allows('Observation', 'read')).toBe(true);
    expect(g.allows('Patient', 'read')).toBe(true);
    expect(g.allows('Patient', 'search')).toBe(false);
    expect(g.allows('Condition', 'search')).toBe(true);
    expect(g.allows('Condition', 'read')).toBe(false);
    expect(g.allows('AllergyIntolerance', 'search')).toBe(false);
  });

  it('accepts SMART 1 scopes from CDS Hooks 2.0 clients: .read, .* and wildcards', () => {
    expect(parseScopes('patient/*.read').allows('MedicationRequest', 'search')).toBe(true);
    expect(parseScopes('user/Observation.*').allows('Observation', 'read')).toBe(true);
    expect(parseScopes('patient/Observation.write').allows('Observation', 'read')).toBe(false);
  });

  it('counts a v2 scope with a search filter (the server narrows it) and a cruds scope', () => {
    const g = parseScopes(
      'patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory system/Condition.cruds',
    );
    expect(g.allows('Observation', 'search')).toBe(true);
    expect(g.allows('Condition', 'read')).toBe(true);
  });

  it('does not read permissions out of order or unknown letters (v2 is c r u d s, in order)', () => {
    expect(parseScopes('patient/Observation.sr').allows('Observation', 'search')).toBe(true); // no valid scope parsed: unrestricted
    expect(parseScopes('patient/Condition.rs patient/Observation.sr').allows('Observation', 'search')).toBe(false);
  });

  it('restricts nothing when the scope names no SMART resource scope (an opaque value): the server decides', () => {
    expect(parseScopes('opaque-grant').allows('Observation', 'search')).toBe(true);
  });
});
