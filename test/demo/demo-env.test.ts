import { describe, expect, it } from 'vitest';
import { demoEnvironment } from '../../demo/demo-env';
import { ConfigError } from '../../hooks-service/env';

describe('demo environment defaults', () => {
  it('trusts the demo EHR issuer and allow-lists the demo FHIR base under both loopback names', () => {
    const { env, ehrIssuer } = demoEnvironment({ PORT: '4123' });
    expect(ehrIssuer).toBe('http://127.0.0.1:4123/demo-ehr');
    expect(JSON.parse(env.CDS_TRUSTED_ISSUERS ?? '{}')).toEqual({ [ehrIssuer]: `${ehrIssuer}/.well-known/jwks.json` });
    expect(env.CAIRN_FHIR_ALLOWLIST).toBe('http://127.0.0.1:4123/fhir http://localhost:4123/fhir');
  });

  it('takes a shorter demo token lifetime for trying session expiry', () => {
    expect(demoEnvironment({ CAIRN_DEMO_TOKEN_SECONDS: '60' }).accessTokenSeconds).toBe(60);
    expect(demoEnvironment({}).accessTokenSeconds).toBe(600);
  });

  it('keeps the demo FHIR server behind tokens unless CAIRN_DEMO_FHIR_OPEN=on', () => {
    expect(demoEnvironment({}).fhirAccess).toBe('smart');
    expect(demoEnvironment({ CAIRN_DEMO_FHIR_OPEN: 'off' }).fhirAccess).toBe('smart');
    expect(demoEnvironment({ CAIRN_DEMO_FHIR_OPEN: 'on' }).fhirAccess).toBe('open');
    expect(demoEnvironment({ CAIRN_DEMO_FHIR_OPEN: 'ON' }).fhirAccess).toBe('open');
  });

  it.each([
    [{ CAIRN_DEMO_FHIR_OPEN: 'yes' }, /CAIRN_DEMO_FHIR_OPEN must be one of on, off, got "yes"/],
    [{ CAIRN_DEMO_TOKEN_SECONDS: 'soon' }, /CAIRN_DEMO_TOKEN_SECONDS must be an integer from 1 to 86400, got "soon"/],
    [{ PORT: 'eighty' }, /PORT must be an integer/],
    [{ CAIRN_PUBLIC_URL: 'demo.example' }, /CAIRN_PUBLIC_URL must be an http\(s\) URL/],
  ])('stops on a bad value instead of dropping it: %j', (env, message) => {
    expect(() => demoEnvironment(env)).toThrow(ConfigError);
    expect(() => demoEnvironment(env)).toThrow(message);
  });

  it('follows CAIRN_PUBLIC_URL and leaves explicit settings alone', () => {
    const { env, ehrIssuer } = demoEnvironment({
      CAIRN_PUBLIC_URL: 'https://demo.example/',
      CDS_TRUSTED_ISSUERS: '{"a":"https://a/jwks"}',
    });
    expect(ehrIssuer).toBe('https://demo.example/demo-ehr');
    expect(env.CDS_TRUSTED_ISSUERS).toBe('{"a":"https://a/jwks"}');
    expect(env.CAIRN_FHIR_ALLOWLIST).toBe('https://demo.example/fhir');
  });
});
