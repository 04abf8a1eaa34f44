import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseServiceConfig } from '../../hooks-service/config';

const SANDBOX = '{"https://sandbox.cds-hooks.org":"https://sandbox.cds-hooks.org/.well-known/jwks.json"}';

describe('service configuration from the environment', () => {
  it('trusts the public CDS Hooks sandbox with one line, its jku included', () => {
    const config = parseServiceConfig({ CDS_TRUSTED_ISSUERS: SANDBOX });
    expect(config.issuers).toEqual([
      {
        iss: 'https://sandbox.cds-hooks.org',
        jwksUrl: 'https://sandbox.cds-hooks.org/.well-known/jwks.json',
        jku: ['https://sandbox.cds-hooks.org/.well-known/jwks.json'],
      },
    ]);
  });

  it('has the documented defaults', () => {
    const config = parseServiceConfig({ CDS_TRUSTED_ISSUERS: SANDBOX });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      auth: 'on',
      algorithms: ['ES384', 'RS384'],
      bodyLimit: 5 * 1024 * 1024,
      fhirAllowlist: [],
    });
    expect(config.maxTokenLifetimeSec).toBeGreaterThanOrEqual(900);
    expect(config.publicUrl).toBeUndefined();
  });

  it('reads an issuer with extra jku prefixes (Epic publishes keys under its FHIR base)', () => {
    const config = parseServiceConfig({
      CDS_TRUSTED_ISSUERS:
        '{"https://epic.example/iss":{"jwks":"https://epic.example/jwks","jku":["https://epic.example/api/FHIR/R4/"]}}',
    });
    expect(config.issuers[0]?.jku).toEqual(['https://epic.example/jwks', 'https://epic.example/api/FHIR/R4/']);
  });

  it.each([
    [{}, /CDS_TRUSTED_ISSUERS is empty/],
    [{ CDS_TRUSTED_ISSUERS: 'not json' }, /CDS_TRUSTED_ISSUERS must be JSON/],
    [{ CDS_TRUSTED_ISSUERS: '{"a": 3}' }, /CDS_TRUSTED_ISSUERS must map/],
    [{ CDS_TRUSTED_ISSUERS: '{"a": "ftp://x"}' }, /must be http/],
    [{ CDS_AUTH: 'maybe' }, /CDS_AUTH/],
    [{ CDS_AUTH: 'off', PORT: 'eighty' }, /PORT must be an integer/],
    [{ CDS_AUTH: 'off', CDS_BODY_LIMIT: '-1' }, /CDS_BODY_LIMIT/],
    [{ CDS_AUTH: 'off', CDS_JWT_ALGORITHMS: 'ES384,HS256' }, /refused: HS256/],
    [{ CDS_AUTH: 'off', CDS_JWT_ALGORITHMS: 'none' }, /refused: none/],
    [{ CDS_AUTH: 'off', CAIRN_PUBLIC_URL: 'cairn.example' }, /CAIRN_PUBLIC_URL/],
    [{ CDS_AUTH: 'off', CAIRN_FHIR_ALLOWLIST: 'https://ok.example/fhir, nope' }, /CAIRN_FHIR_ALLOWLIST/],
    [{ CDS_AUTH: 'off', LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => parseServiceConfig(env)).toThrow(message);
  });

  it('accepts unauthenticated calls only with CDS_AUTH=off', () => {
    expect(parseServiceConfig({ CDS_AUTH: 'off' }).auth).toBe('off');
  });
});

describe('npm run start:service', () => {
  it('fails fast with a clear message on bad configuration', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'hooks-service/main.ts'], {
      env: { PATH: process.env.PATH, CDS_TRUSTED_ISSUERS: '{broken' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('configuration error: CDS_TRUSTED_ISSUERS must be JSON');
  }, 30_000);
});
