import { describe, expect, it } from 'vitest';
import { renalDosingRule } from '@reasoning/rules/renal-dosing';
import type { MedicationFact, ObservationFact } from '@reasoning/facts';
import { makeFacts, makeMedicationFact, makeObservationFact } from '../support/fact-builders';

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const med = (ingredient: string, over: Partial<MedicationFact> = {}) =>
  makeMedicationFact({ ingredients: [ingredient], display: `drug ${ingredient}`, ...over });
const METFORMIN = '6809';
const egfr = (v: number, date = '2021-03-01') => makeObservationFact('egfr', v, date);
/** A 68-year-old man: Cockcroft–Gault CrCl = weight / creatinine exactly ((140 − 68) / 72 = 1). */
const crclFacts = (crcl: number, meds: MedicationFact[], drafts: MedicationFact[] = []) =>
  makeFacts({
    patient: { ageYears: 68, birthDate: '1952-06-01', sex: 'male' },
    medications: meds,
    drafts,
    observations: [
      makeObservationFact('creatinine', 1, '2021-03-01'),
      makeObservationFact('body-weight', crcl, '2021-03-01'),
    ],
  });

describe('renal-dosing: metformin (eGFR, FDA 2016)', () => {
  it.each([
    { v: 29, chart: 'warning', draft: 'warning', brief: 'contraindicated' },
    { v: 30, chart: 'info', draft: 'warning', brief: 'do not start' },
    { v: 44, chart: 'info', draft: 'warning', brief: 'do not start' },
  ])('eGFR $v → $brief (chart $chart, draft $draft)', ({ v, chart, draft, brief }) => {
    const onChart = renalDosingRule.evaluate(
      makeFacts({ medications: [med(METFORMIN)], observations: [egfr(v)] }),
    ).findings;
    const asDraft = renalDosingRule.evaluate(makeFacts({ drafts: [med(METFORMIN)], observations: [egfr(v)] })).findings;
    expect(onChart).toHaveLength(1);
    expect(onChart[0]).toMatchObject({
      ruleId: 'renal-metformin',
      family: 'renal-dosing',
      severity: chart,
      draftRefs: [],
    });
    expect(onChart[0]?.summary).toContain(brief);
    expect(asDraft[0]?.severity).toBe(draft);
  });

  it('does not fire at exactly eGFR 45', () => {
    expect(
      renalDosingRule.evaluate(makeFacts({ medications: [med(METFORMIN)], observations: [egfr(45)] })).findings,
    ).toEqual([]);
  });

  it('names the draft and suggests deleting it', () => {
    const draft = med(METFORMIN, { isDraft: true });
    const [f] = renalDosingRule.evaluate(makeFacts({ drafts: [draft], observations: [egfr(25)] })).findings;
    expect(f?.draftRefs).toEqual([draft.ref]);
    expect(f?.id).toBe(`renal-metformin:${METFORMIN}:${draft.ref}`);
    expect(f?.suggestions[0]?.actions[0]).toMatchObject({ type: 'delete', resourceId: [draft.ref] });
    expect(f?.summary.length).toBeLessThan(140);
  });

  it('shows the calculated eGFR, the creatinine and their dates as inputs', () => {
    const scr: ObservationFact = makeObservationFact('creatinine', 2.5, '2021-03-01', {
      originalValue: 221,
      originalUnit: 'umol/L',
    });
    const [f] = renalDosingRule.evaluate(
      makeFacts({
        patient: { birthDate: '1951-01-01', sex: 'male' },
        medications: [med(METFORMIN)],
        observations: [scr],
      }),
    ).findings;
    expect(f?.inputs[0]).toMatchObject({
      name: 'eGFR (CKD-EPI 2021, calculated)',
      value: 27,
      date: '2021-03-01',
      source: scr.ref,
    });
    expect(f?.inputs[1]).toMatchObject({ name: 'Serum creatinine', value: 2.5, unit: 'mg/dL' });
    expect(f?.evidence.map((e) => e.reference)).toContain(scr.ref);
  });

  it.each([
    { name: 'no kidney labs', obs: [], reason: /no creatinine is recorded/ },
    {
      name: 'creatinine and eGFR older than 12 months',
      obs: [makeObservationFact('creatinine', 3, '2020-01-15'), egfr(20, '2020-01-15')],
      reason: /older than 365 days/,
    },
  ])('reports insufficient data with the reason: $name', ({ obs, reason }) => {
    const out = renalDosingRule.evaluate(makeFacts({ medications: [med(METFORMIN)], observations: obs }));
    expect(out.findings).toEqual([]);
    expect(out.insufficient?.[0]).toMatch(reason);
  });

  it('stays silent (and reports nothing missing) when no relevant drug is present', () => {
    expect(renalDosingRule.evaluate(makeFacts({ observations: [] }))).toEqual({ findings: [] });
  });
});

