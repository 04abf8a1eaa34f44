/**
 * The engine never throws, whatever shape the resources take: real Synthea resources with one element replaced by
 * a value of another type, null, unicode, NUL, huge or nested values, or removed (fast-check, fixed seed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../src/reasoning/engine';
import { describeMutation, oddValue, pathsOf, replaceAt } from '../hooks-service/fuzz/mutate';
import { loadFixture, NOW } from '../hooks-service/support/synthea';

const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
// One resource of each type the chart holds, so every normalizer sees broken input.
const samples = [...new Map(fx.resources.map((r) => [r.resourceType, r])).values()];

describe('the engine on any resource shape', () => {
  it('never throws on 500 mutated resources inside a real chart', () => {
    const mutation = fc
      .integer({ min: 0, max: samples.length - 1 })
      .chain((i) => fc.record({ i: fc.constant(i), path: fc.constantFrom(...pathsOf(samples[i])), by: oddValue }));
    fc.assert(
      fc.property(mutation, ({ i, path, by }) => {
        const broken = JSON.parse(JSON.stringify(replaceAt(samples[i], path, by)) ?? 'null') as fhir4.Resource;
        const resources = [...fx.resources.filter((r) => r !== samples[i]), broken];
        const what = `${samples[i]?.resourceType} ${describeMutation({ path, by })}`;
        expect(() => runEngine({ resources, now: NOW.toISOString() }), what).not.toThrow();
      }),
      { seed: 20261202, numRuns: 500, endOnFailure: true },
    );
  }, 120_000);
});
