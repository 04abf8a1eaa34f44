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

  it('counts nesting right after a string that ends in an escaped backslash', () => {
    // The JSON text "a\\" ends in an escaped backslash: its closing quote is real, so the brackets after it count.
    expect(jsonNestsDeeperThan(`["a\\\\",${nested(5)}]`, 3)).toBe(true);
    // "a\\\"[[[[[" holds an escaped backslash then an escaped quote: the brackets are inside the string.
    expect(jsonNestsDeeperThan(`["a\\\\\\"[[[[["]`, 3)).toBe(false);
  });

  it('agrees with the nesting JSON.parse sees on FHIR-like documents', () => {
    const depthOf = (v: unknown): number =>
      v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;
    const doc = { a: [{ b: 'x\\"}]' }, [['q"[', { c: '\\' }]]], d: { e: [[[[1]]]] } };
    const text = JSON.stringify(doc);
    expect(jsonNestsDeeperThan(text, depthOf(doc))).toBe(false);
    expect(jsonNestsDeeperThan(text, depthOf(doc) - 1)).toBe(true);
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
