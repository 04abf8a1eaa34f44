/**
 * The defects of the clinical audit, each proved from FHIR resources as an EHR sends them (RxNorm product codes,
 * LOINC, SNOMED CT / ICD-10-CM, UCUM) through runEngine — never from hand-built facts.
 */
import { describe, expect, it } from 'vitest';
import { runEngine } from '@reasoning/engine';
import type { EngineResult } from '@reasoning/types';
import {
  NOW,
  makeAllergy,
  makeCondition,
  makeDraft,
  makeInput,
  makeMedicationRequest,
  makeObservation,
  makePatient,
  RX,
} from './support/fhir-builders';
import { METFORMIN_500, NITROFURANTOIN_100, creatinine, find, potassium, weight } from './support/scenario-helpers';

const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const egfr = (loinc: string, value: number, date = '2021-03-25T08:00:00Z'): fhir4.Observation =>
  makeObservation({ loinc, value, unit: 'mL/min/{1.73_m2}', date });
const icdCondition = (id: string, code: string, display: string): fhir4.Condition => ({
  resourceType: 'Condition',
  id,
  subject: { reference: 'Patient/p1' },
  clinicalStatus: { coding: [{ code: 'active' }] },
  code: { coding: [{ system: ICD10CM, code, display }] },
});
const run = (resources: fhir4.Resource[], drafts: fhir4.Resource[] = [], patient = makePatient()): EngineResult =>
  runEngine({ ...makeInput(resources, drafts, patient), now: NOW });
const man78 = makePatient({ gender: 'male', birthDate: '1943-01-01' });

describe('race-coded eGFR never softens a contraindication', () => {
  const metformin = () =>
    makeMedicationRequest({ code: METFORMIN_500, display: 'metformin hydrochloride 500 MG Oral Tablet' });

  it('uses the value without the race coefficient when a lab reports both MDRD terms for one draw', () => {
    const r = run([metformin(), egfr('48642-3', 27), egfr('48643-1', 33)]);
    const f = find(r, 'renal-metformin');
    expect(f?.summary).toContain('eGFR 27 (eGFR < 30): contraindicated');
    expect(f?.inputs[0]?.source).toBe(f?.evidence[0]?.reference);
  });

  it.each([
    ['48643-1', 33, 27],
    ['88293-6', 34, 29],
  ])('divides the race coefficient out of a lone %s value (%s → %s)', (loinc, value, used) => {
    const f = find(run([metformin(), egfr(loinc, value)]), 'renal-metformin');
    expect(f?.summary).toContain(`eGFR ${used} (eGFR < 30): contraindicated`);
    expect(f?.detail).toContain('race coefficient');
  });

  it('prefers a race-free CKD-EPI 2021 value reported with the same draw', () => {
    const f = find(run([metformin(), egfr('98979-8', 28), egfr('88293-6', 38)]), 'renal-metformin');
    expect(f?.summary).toContain('eGFR 28');
  });

  it.each(['98980-6', '50210-4', '69405-9', '77147-7', '94677-2'])('reads eGFR LOINC %s', (loinc) => {
    expect(find(run([metformin(), egfr(loinc, 25)]), 'renal-metformin')?.summary).toContain('eGFR 25');
  });
});

describe('anticoagulant duplication: a DOAC and a heparin are not bridged', () => {
  const enoxaparinDraft = () => makeDraft({ id: 'enox', code: '67108', display: 'enoxaparin' });

  it('apixaban on the chart + a new enoxaparin order stays critical', () => {
    const f = find(run([makeMedicationRequest({ code: RX.apixaban5 })], [enoxaparinDraft()]), 'dup-anticoagulant');
    expect(f?.severity).toBe('critical');
  });

  it('warfarin + a new enoxaparin order (bridging) is a warning', () => {
    expect(
      find(run([makeMedicationRequest({ code: RX.warfarin5 })], [enoxaparinDraft()]), 'dup-anticoagulant')?.severity,
    ).toBe('warning');
  });

  it('warfarin + heparin + a new rivaroxaban order is critical (a DOAC joins)', () => {
    const r = run(
      [makeMedicationRequest({ code: RX.warfarin5 }), makeMedicationRequest({ code: '1361615' })],
      [makeDraft({ code: '1232086' })],
    );
    expect(find(r, 'dup-anticoagulant')?.severity).toBe('critical');
  });
});

describe('simvastatin contraindications (Zocor label section 4)', () => {
  const simvastatin = () => makeMedicationRequest({ code: '198211', display: 'simvastatin 40 MG Oral Tablet' });

  it.each([
    ['erythromycin 500 MG Oral Tablet', '197650', 'ddi-simvastatin-strong-cyp3a4'],
    ['atazanavir (ingredient)', '343047', 'ddi-simvastatin-strong-cyp3a4'],
    ['ritonavir (ingredient)', '85762', 'ddi-simvastatin-strong-cyp3a4'],
    ['voriconazole (ingredient)', '121243', 'ddi-simvastatin-strong-cyp3a4'],
    ['cycloSPORINE 50 MG Oral Capsule', '835900', 'ddi-simvastatin-cyclosporine'],
  ])('a new %s order with simvastatin is critical', (_name, code, ruleId) => {
    const f = find(run([simvastatin()], [makeDraft({ code })]), ruleId);
    expect(f?.severity).toBe('critical');
    expect(f?.summary).toContain('contraindicated');
  });
});

