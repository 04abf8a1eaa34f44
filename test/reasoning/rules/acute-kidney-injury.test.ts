import { describe, expect, it } from 'vitest';
import { acuteKidneyInjuryRule } from '@reasoning/rules/acute-kidney-injury';
import { makeFacts, makeMedicationFact, makeObservationFact } from '../support/fact-builders';

// now = 2021-04-01T12:00Z (fact-builders)
const scr = (value: number, date: string) => makeObservationFact('creatinine', value, date);
const run = (obs: ReturnType<typeof scr>[], extra: Parameters<typeof makeFacts>[0] = {}) =>
  acuteKidneyInjuryRule.evaluate(makeFacts({ observations: obs, ...extra }));

describe('acute-kidney-injury (KDIGO 2012)', () => {
  it.each([
    {
      name: 'rise of exactly 0.3 mg/dL within 48 h',
      obs: [
        [0.9, '2021-03-30T08:00:00Z'],
        [1.2, '2021-03-31T20:00:00Z'],
      ],
      stage: 1,
    },
    {
      name: 'rise of 0.29 mg/dL within 48 h',
      obs: [
        [0.9, '2021-03-30T08:00:00Z'],
        [1.19, '2021-03-31T20:00:00Z'],
      ],
      stage: undefined,
    },
    {
      name: 'rise of 0.3 over 3 days (outside 48 h, ratio 1.33)',
      obs: [
        [0.9, '2021-03-28T08:00:00Z'],
        [1.2, '2021-03-31T20:00:00Z'],
      ],
      stage: undefined,
    },
    {
      name: 'exactly 1.5 × baseline within 7 days',
      obs: [
        [1.0, '2021-03-26T08:00:00Z'],
        [1.5, '2021-03-31T08:00:00Z'],
      ],
      stage: 1,
    },
    {
      name: 'exactly 2.0 × baseline',
      obs: [
        [1.0, '2021-03-26T08:00:00Z'],
        [2.0, '2021-03-31T08:00:00Z'],
      ],
      stage: 2,
    },
    {
      name: '2.99 × baseline',
      obs: [
        [1.0, '2021-03-26T08:00:00Z'],
        [2.99, '2021-03-31T08:00:00Z'],
      ],
      stage: 2,
    },
    {
      name: 'exactly 3.0 × baseline',
      obs: [
        [0.8, '2021-03-26T08:00:00Z'],
        [2.4, '2021-03-31T08:00:00Z'],
      ],
      stage: 3,
    },
    {
      name: 'rise within 48 h to 4.0 mg/dL (ratio 1.33)',
      obs: [
        [3.0, '2021-03-30T08:00:00Z'],
        [4.0, '2021-03-31T08:00:00Z'],
      ],
      stage: 3,
    },
    {
      name: 'slow rise to 4.0 mg/dL over 5 days (ratio 1.33: no KDIGO criterion)',
      obs: [
        [3.0, '2021-03-26T08:00:00Z'],
        [4.0, '2021-03-31T08:00:00Z'],
      ],
      stage: undefined,
    },
    {
      name: 'baseline 8 days earlier (outside 7 days)',
      obs: [
        [1.0, '2021-03-23T07:00:00Z'],
        [2.0, '2021-03-31T08:00:00Z'],
      ],
      stage: undefined,
    },
    {
      name: 'a falling creatinine',
      obs: [
        [2.0, '2021-03-30T08:00:00Z'],
        [1.0, '2021-03-31T08:00:00Z'],
      ],
      stage: undefined,
    },
  ])('$name → stage $stage', ({ obs, stage }) => {
    const { findings } = run(obs.map(([v, d]) => scr(v as number, d as string)));
    expect(findings.length).toBe(stage === undefined ? 0 : 1);
    if (stage !== undefined) expect(findings[0]?.summary).toContain(`KDIGO stage ${stage}`);
  });

  it('uses the lowest value of the prior 7 days as baseline and shows both with dates', () => {
    const low = scr(0.8, '2021-03-27T08:00:00Z');
    const latest = scr(1.7, '2021-03-31T08:00:00Z');
    const [f] = run([scr(1.0, '2021-03-25T08:00:00Z'), low, scr(1.1, '2021-03-29T08:00:00Z'), latest]).findings;
    expect(f).toMatchObject({
      id: `aki-kdigo:${latest.ref}`,
      ruleId: 'aki-kdigo',
      family: 'acute-kidney-injury',
      severity: 'warning',
    });
    expect(f?.inputs[0]).toMatchObject({ value: 0.8, date: '2021-03-27T08:00:00Z', source: low.ref });
    expect(f?.inputs[1]).toMatchObject({ value: 1.7, source: latest.ref });
    expect(f?.summary).toContain('stage 2');
  });

  it('is critical at stage 3', () => {
    expect(run([scr(1.0, '2021-03-29'), scr(3.5, '2021-03-31')]).findings[0]?.severity).toBe('critical');
  });

  it('is silent about an AKI long ago (latest creatinine older than 7 days)', () => {
    expect(run([scr(1.0, '2019-03-01'), scr(3.0, '2019-03-03')])).toEqual({ findings: [] });
  });

  it('reports insufficient data when a recent creatinine has nothing to compare with', () => {
    const out = run([scr(1.0, '2020-01-01'), scr(2.5, '2021-03-31')]);
    expect(out.findings).toEqual([]);
    expect(out.insufficient?.[0]).toMatch(/no earlier value within 7 days/);
  });

  it('lists nephrotoxic and renally cleared drugs, including drafts', () => {
    const nsaid = makeMedicationFact({ ingredients: ['7258'], classes: ['nsaid'] });
    const draft = makeMedicationFact({ ingredients: ['29046'], classes: ['ace-inhibitor'], isDraft: true });
    const other = makeMedicationFact({ ingredients: ['17767'], classes: [] });
    const [f] = run([scr(1.0, '2021-03-29'), scr(1.6, '2021-03-31')], {
      medications: [nsaid, other],
      drafts: [draft],
    }).findings;
    expect(f?.evidence.map((e) => e.reference)).toEqual(expect.arrayContaining([nsaid.ref, draft.ref]));
    expect(f?.evidence.map((e) => e.reference)).not.toContain(other.ref);
    expect(f?.draftRefs).toEqual([draft.ref]);
  });
});
