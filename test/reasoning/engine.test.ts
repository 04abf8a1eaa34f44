import { describe, expect, it } from 'vitest';
import { compareFindings, runEngine } from '@reasoning/engine';
import { rules } from '@reasoning/registry';
import type { Rule } from '@reasoning/rule';
import type { EngineInput, Finding } from '@reasoning/types';
import { makeAllergy, makeDraft, makeInput, makeMedicationRequest, NOW, RX } from './support/fhir-builders';

const finding = (id: string, severity: Finding['severity'], family = 'test'): Finding => ({
  id,
  ruleId: id.split(':')[0] ?? id,
  family,
  severity,
  summary: id,
  action: 'Review.',
  detail: '',
  evidence: [],
  inputs: [],
  citations: [{ title: 'test', year: 2024 }],
  suggestions: [],
  draftRefs: [],
});
const fixedRule = (id: string, out: Finding[]): Rule => ({
  family: id,
  title: id,
  topic: 'drug-interaction',
  description: id,
  citations: [{ title: 't', year: 2024 }],
  evaluate: () => ({ findings: out }),
});

const busy = makeInput(
  [
    makeMedicationRequest({ code: RX.warfarin5 }),
    makeMedicationRequest({ code: RX.digoxin }),
    makeMedicationRequest({ code: RX.verapamil40 }),
    makeAllergy({ code: '91936005', criticality: 'high' }),
  ],
  [makeDraft({ id: 'd1', code: RX.ibuprofen800 }), makeDraft({ id: 'd2', code: RX.amoxicillin500 })],
);

describe('runEngine', () => {
  it('registers the drug rule families under unique names', () => {
    const ids = rules.map((r) => r.family);
    expect(ids).toEqual(expect.arrayContaining(['drug-interactions', 'drug-allergy', 'duplicate-therapy']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts findings critical first, then by family and rule', () => {
    const { findings } = runEngine(busy);
    const ranks = findings.map((f) => ['critical', 'warning', 'info'].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(findings[0]?.severity).toBe('critical');
    expect(findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['ddi-warfarin-nsaid', 'allergy-same-drug', 'ddi-digoxin-verapamil']),
    );
  });

  it('is deterministic', () => {
    expect(JSON.stringify(runEngine(busy))).toBe(JSON.stringify(runEngine(structuredClone<EngineInput>(busy))));
  });

  it('gives the same findings whatever the order of the input resources', () => {
    const reversed = {
      ...busy,
      resources: [...busy.resources].reverse(),
      draftOrders: [...(busy.draftOrders ?? [])].reverse(),
    };
    expect(runEngine(reversed).findings.map((f) => f.id)).toEqual(runEngine(busy).findings.map((f) => f.id));
  });

  it('de-duplicates findings by id, keeping the most severe', () => {
    const r = runEngine(busy, {
      rules: [
        fixedRule('a', [finding('x:1', 'info')]),
        fixedRule('b', [finding('x:1', 'critical'), finding('y:1', 'warning')]),
      ],
    });
    expect(r.findings.map((f) => [f.id, f.severity])).toEqual([
      ['x:1', 'critical'],
      ['y:1', 'warning'],
    ]);
  });

  it('turns a failing rule into a skipped entry without losing the others', () => {
    const boom: Rule = {
      ...fixedRule('boom', []),
      evaluate: () => {
        throw new TypeError('patient John Doe');
      },
    };
    const r = runEngine(busy, { rules: [boom, fixedRule('ok', [finding('ok:1', 'info')])] });
    expect(r.findings.map((f) => f.id)).toEqual(['ok:1']);
    expect(r.skipped).toContainEqual({ subject: 'boom', reason: 'rule failed (TypeError); its findings are missing' });
    expect(JSON.stringify(r.skipped)).not.toContain('John Doe');
  });

  it('reports insufficient data from rules as skipped', () => {
    const r = runEngine(makeInput([makeMedicationRequest({ id: 'u', code: '999999999' })]));
    expect(r.skipped).toContainEqual({
      subject: 'drug-interactions',
      reason: expect.stringContaining('not in the drug knowledge base'),
    });
  });

  it('honours rules switched off by an administrator', () => {
    expect(
      runEngine(busy, { disabled: new Set(['drug-interactions']) }).findings.some(
        (f) => f.family === 'drug-interactions',
      ),
    ).toBe(false);
  });

  it('returns scores from the score calculator and survives its failure', () => {
    const score = {
      id: 'news2' as const,
      name: 'NEWS2',
      value: null,
      interpretation: 'n/a',
      components: [],
      citations: [{ title: 't', year: 2024 }] as [{ title: string; year: number }],
    };
    expect(runEngine(busy, { scores: () => [score] }).scores).toEqual([score]);
    const failed = runEngine(busy, {
      scores: () => {
        throw new RangeError('x');
      },
    });
    expect(failed.scores).toEqual([]);
    expect(failed.skipped).toContainEqual({ subject: 'scores', reason: 'score calculation failed (RangeError)' });
  });

  it.each([
    [{ resources: [], now: NOW }],
    [{ resources: [{ resourceType: 'Patient' }], now: 'not-a-date' }],
    [{ now: NOW }],
    [null],
  ])('never throws on odd input %#', (input) => {
    expect(() => runEngine(input as unknown as EngineInput)).not.toThrow();
  });

  it('compareFindings is a total order', () => {
    const list = [finding('b:1', 'info'), finding('a:1', 'critical'), finding('a:2', 'critical', 'other')];
    expect([...list].sort(compareFindings).map((f) => f.id)).toEqual(['a:2', 'a:1', 'b:1']);
  });
});

describe('runEngine scores', () => {
  it('computes the default scores (eGFR at least) when no calculator is given', () => {
    const r = runEngine(busy);
    expect(r.scores.map((s) => s.id)).toContain('egfr-ckd-epi-2021');
  });
});
