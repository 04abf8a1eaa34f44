import { describe, expect, it } from 'vitest';
import { composeEmbeddedNarrative, embeddedModel } from '@model/index';
import { makeFinding, makeRequest, makeResult, makeScore } from './support/builders';

describe('embedded model', () => {
  it('ranks findings by severity and ties every claim to the finding id and its citations', () => {
    const result = makeResult({
      findings: [
        makeFinding({ id: 'a:info', severity: 'info', summary: 'info one' }),
        makeFinding({ id: 'b:warn', summary: 'warn one' }),
      ],
    });
    const r = composeEmbeddedNarrative(result);
    expect(r.considerations.map((c) => c.text)).toEqual(['warn one', 'info one']);
    expect(r.considerations[0]?.evidence[0]).toBe('b:warn');
    expect(r.considerations[0]?.citations.length).toBeGreaterThan(0);
    expect(r.considerations.map((c) => c.rank)).toEqual([1, 2]);
  });

  it('is deterministic: same result in, same reasoning out', async () => {
    const req = makeRequest(makeResult({ scores: [makeScore()] }));
    expect(await embeddedModel.reason(req)).toEqual(await embeddedModel.reason(req));
  });

  it('labels itself as generated deterministically by the rule engine, not a language model', () => {
    const r = composeEmbeddedNarrative(makeResult());
    expect(r.source).toBe('embedded');
    expect(r.model.kind).toBe('embedded');
    expect(r.label).toMatch(/deterministically by Cairn's rule engine/);
    expect(r.label).toMatch(/no language model/);
  });

  it('says "not an all-clear" when nothing fired', () => {
    const r = composeEmbeddedNarrative(makeResult({ findings: [] }));
    expect(r.assessment).toMatch(/not an all-clear/);
    expect(r.considerations).toEqual([]);
  });

  it('labels a fallback with its reason', () => {
    const r = composeEmbeddedNarrative(makeResult(), 'model call timed out');
    expect(r.source).toBe('fallback');
    expect(r.fallbackReason).toBe('model call timed out');
    expect(r.label).toMatch(/Hosted model not used: model call timed out/);
  });
});
