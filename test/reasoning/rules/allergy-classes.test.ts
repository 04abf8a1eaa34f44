/**
 * Allergy checks the clinician can see were done: NSAID/aspirin, sulfonamide and opioid allergy classes, and an info
 * card when an order is in a related class but the cross-reactivity evidence says the risk is low.
 */
import { describe, expect, it } from 'vitest';
import { runEngine } from '@reasoning/engine';
import type { Finding } from '@reasoning/types';
import { makeAllergy, makeDraft, makeInput, makeMedicationRequest, RX } from '../support/fhir-builders';
import { ANAPHYLAXIS, PENICILLIN_SNOMED, RASH, RXNORM } from '../support/scenario-helpers';

const allergyFindings = (allergy: fhir4.AllergyIntolerance, draft: string, chart: fhir4.Resource[] = []): Finding[] =>
  runEngine(makeInput([allergy, ...chart], [makeDraft({ code: draft, id: 'draft1' })])).findings.filter(
    (f) => f.family === 'drug-allergy',
  );
const rxAllergy = (code: string, reaction: { snomed: string; display: string; severity: 'mild' | 'severe' } = RASH) =>
  makeAllergy({ code, system: RXNORM, reaction });

describe('NSAID and aspirin allergy', () => {
  it('ibuprofen allergy + a new naproxen order: warning (COX-1 cross-reactivity)', () => {
    const fs = allergyFindings(rxAllergy('5640'), RX.naproxen500);
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([['allergy-nsaid-cross-reactive', 'warning']]);
    expect(fs[0]?.action).toMatch(/celecoxib/);
  });

  it('aspirin allergy + a new ibuprofen order: warning', () => {
    expect(allergyFindings(rxAllergy('1191'), RX.ibuprofen400).map((f) => [f.ruleId, f.severity])).toEqual([
      ['allergy-aspirin-nsaid', 'warning'],
    ]);
  });

  it('ibuprofen allergy + a new celecoxib order: info, the allergy was considered and COX-2 selective is usually tolerated', () => {
    const fs = allergyFindings(rxAllergy('5640'), '140587');
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([['allergy-nsaid-cox2', 'info']]);
    expect(fs[0]?.summary).toMatch(/allergy considered/);
  });
});

describe('sulfonamide and opioid allergy', () => {
  it('sulfamethoxazole allergy + a new hydrochlorothiazide order: info with the Strom 2003 source', () => {
    const [f] = allergyFindings(rxAllergy('10180'), '5487');
    expect(f).toMatchObject({ ruleId: 'allergy-sulfonamide-nonantibiotic', severity: 'info' });
    expect(f?.citations.map((c) => c.title).join(' ')).toMatch(/Strom/);
  });

  it('codeine allergy + a new hydromorphone order: info, most opioid reactions are not allergic', () => {
    const [f] = allergyFindings(rxAllergy('2670'), '3423');
    expect(f).toMatchObject({ ruleId: 'allergy-opioid-other-opioid', severity: 'info' });
    expect(f?.detail).toMatch(/pseudoallergic/);
  });

  it('codeine allergy + a new codeine order is still the same-drug check', () => {
    expect(allergyFindings(rxAllergy('2670', ANAPHYLAXIS), '2670').map((f) => [f.ruleId, f.severity])).toEqual([
      ['allergy-same-drug', 'critical'],
    ]);
  });
});

describe('beta-lactams: low-risk orders say the allergy was considered', () => {
  it('penicillin allergy (rash) + a new meropenem order: info, under 1 %', () => {
    const fs = allergyFindings(makeAllergy({ code: PENICILLIN_SNOMED, reaction: RASH }), '29561');
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([['allergy-penicillin-carbapenem', 'info']]);
    expect(fs[0]?.summary).toMatch(/allergy considered/);
  });

  it('penicillin allergy + a chart-only carbapenem raises nothing (no new decision)', () => {
    const allergy = makeAllergy({ code: PENICILLIN_SNOMED, reaction: RASH });
    const fs = runEngine(makeInput([allergy, makeMedicationRequest({ code: '29561' })])).findings.filter(
      (f) => f.family === 'drug-allergy',
    );
    expect(fs).toEqual([]);
  });
});
