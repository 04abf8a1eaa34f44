import { describe, expect, it } from 'vitest';
import { runEngine } from '@reasoning/engine';
import { rules } from '@reasoning/registry';
import type { Finding } from '@reasoning/types';
import {
  makeCondition,
  makeDraft,
  makeInput,
  makeMedicationRequest,
  makeObservation,
  NOW,
  RX,
} from './support/fhir-builders';

/** One record that triggers each rule family added for clinical coverage, run through the whole engine. */
const vitalsNow = (loinc: string, value: number, unit: string) =>
  makeObservation({ loinc, value, unit, date: '2021-03-31T22:00:00Z' });
const input = makeInput(
  [
    makeMedicationRequest({ code: RX.warfarin5, id: 'warf' }),
    makeMedicationRequest({ code: '705129', id: 'ntg' }),
    makeCondition({ id: 'hf', snomed: '703272007', display: 'Heart failure with reduced ejection fraction' }),
    makeObservation({ id: 'inr', loinc: '6301-6', value: 5.2, unit: '{INR}', date: '2021-03-30T08:00:00Z' }),
    vitalsNow('9279-1', 26, '/min'),
    vitalsNow('59408-5', 90, '%'),
    vitalsNow('8867-4', 135, '/min'),
  ],
  [makeDraft({ id: 'sild', code: '213271' }), makeDraft({ id: 'vera', code: RX.verapamil40 })],
);

describe('new rule families through runEngine', () => {
  const { findings } = runEngine(input);
  const byRule = (id: string): Finding | undefined => findings.find((f) => f.ruleId === id);

  it('registers warfarin-monitoring, drug-disease and early-warning with their topics', () => {
    const topics = Object.fromEntries(rules.map((r) => [r.family, r.topic]));
    expect(topics).toMatchObject({
      'warfarin-monitoring': 'anticoagulation-monitoring',
      'drug-disease': 'drug-disease',
      'early-warning': 'deterioration',
    });
  });

  it.each([
    ['ddi-pde5-nitrate', 'drug-interactions', 'critical', ['MedicationRequest/sild']],
    ['dd-non-dhp-ccb-hfref', 'drug-disease', 'critical', ['MedicationRequest/vera']],
    ['warfarin-inr-high', 'warfarin-monitoring', 'warning', []],
    ['news2-emergency', 'early-warning', 'critical', []],
  ])('%s: family %s, severity %s, card-ready', (ruleId, family, severity, draftRefs) => {
    const f = byRule(ruleId);
    expect(f?.family).toBe(family);
    expect(f?.severity).toBe(severity);
    expect(f?.draftRefs).toEqual(draftRefs);
    expect(f?.id.startsWith(`${ruleId}:`)).toBe(true);
    expect(f?.summary.length).toBeLessThan(140);
    expect(f?.action).toMatch(/^[A-Z].+\.$/);
    expect(f?.detail).not.toContain(f?.action);
    expect(f?.evidence.length).toBeGreaterThan(0);
    expect(f?.inputs.every((i) => i.source !== undefined)).toBe(true);
    expect(f?.citations.length).toBeGreaterThan(0);
  });

  it('uses the input clock only (same output on a rerun)', () => {
    expect(runEngine({ ...input, now: NOW })).toEqual(runEngine(input));
  });
});