describe('sulfonamide allergy coded as the SMX/TMP combination', () => {
  it('an allergy to RxNorm 10831 matches a new sulfamethoxazole/trimethoprim order', () => {
    const allergy = makeAllergy({ code: '10831', system: RXNORM, display: 'Sulfamethoxazole / Trimethoprim' });
    const r = run([allergy], [makeDraft({ id: 'bactrim', code: RX.smxTmpDs })]);
    expect(
      r.findings.filter((f) => f.family === 'drug-allergy' && f.draftRefs.includes('MedicationRequest/bactrim')),
    ).not.toEqual([]);
  });
});

describe('conditions match through their value set (descendants included)', () => {
  it.each([
    ['233678006', 'Childhood asthma'],
    ['426979002', 'Mild persistent asthma'],
    ['195967001', 'Asthma'],
  ])('%s %s + a new propranolol order → critical', (snomed, display) => {
    const r = run(
      [makeCondition({ snomed, display, clinicalStatus: 'active' })],
      [makeDraft({ code: '8787', display: 'propranolol' })],
    );
    expect(find(r, 'dd-nonselective-beta-blocker-asthma')?.severity).toBe('critical');
  });

  it('heart failure coded as "Chronic diastolic heart failure" counts for an NSAID', () => {
    const r = run(
      [makeCondition({ snomed: '441530006', display: 'Chronic diastolic heart failure', clinicalStatus: 'active' })],
      [makeDraft({ code: RX.naproxen500 })],
    );
    expect(find(r, 'dd-nsaid-heart-failure')).toBeDefined();
  });
});

describe('colchicine + strong CYP3A4 inhibitor in renal impairment (Colcrys: contraindicated)', () => {
  const colchicine = () => makeMedicationRequest({ code: '2683', display: 'colchicine' });
  const clarithromycin = () => makeDraft({ id: 'clari', code: RX.clarithromycin500 });

  it("is critical when CrCl is below the label's 80 mL/min", () => {
    const f = find(
      run([colchicine(), creatinine(1.6, '2021-03-20T08:00:00Z'), weight(62)], [clarithromycin()], man78),
      'ddi-colchicine-strong-cyp3a4',
    );
    expect(f?.severity).toBe('critical');
    expect(f?.detail).toContain('the label contraindicates this combination');
    expect(f?.inputs.some((i) => i.name.startsWith('CrCl'))).toBe(true);
  });

  it('is critical with end-stage kidney disease coded', () => {
    const r = run([colchicine(), icdCondition('eskd', 'N18.6', 'End stage renal disease')], [clarithromycin()], man78);
    expect(find(r, 'ddi-colchicine-strong-cyp3a4')?.severity).toBe('critical');
  });

  it('stays a warning with normal kidney function, and says kidney function is unknown when it is', () => {
    const young = makePatient({ gender: 'male', birthDate: '1990-01-01' });
    const normal = find(
      run([colchicine(), creatinine(0.9, '2021-03-20T08:00:00Z'), weight(80)], [clarithromycin()], young),
      'ddi-colchicine-strong-cyp3a4',
    );
    expect(normal?.severity).toBe('warning');
    const unknown = find(run([colchicine()], [clarithromycin()], young), 'ddi-colchicine-strong-cyp3a4');
    expect(unknown?.severity).toBe('warning');
    expect(unknown?.detail).toContain('Kidney function unknown');
  });
});

describe('MRA starting conditions: eGFR > 30 and potassium < 5.0', () => {
  const spironolactone = () => makeDraft({ id: 'spiro', code: '313096', display: 'spironolactone 25 MG Oral Tablet' });

  it('a new spironolactone order at eGFR ≤ 30 fires even with a normal potassium', () => {
    const f = find(run([potassium(4.4), egfr('98979-8', 24)], [spironolactone()]), 'hyperkalemia-mra-draft');
    expect(f?.summary).toContain('eGFR 24 (≤ 30)');
    expect(f?.inputs.map((i) => i.name)).toEqual(
      expect.arrayContaining(['Potassium (latest)', 'eGFR (laboratory-reported)']),
    );
  });

  it('does not fire at eGFR 45 and potassium 4.4; fires at potassium 5.2', () => {
    expect(
      find(run([potassium(4.4), egfr('98979-8', 45)], [spironolactone()]), 'hyperkalemia-mra-draft'),
    ).toBeUndefined();
    expect(
      find(run([potassium(5.2), egfr('98979-8', 45)], [spironolactone()]), 'hyperkalemia-mra-draft')?.summary,
    ).toContain('potassium 5.2');
  });
});

