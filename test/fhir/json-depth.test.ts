import { describe, expect, it } from 'vitest';
import { flattenBundle, hasUnresolvedUrn } from '../../src/fhir/bundle';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from '../../src/fhir/json-depth';

const nested = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

describe('the JSON nesting bound', () => {
  it('accepts exactly the limit and refuses one level more', () => {
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH + 1))).toBe(true);
  });

  it('counts siblings once, not their sum', () => {
    expect(jsonNestsDeeperThan(`[${Array.from({ length: 1000 }, () => nested(100)).join(',')}]`)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ a: '{['.repeat(1000), b: 'say \\"[[[\\" ok' }))).toBe(false);
    expect(jsonNestsDeeperThan(JSON.stringify(['\\', '"', nested(5)]), 3)).toBe(false);
  });
});

describe('walks over FHIR JSON are bounded', () => {
  function deepObject(levels: number): Record<string, unknown> {
    let v: Record<string, unknown> = { reference: 'urn:uuid:deep' };
    for (let i = 0; i < levels; i++) v = { extension: [v] };
    return v;
  }

  it('flattens a bundle holding a resource nested 50,000 levels deep without overflowing the stack', () => {
    const bundle = {
      resourceType: 'Bundle',
      entry: [{ fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', id: 'p', ...deepObject(50_000) } }],
    };
    const [patient] = flattenBundle(bundle);
    expect(patient?.id).toBe('p');
    expect(() => hasUnresolvedUrn(patient!)).not.toThrow();
  });
});