describe('renal-dosing: NSAIDs (eGFR < 30)', () => {
  const nsaid = (over: Partial<MedicationFact> = {}) =>
    makeMedicationFact({ ingredients: ['7258'], classes: ['nsaid'], display: 'naproxen', ...over });
  it.each([
    [29, 1],
    [30, 0],
  ])('eGFR %i → %i finding(s)', (v, n) => {
    expect(
      renalDosingRule.evaluate(makeFacts({ medications: [nsaid()], observations: [egfr(v)] })).findings,
    ).toHaveLength(n);
  });
  it('exempts topical NSAIDs', () => {
    expect(
      renalDosingRule.evaluate(makeFacts({ medications: [nsaid({ route: 'topical' })], observations: [egfr(10)] }))
        .findings,
    ).toEqual([]);
  });
});

describe('renal-dosing: CrCl-based labels (Cockcroft–Gault)', () => {
  it.each([
    { drug: 'nitrofurantoin', cui: '7454', crcl: 29, fires: 'avoid' },
    { drug: 'nitrofurantoin', cui: '7454', crcl: 30, fires: undefined },
    { drug: 'gabapentin', cui: '25480', crcl: 59, fires: 'CrCl 30–59): label maximum 1400 mg/day' },
    { drug: 'gabapentin', cui: '25480', crcl: 29, fires: 'CrCl 15–29): label maximum 700 mg/day' },
    { drug: 'gabapentin', cui: '25480', crcl: 14, fires: 'CrCl < 15): label maximum 300 mg/day' },
    { drug: 'gabapentin', cui: '25480', crcl: 60, fires: undefined },
    { drug: 'pregabalin', cui: '187832', crcl: 59, fires: 'CrCl 31–59): label maximum 300 mg/day' },
    { drug: 'pregabalin', cui: '187832', crcl: 30, fires: 'CrCl 15–30): label maximum 150 mg/day' },
    { drug: 'pregabalin', cui: '187832', crcl: 14, fires: 'CrCl < 15): label maximum 75 mg/day' },
    { drug: 'pregabalin', cui: '187832', crcl: 60, fires: undefined },
    { drug: 'rivaroxaban', cui: '1114195', crcl: 14, fires: '15 mg daily' },
    { drug: 'rivaroxaban', cui: '1114195', crcl: 15, fires: '15 mg daily' },
    { drug: 'rivaroxaban', cui: '1114195', crcl: 50, fires: '15 mg daily' },
    { drug: 'rivaroxaban', cui: '1114195', crcl: 51, fires: undefined },
    { drug: 'dabigatran', cui: '1037042', crcl: 30, fires: '75 mg twice daily' },
    { drug: 'dabigatran', cui: '1037042', crcl: 31, fires: undefined },
    { drug: 'edoxaban', cui: '1599538', crcl: 50, fires: '30 mg daily' },
    { drug: 'edoxaban', cui: '1599538', crcl: 95, fires: undefined },
    { drug: 'edoxaban', cui: '1599538', crcl: 96, fires: 'less effective' },
  ])('$drug at CrCl $crcl → $fires', ({ cui, crcl, fires }) => {
    const { findings } = renalDosingRule.evaluate(crclFacts(crcl, [med(cui)]));
    if (fires === undefined) expect(findings).toEqual([]);
    else expect(findings[0]?.summary).toContain(fires);
    if (fires)
      expect(findings[0]?.inputs[0]).toMatchObject({ name: 'CrCl (Cockcroft–Gault, actual body weight)', value: crcl });
  });

  it.each([
    { cui: '1114195', crcl: 40, code: '1232082', dosage: '15 mg orally once daily with the evening meal' },
    { cui: '1037042', crcl: 20, code: '1037179', dosage: '75 mg orally twice daily' },
    { cui: '1599538', crcl: 40, code: '1599551', dosage: '30 mg orally once daily' },
  ])('offers the label-dose product $code for a draft DOAC ($cui) at CrCl $crcl', ({ cui, crcl, code, dosage }) => {
    const draft = med(cui, { isDraft: true });
    const [f] = renalDosingRule.evaluate(crclFacts(crcl, [], [draft])).findings;
    expect(f?.severity).toBe('warning');
    const [replace, remove] = f?.suggestions ?? [];
    expect(replace?.actions[0]).toMatchObject({ type: 'delete', resourceId: [draft.ref] });
    const create = replace?.actions[1];
    const resource = create && 'resource' in create ? (create.resource as fhir4.MedicationRequest) : undefined;
    expect(resource?.medicationCodeableConcept?.coding?.[0]?.code).toBe(code);
    expect(resource?.status).toBe('draft');
    expect(resource?.dosageInstruction?.[0]?.text).toContain(dosage);
    expect(remove?.actions).toHaveLength(1);
  });

  it.each([
    { cui: '25480', display: '24 HR gabapentin 600 MG Extended Release Oral Tablet [Gralise]', id: 'renal-gabapentin' },
    { cui: '25480', display: 'Horizant 600 mg ER tablet', id: 'renal-gabapentin' },
    { cui: '187832', display: '24 HR pregabalin 165 MG Extended Release Oral Tablet', id: 'renal-pregabalin' },
    { cui: '187832', display: 'Lyrica CR 330 mg', id: 'renal-pregabalin' },
  ])(
    'an extended-release gabapentinoid ($display) at CrCl 25 is reported as not assessed, not passed or judged by IR limits',
    ({ cui, display, id }) => {
      const er = med(cui, { display, isDraft: true });
      const ir = med(cui, { display: 'immediate-release', ref: 'MedicationRequest/ir' });
      const out = renalDosingRule.evaluate(crclFacts(25, [ir], [er]));
      expect(out.insufficient?.join('\n')).toMatch(new RegExp(`${id}: .* not checked at CrCl .*own renal table`));
      expect(out.findings.flatMap((f) => f.draftRefs)).not.toContain(er.ref);
      // The immediate-release order on the same chart is still checked.
      expect(out.findings.map((f) => f.ruleId)).toContain(id);
    },
  );

  it('"Cr" in an immediate-release order text is not read as controlled release', () => {
    const ir = med('187832', { display: 'pregabalin 75 mg cap, dose for Cr 2.1', isDraft: true });
    const out = renalDosingRule.evaluate(crclFacts(25, [], [ir]));
    expect(out.insufficient ?? []).toEqual([]);
    expect(out.findings.map((f) => f.ruleId)).toEqual(['renal-pregabalin']);
  });

  it('does not re-flag an order already coded as the reduced-dose product', () => {
    const low = med('1114195', { codes: [{ system: RX, code: '1232082' }] });
    expect(renalDosingRule.evaluate(crclFacts(40, [low])).findings).toEqual([]);
  });

  it('gives rivaroxaban in NVAF 15 mg daily at every CrCl ≤ 50, dialysis included; "avoid" is for other indications', () => {
    const [f] = renalDosingRule.evaluate(crclFacts(10, [], [med('1114195', { isDraft: true })])).findings;
    expect(f?.summary).toContain('CrCl ≤ 50): label dose 15 mg daily');
    expect(f?.action).toContain('including CrCl < 15 and end-stage kidney disease on dialysis, is 15 mg once daily');
    expect(f?.action).toContain('For the other indications the label avoids rivaroxaban at low CrCl');
  });

  it('offers no replacement for an "avoid" tier, only removal', () => {
    const [f] = renalDosingRule.evaluate(crclFacts(10, [], [med('1037042', { isDraft: true })])).findings;
    expect(f?.suggestions.map((s) => s.label)).toEqual([expect.stringMatching(/^Remove the draft order/)]);
  });

  it('falls back to eGFR, and says so, when no recent weight exists', () => {
    const obs = [
      makeObservationFact('creatinine', 2.5, '2021-03-01'),
      makeObservationFact('body-weight', 70, '2020-01-01'),
    ];
    const [f] = renalDosingRule.evaluate(makeFacts({ medications: [med('7454')], observations: obs })).findings;
    expect(f?.summary).toContain('eGFR 27');
    expect(f?.detail).toMatch(
      /CrCl could not be computed \(the latest body weight \(2020-01-01\) is older than 183 days\)/,
    );
  });
});

