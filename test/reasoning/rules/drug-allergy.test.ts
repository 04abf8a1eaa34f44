import { describe, expect, it } from 'vitest';
import { normalize } from '@reasoning/normalize';
import { drugAllergyRule } from '@reasoning/rules/drug-allergy';
import type { Finding } from '@reasoning/types';
import {
  makeAllergy,
  makeDraft,
  makeInput,
  makeMedicationRequest,
  RX,
  type AllergyOptions,
} from '../support/fhir-builders';

const RXN = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const run = (allergy: AllergyOptions, drafts: string[] = [], chart: string[] = []): Finding[] =>
  drugAllergyRule.evaluate(
    normalize(
      makeInput(
        [makeAllergy({ id: 'a1', ...allergy }), ...chart.map((code) => makeMedicationRequest({ code }))],
        drafts.map((code, i) => makeDraft({ code, id: `d${i}` })),
      ),
    ),
  ).findings;

const anaphylaxis = { snomed: '39579001', display: 'Anaphylaxis', severity: 'severe' as const };
const penicillinHigh: AllergyOptions = { code: '91936005', criticality: 'high', reaction: anaphylaxis };

describe('drug-allergy', () => {
  it.each([
    [
      'penicillin anaphylaxis + amoxicillin draft → critical',
      penicillinHigh,
      [RX.amoxicillin500],
      'allergy-same-drug',
      'critical',
    ],
    [
      'penicillin (low criticality) + amoxicillin draft → warning',
      { code: '91936005', criticality: 'low' as const },
      [RX.amoxicillin500],
      'allergy-same-drug',
      'warning',
    ],
    [
      'unconfirmed penicillin + penicillin V draft → warning',
      { code: '764146007', verificationStatus: 'unconfirmed' },
      [RX.penicillinV500],
      'allergy-same-drug',
      'warning',
    ],
    [
      'amoxicillin (RxNorm) anaphylaxis + cephalexin draft (same side chain) → warning',
      { code: '723', system: RXN, criticality: 'high' as const, reaction: anaphylaxis },
      [RX.cephalexin500],
      'allergy-penicillin-cephalosporin',
      'warning',
    ],
    [
      'penicillin anaphylaxis + ceftriaxone draft (dissimilar side chain) → info',
      penicillinHigh,
      [RX.ceftriaxone1g],
      'allergy-penicillin-cephalosporin',
      'info',
    ],
    [
      'penicillin anaphylaxis + cefazolin draft → info',
      penicillinHigh,
      [RX.cefazolin1g],
      'allergy-penicillin-cephalosporin',
      'info',
    ],
  ])('%s', (_n, allergy, drafts, ruleId, severity) => {
    const f = run(allergy, drafts);
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([[ruleId, severity]]);
    expect(f[0]?.draftRefs).toEqual(['MedicationRequest/d0']);
    expect(f[0]?.citations[0]?.year).toBe(2022);
  });

  it.each([
    ['aztreonam with penicillin allergy (no cross-reactivity)', penicillinHigh, [RX.aztreonam1g]],
    ['non-penicillin drug', penicillinHigh, [RX.warfarin5]],
    ['food allergy (peanut)', { code: '91935009' }, [RX.amoxicillin500]],
    ['refuted penicillin allergy', { ...penicillinHigh, verificationStatus: 'refuted' }, [RX.amoxicillin500]],
    ['entered-in-error allergy', { ...penicillinHigh, verificationStatus: 'entered-in-error' }, [RX.amoxicillin500]],
    ['resolved allergy', { ...penicillinHigh, clinicalStatus: 'resolved' }, [RX.amoxicillin500]],
    ['non-severe penicillin allergy + carbapenem-free cephalosporin in chart', { code: '91936005' }, []],
  ])('does not fire: %s', (_n, allergy, drafts) => {
    expect(run(allergy, drafts)).toEqual([]);
  });

  it('flags an active chart drug that matches an allergy as a warning, without draft refs', () => {
    const f = run(penicillinHigh, [], [RX.amoxicillin500]);
    expect(f.map((x) => [x.ruleId, x.severity, x.draftRefs])).toEqual([['allergy-same-drug', 'warning', []]]);
  });

  it('suggests removing the draft order', () => {
    const [f] = run(penicillinHigh, [RX.amoxicillin500]);
    expect(f?.suggestions[0]?.actions[0]).toMatchObject({ type: 'delete', resourceId: ['MedicationRequest/d0'] });
    expect(f?.detail).toContain('Anaphylaxis');
  });
});
