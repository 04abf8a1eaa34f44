import { describe, expect, it } from 'vitest';
import { buildScope, choosePkceMode, parseSmartConfiguration } from '../../launch/scopes';

const v2 = parseSmartConfiguration({
  capabilities: ['launch-ehr', 'permission-v2', 'permission-online'],
  code_challenge_methods_supported: ['S256'],
});
const v1 = parseSmartConfiguration({ capabilities: ['launch-ehr'] });

describe('scopes', () => {
  it('asks a v2 server for read+search on the eight types the engine reads, launch and identity', () => {
    expect(buildScope({ config: v2, ehrLaunch: true })).toBe(
      'launch openid fhirUser online_access patient/Patient.rs patient/Condition.rs patient/MedicationRequest.rs ' +
        'patient/MedicationStatement.rs patient/MedicationAdministration.rs patient/MedicationDispense.rs ' +
        'patient/AllergyIntolerance.rs patient/Observation.rs',
    );
  });

  it('falls back to v1 .read scopes when the server lacks permission-v2', () => {
    const scope = buildScope({ config: v1, ehrLaunch: true });
    expect(scope).toContain('patient/Observation.read');
    expect(scope).not.toContain('.rs');
    expect(scope).not.toContain('online_access');
  });

  it('asks for online_access when the server lists it among supported scopes', () => {
    const listed = parseSmartConfiguration({ capabilities: ['permission-v2'], scopes_supported: ['online_access'] });
    expect(buildScope({ config: listed, ehrLaunch: true }).split(' ')).toContain('online_access');
  });

  it('asks for launch/patient on a standalone launch', () => {
    const scope = buildScope({ config: v2, ehrLaunch: false }).split(' ');
    expect(scope).toContain('launch/patient');
    expect(scope).not.toContain('launch');
  });

  it('never asks for write or user-level scopes', () => {
    expect(buildScope({ config: v2, ehrLaunch: true })).not.toMatch(/\.(c|u|d|write|\*)\b|user\//);
  });

  it('requires PKCE on SMART v2 servers and tolerates v1 servers without S256', () => {
    expect(choosePkceMode(v2)).toBe('required');
    expect(choosePkceMode(v1)).toBe('ifSupported');
  });

  it('treats a malformed configuration as empty', () => {
    expect(parseSmartConfiguration('nope')).toEqual({
      capabilities: [],
      codeChallengeMethods: [],
      scopesSupported: [],
    });
  });
});
