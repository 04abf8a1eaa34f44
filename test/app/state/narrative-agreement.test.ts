import { describe, expect, it } from 'vitest';
import { recordDigest } from '@fhir/record-digest';
import type { EngineResult } from '@reasoning/types';
import { agreedNarrative, disagreement } from '../../../src/app/state/narrative-agreement';
import type { ServedNarrative } from '../../../src/app/api/narrative';
import { makeCreatinine, makeFinding, patient, reasoning } from '../support/builders';

const chart = [patient, makeCreatinine('o1', 1.0, '2021-03-28'), makeCreatinine('o2', 1.6, '2021-03-30')];
const aki = makeFinding();
const result = (findings = [aki]): EngineResult => ({ findings, scores: [], skipped: [], unidentified: [] });
const served = (over: Partial<ServedNarrative> = {}): ServedNarrative => ({ ...reasoning, ...over });

describe('narrative agreement with the screen’s own read', () => {
  it('agrees when the digests and the covered findings match', () => {
    const n = served({ chart: { digest: recordDigest(chart), resources: 3 }, findingIds: [aki.id] });
    expect(disagreement(n, { resources: chart, result: result() })).toBeUndefined();
  });

  it('agrees when the screen has more findings: the service may switch rule families off (CAIRN_DISABLED_RULES)', () => {
    const n = served({ chart: { digest: recordDigest(chart), resources: 3 }, findingIds: [] });
    expect(disagreement(n, { resources: chart, result: result() })).toBeUndefined();
  });

  it('with a service too old to send `chart`, still withholds a narrative about findings not on screen', () => {
    const { chart: _none, ...old } = served();
    expect(disagreement({ ...old, findingIds: [aki.id] }, { resources: chart, result: result([]) })).toBe(
      'unknown-findings',
    );
    expect(disagreement({ ...old, findingIds: [aki.id] }, { resources: chart, result: result() })).toBeUndefined();
  });

  it('compares the digests even when the in-browser engine failed', () => {
    const n = served({ chart: { digest: recordDigest(chart.slice(0, 2)), resources: 2 } });
    const own = { resources: chart, complete: true, engineError: true };
    expect(agreedNarrative({ status: 'ready', reasoning: n }, own)).toEqual({
      status: 'withheld',
      reason: 'different-chart',
    });
  });

  it('passes every other state through untouched (loading, off, timeout…)', () => {
    const own = { resources: [], complete: false, engineError: false };
    expect(agreedNarrative({ status: 'off' }, own)).toEqual({ status: 'off' });
    expect(agreedNarrative({ status: 'ready', reasoning: served() }, own)).toEqual({ status: 'checking' });
  });
});
