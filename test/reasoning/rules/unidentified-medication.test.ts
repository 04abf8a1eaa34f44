/** Never silent: a draft Cairn cannot identify gets an info card; a chart medication it cannot identify is listed. */
import { describe, expect, it } from 'vitest';
import { runEngine } from '@reasoning/engine';
import { makeDraft, makeInput, makeMedicationRequest } from '../support/fhir-builders';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const draft = (id: string, medication: Partial<fhir4.MedicationRequest>): fhir4.MedicationRequest => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'draft',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  ...medication,
});
const unidentifiedCards = (r: ReturnType<typeof runEngine>) =>
  r.findings.filter((f) => f.ruleId === 'unidentified-medication');

describe('unidentified-medication', () => {
  it('a free-text draft Cairn cannot read: an info card naming it and what was not checked', () => {
    const r = runEngine(makeInput([], [draft('d1', { medicationCodeableConcept: { text: 'Grandma’s herbal tea' } })]));
    const [card] = unidentifiedCards(r);
    expect(card).toMatchObject({
      severity: 'info',
      family: 'unidentified-medication',
      draftRefs: ['MedicationRequest/d1'],
      summary: 'Cairn could not check Grandma’s herbal tea: product not recognised',
    });
    expect(card?.detail).toContain('drug–drug interactions');
    expect(card?.detail).toContain('allergies');
    expect(r.unidentified).toEqual([
      { ref: 'MedicationRequest/d1', display: 'Grandma’s herbal tea', codes: [], isDraft: true },
    ]);
  });

  it('an RxNorm code Cairn does not know, with no readable name: carded, the code listed', () => {
    const r = runEngine(
      makeInput(
        [],
        [
          draft('d2', {
            medicationCodeableConcept: {
              coding: [{ system: RXNORM, code: '999999901', display: 'Compounded cream 2%' }],
            },
          }),
        ],
      ),
    );
    expect(unidentifiedCards(r)[0]?.detail).toContain(`999999901 (${RXNORM})`);
    expect(r.unidentified[0]?.codes).toEqual([{ system: RXNORM, code: '999999901' }]);
  });

  it('a draft whose Medication reference is not in the request: carded, not dropped', () => {
    const r = runEngine(
      makeInput(
        [],
        [draft('d3', { medicationReference: { reference: 'Medication/missing', display: 'Study drug XR-7' } })],
      ),
    );
    expect(unidentifiedCards(r)[0]?.summary).toBe('Cairn could not check Study drug XR-7: product not recognised');
  });

  it('drafts identified by code, by RxNorm name or by brand get no such card', () => {
    const r = runEngine(
      makeInput(
        [],
        [
          makeDraft({ id: 'a', code: '855302' }),
          draft('b', {
            medicationCodeableConcept: {
              coding: [{ system: 'urn:local:formulary', code: 'W5', display: 'warfarin sodium 5 MG Oral Tablet' }],
            },
          }),
          draft('c', { medicationCodeableConcept: { text: 'Eliquis' } }),
        ],
      ),
    );
    expect(unidentifiedCards(r)).toEqual([]);
    expect(r.unidentified).toEqual([]);
  });

  it('a chart medication Cairn cannot identify is listed, not carded', () => {
    const r = runEngine(
      makeInput([makeMedicationRequest({ id: 'm1', code: 'H-42', system: 'urn:local', display: 'House mixture 42' })]),
    );
    expect(unidentifiedCards(r)).toEqual([]);
    expect(r.unidentified).toEqual([
      {
        ref: 'MedicationRequest/m1',
        display: 'House mixture 42',
        codes: [{ system: 'urn:local', code: 'H-42' }],
        isDraft: false,
      },
    ]);
  });
});
