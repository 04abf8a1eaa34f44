/** The one environment schema: defaults that pass their own checks, errors naming every bad variable, and docs that cannot drift from it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV, readEnv, type EnvVariable } from '../../hooks-service/env';
import { ENV_EXAMPLE, renderEnvExample } from '../../scripts/env-example';

const variables = Object.entries(ENV) as [string, EnvVariable][];

describe('the environment schema', () => {
  it('gives every variable a meaning and either a default or what happens when it is unset', () => {
    for (const [name, v] of variables) {
      expect(v.meaning, name).not.toBe('');
      expect(v.default !== undefined || v.unset !== undefined, name).toBe(true);
    }
  });

  it('accepts every default it documents', () => {
    const explicit = Object.fromEntries(
      variables.filter(([, v]) => v.default !== undefined).map(([n, v]) => [n, v.default]),
    );
    expect(readEnv(explicit)).toEqual(readEnv({}));
  });

  it('types values: integers and numbers from decimal text, on/off case-insensitive, empty as unset', () => {
    const e = readEnv({ PORT: ' 8080 ', CAIRN_OVERRIDE_ALERT_RATE: '0.75', CDS_AUTH: 'OFF', CAIRN_PUBLIC_URL: '' });
    expect(e).toMatchObject({ PORT: 8080, CAIRN_OVERRIDE_ALERT_RATE: 0.75, CDS_AUTH: 'off', HOST: '127.0.0.1' });
    expect(e.CAIRN_PUBLIC_URL).toBeUndefined();
  });

  it('names every bad variable at once, with what it must be', () => {
    const bad = () =>
      readEnv({ PORT: '1e3', CAIRN_RATE_LIMIT: 'maybe', CAIRN_DEMO_TOKEN_SECONDS: 'soon', DATABASE_URL: 'mysql://x' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(
      /PORT must be an integer from 0 to 65535, got "1e3"; CAIRN_RATE_LIMIT must be one of on, off, got "maybe"/,
    );
    expect(bad).toThrow(
      /DATABASE_URL must be a postgres:\/\/ URL, got a value of 9 characters; CAIRN_DEMO_TOKEN_SECONDS must be an integer/,
    );
  });

  it('never echoes a secret', () => {
    expect(() => readEnv({ CAIRN_ADMIN_TOKEN: 'short-secret' })).toThrow(
      /CAIRN_ADMIN_TOKEN must be at least 16 characters, got a value of 12 characters$/,
    );
  });
});

describe('the documentation of the environment', () => {
  it('.env.example is the schema as `npm run env:example` writes it', () => {
    expect(readFileSync(ENV_EXAMPLE, 'utf8')).toBe(renderEnvExample());
  });

  it("README's configuration table lists exactly the schema's variables", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = /## Configuration \(environment\)\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    const documented = new Set(
      [...table.matchAll(/^\|([^|]*)\|/gm)].flatMap((m) =>
        [...(m[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]+)(=[^`]*)?`/g)].map((n) => n[1]),
      ),
    );
    expect([...documented].sort()).toEqual(variables.map(([n]) => n).sort());
  });
});