describe('rivaroxaban in nonvalvular AF at low CrCl', () => {
  it('says 15 mg daily at CrCl < 15, not "avoid"', () => {
    const r = run(
      [
        makeMedicationRequest({ code: '1232086', display: 'rivaroxaban 20 MG Oral Tablet' }),
        creatinine(4.5, '2021-03-20T08:00:00Z'),
        weight(60),
      ],
      [],
      man78,
    );
    const f = find(r, 'renal-rivaroxaban');
    expect(f?.summary).toMatch(/CrCl \d+ \(CrCl ≤ 50\): label dose 15 mg daily/);
  });
});

describe('AKI: KDIGO stage 3 needs a rise to ≥ 4.0; dialysis patients are not staged', () => {
  const series = (values: [number, string][]) => values.map(([v, d]) => creatinine(v, d));

  it('a CKD 5 patient whose creatinine goes 4.2 → 4.5 in a day is stage 1 (warning), not stage 3', () => {
    const r = run([
      icdCondition('ckd5', 'N18.5', 'Chronic kidney disease, stage 5'),
      ...series([
        [4.2, '2021-03-30T08:00:00Z'],
        [4.5, '2021-03-31T08:00:00Z'],
      ]),
    ]);
    const f = find(r, 'aki-kdigo');
    expect(f?.summary).toContain('KDIGO stage 1');
    expect(f?.severity).toBe('warning');
  });

  it('a rise from 3.2 to 4.1 within 48 hours is stage 3 (critical)', () => {
    const f = find(
      run(
        series([
          [3.2, '2021-03-30T08:00:00Z'],
          [4.1, '2021-03-31T08:00:00Z'],
        ]),
      ),
      'aki-kdigo',
    );
    expect(f?.severity).toBe('critical');
    expect(f?.detail).toContain('rise to ≥ 4 mg/dL');
  });

  it.each([
    [icdCondition('z992', 'Z99.2', 'Dependence on renal dialysis')],
    [makeCondition({ snomed: '236435004', display: 'End stage renal failure on dialysis', clinicalStatus: 'active' })],
  ])(
    'a dialysis patient whose creatinine swings with sessions gets no AKI card, and the reason is recorded',
    (dialysis) => {
      const r = run([
        dialysis,
        ...series([
          [4.1, '2021-03-29T08:00:00Z'],
          [8.3, '2021-03-31T08:00:00Z'],
        ]),
      ]);
      expect(find(r, 'aki-kdigo')).toBeUndefined();
      expect(r.skipped.some((s) => s.subject === 'acute-kidney-injury' && s.reason.includes('dialysis'))).toBe(true);
    },
  );
});

describe('Cockcroft–Gault is not computed for children', () => {
  it('a 12-year-old on nitrofurantoin gets no CrCl; the reason names the adult equation', () => {
    const child = makePatient({ gender: 'female', birthDate: '2008-06-01' });
    const r = run(
      [makeMedicationRequest({ code: NITROFURANTOIN_100 }), creatinine(1.4, '2021-03-20T08:00:00Z'), weight(40)],
      [],
      child,
    );
    expect(r.findings.filter((f) => f.family === 'renal-dosing')).toEqual([]);
    const reason = r.skipped.find((s) => s.subject === 'renal-dosing')?.reason;
    expect(reason).toContain('Cockcroft–Gault is an adult equation and is not computed under 18');
  });
});

describe('warfarin + NSAID: upper GI bleeding history from the full PDDI-CDS value set', () => {
  it('46523000 (chronic gastrojejunal ulcer with hemorrhage and perforation) raises the risk to critical', () => {
    const man50 = makePatient({ gender: 'male', birthDate: '1971-01-01' });
    const ulcer = makeCondition({
      snomed: '46523000',
      display: 'Chronic gastrojejunal ulcer with hemorrhage AND with perforation but without obstruction',
    });
    const withUlcer = run(
      [makeMedicationRequest({ code: RX.warfarin5 }), ulcer],
      [makeDraft({ code: RX.naproxen500 })],
      man50,
    );
    const without = run([makeMedicationRequest({ code: RX.warfarin5 })], [makeDraft({ code: RX.naproxen500 })], man50);
    expect(find(withUlcer, 'ddi-warfarin-nsaid')?.severity).toBe('critical');
    expect(find(without, 'ddi-warfarin-nsaid')?.severity).toBe('warning');
  });
});

describe('warfarin monitoring cites the CHEST 2012 recommendation it applies', () => {
  it('an overdue INR cites recommendation 3.1 (testing up to every 12 weeks)', () => {
    const r = run([
      makeMedicationRequest({ code: RX.warfarin5 }),
      makeObservation({ loinc: '6301-6', value: 2.4, unit: '{INR}', date: '2020-10-01T08:00:00Z' }),
    ]);
    const f = r.findings.find((x) => x.family === 'warfarin-monitoring');
    expect(f?.detail).toContain('recommendation 3.1');
    expect(f?.citations[0]?.title).toContain('recommendation 3.1');
  });
});
