import { describe, expect, it } from 'vitest';
import { composeEmbeddedNarrative, detectEscalation } from '@model/index';
import { makeFinding, makeResult, makeScore } from './support/builders';

describe('escalation', () => {
  it.each([
    ['a critical finding', makeResult({ findings: [makeFinding({ severity: 'critical' })] })],
    ['NEWS2 of 7', makeResult({ findings: [], scores: [makeScore({ value: 7 })] })],
    [
      'a single NEWS2 parameter scoring 3',
      makeResult({
        findings: [],
        scores: [makeScore({ value: 3, components: [{ name: 'SpO2', points: 3, value: '90 %' }] })],
      }),
    ],
  ])('tells to escalate to a clinician now on %s', (_name, result) => {
    const r = composeEmbeddedNarrative(result);
    expect(r.escalation?.text).toMatch(/Escalate to a clinician now/);
    expect(r.considerations[0]).toMatchObject({ rank: 1, origin: 'engine' });
    expect(r.considerations[0]?.text).toMatch(/Escalate to a clinician now/);
  });

  it('points the escalation at the observations behind NEWS2, not at the score', () => {
    const news2 = makeScore({
      value: 8,
      components: [
        { name: 'SpO2', points: 3, value: '90 %', source: 'Observation/spo2' },
        { name: 'RR', points: 2, value: '24 /min', source: 'Observation/rr' },
      ],
    });
    const r = composeEmbeddedNarrative(
      makeResult({ findings: [makeFinding({ severity: 'critical', id: 'x:1' })], scores: [news2] }),
    );
    expect(r.escalation?.evidence).toEqual(['x:1', 'Observation/spo2', 'Observation/rr']);
    expect(r.escalation?.reasons).toHaveLength(3);
    expect(r.considerations[0]?.citations.map((c) => c.title)).toContain('National Early Warning Score (NEWS) 2');
  });

  it.each([
    ['a warning finding', makeResult()],
    ['NEWS2 of 6 with no parameter at 3', makeResult({ findings: [], scores: [makeScore({ value: 6 })] })],
    [
      'NEWS2 not computable',
      makeResult({ findings: [], scores: [makeScore({ value: null, insufficient: 'no vitals' })] }),
    ],
  ])('does not escalate on %s', (_name, result) => {
    expect(detectEscalation(result)).toBeUndefined();
  });
});
