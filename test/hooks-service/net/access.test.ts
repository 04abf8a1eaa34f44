import { describe, expect, it } from 'vitest';
import { isAllowedFhirServer } from '../../../hooks-service/net/access';

describe('CAIRN_FHIR_ALLOWLIST prefix entries (ending in /*)', () => {
  const list = ['https://fhir.example/tenants/*'];

  it('allows every base under the path on the same origin (a tenant in the path, a per-launch segment)', () => {
    expect(isAllowedFhirServer('https://fhir.example/tenants/ec2458f2/r4', list)).toBe(true);
    expect(isAllowedFhirServer('https://fhir.example/tenants/abc/', list)).toBe(true);
  });

  it('never allows the prefix itself, a sibling path, a path that climbs out, or a query', () => {
    expect(isAllowedFhirServer('https://fhir.example/tenants', list)).toBe(false);
    expect(isAllowedFhirServer('https://fhir.example/tenantsX/a', list)).toBe(false);
    expect(isAllowedFhirServer('https://fhir.example/tenants/../admin', list)).toBe(false);
    expect(isAllowedFhirServer('https://fhir.example/tenants/%2e%2e/admin', list)).toBe(false);
    expect(isAllowedFhirServer('https://fhir.example/tenants/a?next=https://evil.example', list)).toBe(false);
  });

  it('never allows another origin: other host, port, scheme, or userinfo tricks', () => {
    expect(isAllowedFhirServer('https://evil.example/tenants/a', list)).toBe(false);
    expect(isAllowedFhirServer('https://fhir.example:8443/tenants/a', list)).toBe(false);
    expect(isAllowedFhirServer('http://fhir.example/tenants/a', list)).toBe(false);
    expect(isAllowedFhirServer('https://fhir.example@evil.example/tenants/a', list)).toBe(false);
    expect(isAllowedFhirServer('https://fhir.example.evil.example/tenants/a', list)).toBe(false);
  });

  it('keeps exact entries exact: no prefix match without /*', () => {
    expect(isAllowedFhirServer('https://fhir.example/r4/sub', ['https://fhir.example/r4'])).toBe(false);
    expect(isAllowedFhirServer('https://fhir.example/r4', ['https://fhir.example/r4'])).toBe(true);
  });

  it('allows the whole origin with an entry of origin + /*', () => {
    expect(isAllowedFhirServer('https://fhir.example/any/base', ['https://fhir.example/*'])).toBe(true);
  });
});
