/**
 * The demo EHR's allergy and problem pick lists carry only codes the engine's knowledge tables already hold with a
 * named source, and build the resources the hook definitions describe.
 */
import { describe, expect, it } from 'vitest';
import { RXNORM, SNOMED } from '@fhir/codings';
import { DRUG_DISEASE } from '@reasoning/knowledge/drug-disease';
import { INGREDIENTS } from '@reasoning/knowledge/drugs/ingredients';
import { ANAPHYLAXIS_SNOMED, RXNORM_ALLERGENS, SNOMED_ALLERGENS } from '@reasoning/knowledge/drugs/allergens';
import {
  ALLERGY_CHOICES,
  PROBLEM_CHOICES,
  REACTION_CHOICES,
  newAllergy,
  newProblem,
} from '../../../demo/ehr/chart-entries';
import { refillOf } from '../../../demo/ehr/refill';

describe('demo EHR pick lists', () => {
  it('offers allergy substances whose codes the allergy tables know, none of them marked unverified', () => {
    for (const c of ALLERGY_CHOICES) {
      const known =
        c.system === RXNORM
          ? (INGREDIENTS[c.code] !== undefined && INGREDIENTS[c.code]?.src !== 'unverified') ||
            RXNORM_ALLERGENS[c.code] !== undefined
          : SNOMED_ALLERGENS[c.code] !== undefined;
      expect(known, `${c.system}|${c.code} ${c.display}`).toBe(true);
    }
  });

  it('names each RxNorm ingredient as the ingredient table does', () => {
    for (const c of ALLERGY_CHOICES.filter((x) => x.system === RXNORM && INGREDIENTS[x.code])) {
      expect(c.display.toLowerCase()).toContain(INGREDIENTS[c.code]?.name.toLowerCase());
    }
  });

  it('offers problems whose SNOMED CT codes a drug–disease entry matches', () => {
    for (const c of PROBLEM_CHOICES) {
      expect(c.system).toBe(SNOMED);
      expect(
        DRUG_DISEASE.some((e) => e.condition.snomed[c.code] !== undefined),
        `${c.code} ${c.display}`,
      ).toBe(true);
    }
  });

  it('codes only the anaphylaxis reaction, with the code the allergy rule reads', () => {
    expect(REACTION_CHOICES.filter((r) => r.code).map((r) => r.code)).toEqual([ANAPHYLAXIS_SNOMED]);
  });
});

describe('demo EHR chart entries', () => {
  const penicillin = ALLERGY_CHOICES[0]!;

  it('builds an active, confirmed medication allergy for the patient, with criticality and reaction only when given', () => {
    const bare = newAllergy({ substance: penicillin }, 'p1', 'a1', '2026-01-02T00:00:00Z');
    expect(bare).toMatchObject({
      resourceType: 'AllergyIntolerance',
      id: 'a1',
      patient: { reference: 'Patient/p1' },
      category: ['medication'],
      clinicalStatus: { coding: [{ code: 'active' }] },
      verificationStatus: { coding: [{ code: 'confirmed' }] },
      code: { coding: [{ system: penicillin.system, code: penicillin.code }] },
    });
    expect(bare).not.toHaveProperty('criticality');
    expect(bare).not.toHaveProperty('reaction');
    const full = newAllergy(
      { substance: penicillin, criticality: 'high', reaction: REACTION_CHOICES[1]! },
      'p1',
      'a1',
      '2026-01-02T00:00:00Z',
    );
    expect(full.criticality).toBe('high');
    expect(full.reaction?.[0]?.manifestation).toEqual([{ text: REACTION_CHOICES[1]!.display }]);
  });

  it('builds a problem-list-item Condition about the patient', () => {
    const c = newProblem(PROBLEM_CHOICES[0]!, 'p1', 'c1', '2026-01-02T00:00:00Z');
    expect(c.category?.[0]?.coding?.[0]?.code).toBe('problem-list-item');
    expect(c.subject.reference).toBe('Patient/p1');
    expect(c.code?.coding?.[0]?.code).toBe(PROBLEM_CHOICES[0]!.code);
  });

  it('builds a refill as a draft order with a new id that names the prescription it renews', () => {
    const prior: fhir4.MedicationRequest = {
      resourceType: 'MedicationRequest',
      id: 'rx1',
      meta: { versionId: '3' },
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      medicationCodeableConcept: { coding: [{ system: RXNORM, code: '314076' }] },
    };
    const refill = refillOf(prior, 'refill-rx1', '2026-01-02T00:00:00Z');
    expect(refill).toMatchObject({
      id: 'refill-rx1',
      status: 'draft',
      intent: 'order',
      priorPrescription: { reference: 'MedicationRequest/rx1' },
      medicationCodeableConcept: prior.medicationCodeableConcept,
    });
    expect(refill).not.toHaveProperty('meta');
  });
});
