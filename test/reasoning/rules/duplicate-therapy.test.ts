import { describe, expect, it } from 'vitest';
import { normalize } from '@reasoning/normalize';
import { duplicateTherapyRule } from '@reasoning/rules/duplicate-therapy';
import type { Finding } from '@reasoning/types';
import { makeDraft, makeInput, makeMedicationRequest, RX } from '../support/fhir-builders';

const run = (chart: string[], drafts: string[] = []): Finding[] =>
  duplicateTherapyRule.evaluate(
    normalize(
      makeInput(
        chart.map((code) => makeMedicationRequest({ code })),
        drafts.map((code, i) => makeDraft({ code, id: `d${i}` })),
      ),
    ),
  ).findings;
const pairs = (f: Finding[]) => f.map((x) => [x.ruleId, x.severity]);

describe('duplicate-therapy', () => {
  it.each([
    ['two NSAIDs in chart', [RX.naproxen220, RX.ibuprofen400], [], [['dup-nsaid', 'warning']]],
    ['warfarin + apixaban draft', [RX.warfarin5], [RX.apixaban5], [['dup-anticoagulant', 'critical']]],
    [
      'heparin draft while on warfarin (bridging is often intended) → warning',
      [RX.warfarin5],
      ['1361615'],
      [['dup-anticoagulant', 'warning']],
    ],
    ['ACE inhibitor + ARB draft', [RX.lisinopril10], [RX.losartan50], [['dup-ace-arb', 'warning']]],
    [
      'two simvastatin products in chart (superseded order)',
      [RX.simvastatin10, RX.simvastatin20],
      [],
      [['dup-same-ingredient', 'info']],
    ],
    [
      'naproxen draft while naproxen 500 active',
      [RX.naproxen500],
      [RX.naproxen220],
      [['dup-same-ingredient', 'warning']],
    ],
    ['furosemide oral + injection', [RX.furosemide40, RX.furosemideInj], [], [['dup-same-ingredient', 'info']]],
  ])('fires: %s', (_n, chart, drafts, expected) => {
    expect(pairs(run(chart, drafts))).toEqual(expected);
  });

  it.each([
    ['one order renewed many times (same product code)', [RX.simvastatin10, RX.simvastatin10, RX.simvastatin10], []],
    ['different classes', [RX.warfarin5, RX.lisinopril10], []],
    ['single drug', [RX.naproxen220], []],
  ])('does not fire: %s', (_n, chart, drafts) => {
    expect(run(chart, drafts)).toEqual([]);
  });

  it('re-ordering the same product as a draft is an info-level renewal prompt with a delete suggestion', () => {
    const [f] = run([RX.simvastatin10], [RX.simvastatin10]);
    expect([f?.ruleId, f?.severity, f?.draftRefs]).toEqual(['dup-same-ingredient', 'info', ['MedicationRequest/d0']]);
    expect(f?.suggestions[0]?.actions[0]).toMatchObject({ type: 'delete' });
  });
});
