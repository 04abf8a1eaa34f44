/**
 * A knowledge entry's management text becomes a finding's action, the first line of its card's detail
 * (hooks-service/protocol/cards.ts): every entry's text, whether a test chart fires it or not, is one plain line.
 */
import { describe, expect, it } from 'vitest';
import { CROSS_REACTIVITY } from '@reasoning/knowledge/allergy-cross-reactivity';
import { ALLERGY_CLASS_ENTRIES } from '@reasoning/knowledge/allergy-classes';
import { DOSE_LIMITS } from '@reasoning/knowledge/dose-limits';
import { DRUG_DISEASE } from '@reasoning/knowledge/drug-disease';
import { INTERACTIONS } from '@reasoning/knowledge/drug-interactions';
import { POTASSIUM_LEVELS } from '@reasoning/knowledge/hyperkalemia';
import { RENAL_DOSING } from '@reasoning/knowledge/renal-dosing';

const actions: [string, string][] = [
  ...INTERACTIONS.map((e): [string, string] => [e.id, e.management]),
  ...DOSE_LIMITS.map((e): [string, string] => [e.id, e.management]),
  ...DRUG_DISEASE.map((e): [string, string] => [e.id, e.management]),
  ...[...CROSS_REACTIVITY, ...ALLERGY_CLASS_ENTRIES].map((e): [string, string] => [e.id, e.guidance]),
  ...RENAL_DOSING.flatMap((e) => e.tiers.map((t): [string, string] => [`${e.id} ${t.label}`, t.action])),
  ...POTASSIUM_LEVELS.map((l): [string, string] => [l.id, l.action]),
];

describe('knowledge entries say what to do in one plain line', () => {
  it('reads every table', () => {
    expect(actions.length).toBeGreaterThan(80);
  });

  it.each(actions)('%s', (_id, text) => {
    expect(text).toMatch(/^[A-Z][^\n*_`#]+[.)]$/);
  });
});
