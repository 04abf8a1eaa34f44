/**
 * Anticoagulant stewardship from FHIR resources: DOACs with combined P-gp/strong CYP3A4 inhibitors, dabigatran with
 * dronedarone, anticoagulation at platelets < 50 × 10⁹/L, apixaban 2.5 mg without the label criteria, and
 * enoxaparin at CrCl < 30.
 */
import { describe, expect, it } from 'vitest';
import { runEngine } from '@reasoning/engine';
import type { Finding } from '@reasoning/types';
import {
  makeDraft,
  makeInput,
  makeMedicationRequest,
  makeObservation,
  makePatient,
  RX,
} from '../support/fhir-builders';
import { AF, creatinine, weight } from '../support/scenario-helpers';

const run = (chart: fhir4.Resource[], drafts: fhir4.Resource[] = [], patient = makePatient()): Finding[] =>
  runEngine(makeInput(chart, drafts, patient)).findings;
const byRule = (fs: Finding[], id: string) => fs.filter((f) => f.ruleId === id);
const APIXABAN_25 = { code: '1364435', display: 'apixaban 2.5 MG Oral Tablet' };
const platelets = (v: number) =>
  makeObservation({ loinc: '777-3', value: v, unit: '10*3/uL', date: '2021-03-30T08:00:00Z' });

describe('DOAC interactions from the labels', () => {
  it.each([
    ['ketoconazole ordered on apixaban', RX.apixaban5, '6135', 'ddi-doac-pgp-strong-cyp3a4-inhibitor'],
    ['ritonavir ordered on rivaroxaban', '1114195', '85762', 'ddi-doac-pgp-strong-cyp3a4-inhibitor'],
    ['dronedarone ordered on dabigatran', '1037042', '233698', 'ddi-dabigatran-dronedarone-ketoconazole'],
    ['St John’s wort ordered on apixaban', RX.apixaban5, '258326', 'ddi-doac-inducer'],
  ])('%s is a warning', (_n, doac, partner, ruleId) => {
    expect(
      byRule(run([makeMedicationRequest({ code: doac })], [makeDraft({ code: partner, id: 'draft1' })]), ruleId).map(
        (f) => f.severity,
      ),
    ).toEqual(['warning']);
  });

  it('clarithromycin does not raise the combined-inhibitor entry (apixaban label: no dose change needed)', () => {
    expect(
      byRule(
        run([makeMedicationRequest({ code: RX.apixaban5 })], [makeDraft({ code: RX.clarithromycin500, id: 'draft1' })]),
        'ddi-doac-pgp-strong-cyp3a4-inhibitor',
      ),
    ).toEqual([]);
  });
});

describe('anticoagulant with platelets below 50 × 10⁹/L', () => {
  it('a new enoxaparin order at platelets 38 is critical and shows the count', () => {
    const [f] = byRule(
      run([platelets(38)], [makeDraft({ code: '67108', display: 'enoxaparin', id: 'draft1' })]),
      'anticoagulant-thrombocytopenia',
    );
    expect(f?.severity).toBe('critical');
    expect(f?.inputs).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'latest platelets', value: 38 })]),
    );
  });

  it('warfarin on the chart at platelets 45 is a warning; at 120 nothing', () => {
    expect(
      byRule(run([makeMedicationRequest({ code: RX.warfarin5 }), platelets(45)]), 'anticoagulant-thrombocytopenia').map(
        (f) => f.severity,
      ),
    ).toEqual(['warning']);
    expect(
      byRule(run([makeMedicationRequest({ code: RX.warfarin5 }), platelets(120)]), 'anticoagulant-thrombocytopenia'),
    ).toEqual([]);
  });
});

describe('apixaban under-dosing in AF', () => {
  const young = makePatient({ birthDate: '1951-01-01' });
  it('2.5 mg ordered for a 70-year-old, 82 kg, creatinine 1.0 with AF: a warning to use 5 mg twice daily', () => {
    const fs = run(
      [AF, weight(82), creatinine(1.0, '2021-03-20T08:00:00Z')],
      [makeDraft({ ...APIXABAN_25, id: 'draft1' })],
      young,
    );
    const [f] = byRule(fs, 'apixaban-underdose-af');
    expect(f?.severity).toBe('warning');
    expect(f?.summary).toMatch(/0 of 3/);
  });

  it('is silent when two criteria are met (age 85, creatinine 1.6)', () => {
    const old = makePatient({ birthDate: '1935-06-01' });
    expect(
      byRule(
        run(
          [AF, weight(82), creatinine(1.6, '2021-03-20T08:00:00Z')],
          [makeDraft({ ...APIXABAN_25, id: 'draft1' })],
          old,
        ),
        'apixaban-underdose-af',
      ),
    ).toEqual([]);
  });

  it('is silent when a criterion is unknown and could make 2.5 mg right (no weight, creatinine 1.6)', () => {
    const old = makePatient({ birthDate: '1938-06-01' });
    expect(
      byRule(
        run([AF, creatinine(1.6, '2021-03-20T08:00:00Z')], [makeDraft({ ...APIXABAN_25, id: 'draft1' })], old),
        'apixaban-underdose-af',
      ),
    ).toEqual([]);
  });

  it('is silent without AF on record (2.5 mg is the VTE prophylaxis dose)', () => {
    expect(
      byRule(
        run(
          [weight(82), creatinine(1.0, '2021-03-20T08:00:00Z')],
          [makeDraft({ ...APIXABAN_25, id: 'draft1' })],
          young,
        ),
        'apixaban-underdose-af',
      ),
    ).toEqual([]);
  });
});

describe('enoxaparin at CrCl < 30', () => {
  it('a new enoxaparin order with CrCl about 20 mL/min is a warning naming the once-daily label dose', () => {
    const old = makePatient({ birthDate: '1936-01-01', gender: 'female' });
    const [f] = byRule(
      run(
        [weight(55), creatinine(2.2, '2021-03-28T08:00:00Z')],
        [makeDraft({ code: '67108', display: 'enoxaparin', id: 'draft1' })],
        old,
      ),
      'renal-enoxaparin',
    );
    expect(f?.severity).toBe('warning');
    expect(f?.action).toMatch(/30 mg SC once daily/);
  });
});