describe('renal-dosing: apixaban dose-reduction criteria', () => {
  const APIX_5 = { system: RX, code: '1364445' };
  const apix = (over: Partial<MedicationFact> = {}) =>
    med('1364430', { codes: [APIX_5], display: 'apixaban 5 MG Oral Tablet', ...over });
  const facts = (
    age: number,
    scr: number | undefined,
    weight: number | undefined,
    meds: MedicationFact[],
    drafts: MedicationFact[] = [],
  ) =>
    makeFacts({
      patient: { ageYears: age, birthDate: `${2021 - age - 1}-01-01` },
      medications: meds,
      drafts,
      observations: [
        ...(scr === undefined ? [] : [makeObservationFact('creatinine', scr, '2021-03-01')]),
        ...(weight === undefined ? [] : [makeObservationFact('body-weight', weight, '2021-03-01')]),
      ],
    });

  it.each([
    { age: 80, scr: 1.5, weight: 70, fires: true },
    { age: 79, scr: 1.5, weight: 60, fires: true },
    { age: 79, scr: 1.49, weight: 61, fires: false },
    { age: 85, scr: 1.0, weight: 61, fires: false },
  ])('age $age, creatinine $scr, weight $weight → fires $fires', ({ age, scr, weight, fires }) => {
    expect(
      renalDosingRule.evaluate(facts(age, scr, weight, [apix()])).findings.some((f) => f.ruleId === 'renal-apixaban'),
    ).toBe(fires);
  });

  it('proposes the label dose product for a draft, as a draft order, plus plain removal', () => {
    const draft = apix({ isDraft: true });
    const [f] = renalDosingRule.evaluate(facts(84, 1.7, 70, [], [draft])).findings;
    expect(f?.severity).toBe('warning');
    const create = f?.suggestions[0]?.actions[1];
    expect(create?.type).toBe('create');
    expect(create && 'resource' in create ? create.resource : undefined).toMatchObject({
      status: 'draft',
      medicationCodeableConcept: { coding: [{ code: '1364435' }] },
    });
    expect(f?.suggestions[1]?.actions).toHaveLength(1);
  });

  it('does not fire for an order already at 2.5 mg (strength read from the RxNorm name, as normalize does)', () => {
    const low = apix({
      codes: [{ system: RX, code: '1364435' }],
      strengths: { '1364430': { mg: 2.5, perHour: false } },
    });
    expect(renalDosingRule.evaluate(facts(84, 1.7, 55, [low])).findings).toEqual([]);
  });

  it('reports insufficient when a missing weight could decide it', () => {
    const out = renalDosingRule.evaluate(facts(84, 1.2, undefined, [apix()]));
    expect(out.findings).toEqual([]);
    expect(out.insufficient?.join()).toMatch(/unknown: weight ≤ 60 kg/);
  });
});
