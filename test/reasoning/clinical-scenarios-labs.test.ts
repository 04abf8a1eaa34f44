/**
 * Clinical scenarios a reviewer would write — kidney function, potassium, AKI, anticoagulation gap, INR and NEWS2:
 * hand-built FHIR R4 through the whole engine, expectations from the cited guideline or label.
 */
import { describe, expect } from 'vitest';
import type { Finding } from '@reasoning/types';
import { RX, makeDraft, makeInput, makeMedicationRequest, makeObservation, makePatient } from './support/fhir-builders';
import {
  creatinine,
  egfrReported,
  weight,
  potassium,
  vitals,
  AF,
  HTN,
  T2DM,
  METFORMIN_500,
  NITROFURANTOIN_100,
  POTASSIUM_CHLORIDE_IN,
  find,
  findFamily,
  allText,
  man70,
  woman82,
  runScenarios,
  type Scenario,
} from './support/scenario-helpers';

const scenarios: Scenario[] = [
  {
    // Calibration: a warning that says "contraindicated" (the label's word), not a critical interruption — the harm
    // (lactic acidosis) builds over time, unlike the immediate harms our critical cards are kept for.
    name: 'draft metformin, creatinine 2.1 mg/dL in a 71-year-old woman (eGFR ≈ 25): contraindicated warning (label: eGFR < 30)',
    input: makeInput([creatinine(2.1, '2021-03-25T08:00:00Z')], [makeDraft({ code: METFORMIN_500 })]),
    check: (r) => {
      const [f] = findFamily(r, 'renal-dosing');
      expect(f?.severity).toBe('warning');
      expect(allText(f as Finding)).toContain('contraindicated');
    },
  },
  {
    name: 'draft metformin, creatinine 186 µmol/L (same patient, SI units): same contraindication',
    input: makeInput([creatinine(186, '2021-03-25T08:00:00Z', 'umol/L')], [makeDraft({ code: METFORMIN_500 })]),
    check: (r) => expect(findFamily(r, 'renal-dosing')[0]?.summary).toMatch(/eGFR 25 .*contraindicated/),
  },
  {
    name: 'draft metformin, creatinine 1.4 mg/dL (eGFR ≈ 40): do not initiate (label: eGFR 30–45)',
    input: makeInput([creatinine(1.4, '2021-03-25T08:00:00Z')], [makeDraft({ code: METFORMIN_500 })]),
    check: (r) => {
      const [f] = findFamily(r, 'renal-dosing');
      expect(f?.severity).toBe('warning');
      expect(allText(f as Finding)).toMatch(/initiat|start/);
      expect(allText(f as Finding)).not.toContain('contraindicated');
    },
  },
  {
    name: 'draft metformin, creatinine 1.15 mg/dL (eGFR ≈ 51): no renal card',
    input: makeInput([creatinine(1.15, '2021-03-25T08:00:00Z')], [makeDraft({ code: METFORMIN_500 })]),
    check: (r) => expect(findFamily(r, 'renal-dosing')).toEqual([]),
  },
  {
    name: 'draft metformin, lab-reported CKD-EPI eGFR exactly 30: not contraindicated (the label cut-off is "below 30")',
    input: makeInput([egfrReported(30)], [makeDraft({ code: METFORMIN_500 })]),
    check: (r) => expect(findFamily(r, 'renal-dosing')[0]?.severity).toBe('warning'),
  },
  {
    name: 'draft metformin, lab-reported eGFR exactly 45: no card (initiation caution is 30–45, exclusive of 45)',
    input: makeInput([egfrReported(45)], [makeDraft({ code: METFORMIN_500 })]),
    check: (r) => expect(findFamily(r, 'renal-dosing')).toEqual([]),
  },
  {
    name: 'draft apixaban 5 mg BID, AF, age 82 and 55 kg, creatinine 1.0: reduce to 2.5 mg (label: 2 of age ≥ 80, weight ≤ 60 kg, Cr ≥ 1.5)',
    input: makeInput(
      [AF, weight(55), creatinine(1.0, '2021-03-25T08:00:00Z')],
      [makeDraft({ code: RX.apixaban5 })],
      woman82,
    ),
    check: (r) => {
      const f = r.findings.find((x) => x.ruleId.includes('apixaban'));
      expect(f?.severity).toBe('warning');
      expect(allText(f as Finding)).toContain('2.5');
    },
  },
  {
    name: 'draft apixaban 5 mg, age 82 but 70 kg and creatinine 1.0: only one criterion, no dose card',
    input: makeInput(
      [AF, weight(70), creatinine(1.0, '2021-03-25T08:00:00Z')],
      [makeDraft({ code: RX.apixaban5 })],
      woman82,
    ),
    check: (r) => expect(r.findings.filter((x) => x.ruleId.includes('apixaban'))).toEqual([]),
  },
  {
    name: 'draft nitrofurantoin, 60 kg woman aged 71, creatinine 2.0 (CrCl ≈ 24): avoid',
    input: makeInput([weight(60), creatinine(2.0, '2021-03-25T08:00:00Z')], [makeDraft({ code: NITROFURANTOIN_100 })]),
    check: (r) => expect(find(r, 'renal-nitrofurantoin')?.severity).toBe('warning'),
  },
  {
    name: 'AF + hypertension + diabetes, man aged 70, no anticoagulant: gap warning with CHA2DS2-VASc components',
    input: makeInput([AF, HTN, T2DM], [], man70),
    check: (r) => {
      const [f] = findFamily(r, 'anticoagulation-gap');
      expect(f?.severity).toBe('warning');
      const score = r.scores.find((s) => s.id === 'cha2ds2-vasc');
      expect(score?.value).toBe(3);
      expect(
        score?.components
          .filter((c) => c.points > 0)
          .map((c) => c.name)
          .join(),
      ).toMatch(/hypertension/i);
    },
  },
  {
    name: 'the same man on apixaban: no anticoagulation gap',
    input: makeInput([AF, HTN, T2DM, makeMedicationRequest({ code: RX.apixaban5 })], [], man70),
    check: (r) => expect(findFamily(r, 'anticoagulation-gap')).toEqual([]),
  },
  {
    name: 'creatinine 1.0 → 1.6 within 48 h: AKI KDIGO stage 1',
    input: makeInput([creatinine(1.0, '2021-03-30T06:00:00Z'), creatinine(1.6, '2021-03-31T18:00:00Z')]),
    check: (r) => {
      const [f] = findFamily(r, 'acute-kidney-injury');
      expect(f?.severity).toBe('warning');
      expect(f?.summary).toMatch(/stage 1/i);
    },
  },
  {
    name: 'creatinine 1.0 → 3.1 in the last days: AKI KDIGO stage 3, critical',
    input: makeInput([creatinine(1.0, '2021-03-28T06:00:00Z'), creatinine(3.1, '2021-03-31T18:00:00Z')]),
    check: (r) => {
      const [f] = findFamily(r, 'acute-kidney-injury');
      expect(f?.severity).toBe('critical');
      expect(f?.summary).toMatch(/stage 3/i);
    },
  },
  {
    name: 'an AKI two years ago (1.0 → 3.1 in 2019), nothing since: no AKI card',
    input: makeInput([creatinine(1.0, '2019-03-01T06:00:00Z'), creatinine(3.1, '2019-03-02T06:00:00Z')]),
    check: (r) => expect(findFamily(r, 'acute-kidney-injury')).toEqual([]),
  },
  {
    name: 'potassium 6.6 yesterday on spironolactone + lisinopril: critical hyperkalaemia',
    input: makeInput([
      potassium(6.6),
      makeMedicationRequest({ code: RX.spironolactone25 }),
      makeMedicationRequest({ code: RX.lisinopril10 }),
    ]),
    check: (r) => expect(findFamily(r, 'hyperkalemia')[0]?.severity).toBe('critical'),
  },
  {
    name: 'potassium 5.6 + draft potassium chloride: warning on the draft',
    input: makeInput([potassium(5.6)], [makeDraft({ id: 'kcl', code: POTASSIUM_CHLORIDE_IN })]),
    check: (r) => {
      const f = findFamily(r, 'hyperkalemia').find((x) => x.draftRefs.includes('MedicationRequest/kcl'));
      expect(f?.severity).toMatch(/warning|critical/);
    },
  },
  {
    name: 'NEWS2 ≥ 7 from vitals taken 4 hours ago: critical',
    input: makeInput(vitals('2021-03-31T20:00:00Z')),
    check: (r) => {
      expect(findFamily(r, 'early-warning')[0]?.severity).toBe('critical');
      expect(r.scores.find((s) => s.id === 'news2')?.value).toBeGreaterThanOrEqual(7);
    },
  },
  {
    name: 'the same vitals three days old: no early-warning card',
    input: makeInput(vitals('2021-03-29T00:00:00Z')),
    check: (r) => expect(findFamily(r, 'early-warning')).toEqual([]),
  },
  {
    name: 'healthy patient with no data: no findings, no throw',
    input: makeInput([]),
    check: (r) => expect(r.findings).toEqual([]),
  },
  {
    name: 'potassium 6.6 two months ago, nothing since: no hyperkalaemia card',
    input: makeInput([potassium(6.6, '2021-01-20T08:00:00Z'), makeMedicationRequest({ code: RX.spironolactone25 })]),
    check: (r) => expect(findFamily(r, 'hyperkalemia')).toEqual([]),
  },
  {
    name: 'potassium 4.2 on spironolactone + lisinopril: no hyperkalaemia card',
    input: makeInput([
      potassium(4.2),
      makeMedicationRequest({ code: RX.spironolactone25 }),
      makeMedicationRequest({ code: RX.lisinopril10 }),
    ]),
    check: (r) => expect(findFamily(r, 'hyperkalemia')).toEqual([]),
  },
  {
    name: 'metformin on the chart for years, eGFR now 25: warning to stop (label: contraindicated below 30)',
    input: makeInput([
      makeMedicationRequest({ code: METFORMIN_500, authoredOn: '2020-06-01' }),
      creatinine(2.1, '2021-03-25T08:00:00Z'),
    ]),
    check: (r) => expect(find(r, 'renal-metformin')?.severity).toBe('warning'),
  },
  {
    name: 'metformin draft with no creatinine or eGFR at all: no "all clear" — recorded as insufficient data',
    input: makeInput([], [makeDraft({ code: METFORMIN_500 })]),
    check: (r) => expect(r.skipped.some((s) => s.subject === 'renal-dosing')).toBe(true),
  },
  {
    name: 'potassium 6.8 reported as preliminary: still critical, evidence labelled preliminary (not a silent all-clear)',
    input: makeInput([
      makeObservation({
        loinc: '2823-3',
        value: 6.8,
        unit: 'mmol/L',
        date: '2021-03-31T08:00:00Z',
        status: 'preliminary',
      }),
    ]),
    check: (r) => {
      const [f] = findFamily(r, 'hyperkalemia');
      expect(f?.severity).toBe('critical');
      expect(f?.evidence[0]?.display).toContain('preliminary');
    },
  },
  {
    name: 'potassium 6.8 entered in error: no card, recorded as skipped',
    input: makeInput([
      makeObservation({
        id: 'k-eie',
        loinc: '2823-3',
        value: 6.8,
        unit: 'mmol/L',
        date: '2021-03-31T08:00:00Z',
        status: 'entered-in-error',
      }),
    ]),
    check: (r) => {
      expect(findFamily(r, 'hyperkalemia')).toEqual([]);
      expect(r.skipped.some((s) => s.subject === 'Observation/k-eie')).toBe(true);
    },
  },
  {
    name: 'CKD-EPI 2021: man aged 60, creatinine 1.0 mg/dL (above κ 0.9) gives eGFR 86',
    input: makeInput(
      [creatinine(1.0, '2021-03-25T08:00:00Z')],
      [],
      makePatient({ gender: 'male', birthDate: '1961-01-01' }),
    ),
    check: (r) => expect(r.scores.find((x) => x.id === 'egfr-ckd-epi-2021')?.value).toBe(86),
  },
  {
    name: 'CKD-EPI 2021: woman aged 71, creatinine exactly κ 0.7 mg/dL gives eGFR 92 (both min/max terms equal 1)',
    input: makeInput([creatinine(0.7, '2021-03-25T08:00:00Z')]),
    check: (r) => expect(r.scores.find((x) => x.id === 'egfr-ckd-epi-2021')?.value).toBe(92),
  },
  {
    name: 'draft apixaban 5 mg, AF, age 81, 80 kg, creatinine 1.6: reduce to 2.5 mg (age ≥ 80 + creatinine ≥ 1.5)',
    input: makeInput(
      [AF, weight(80), creatinine(1.6, '2021-03-25T08:00:00Z')],
      [makeDraft({ code: RX.apixaban5 })],
      makePatient({ birthDate: '1939-06-01' }),
    ),
    check: (r) => expect(find(r, 'renal-apixaban')?.severity).toBe('warning'),
  },
  {
    name: 'warfarin with INR 11 two days ago: critical (CHEST 2012: INR > 10 needs vitamin K)',
    input: makeInput([
      makeMedicationRequest({ code: RX.warfarin5 }),
      makeObservation({ loinc: '6301-6', value: 11, unit: '{INR}', date: '2021-03-30T08:00:00Z' }),
    ]),
    check: (r) => expect(findFamily(r, 'warfarin-monitoring')[0]?.severity).toBe('critical'),
  },
  {
    name: 'child aged 10, creatinine 1.5 + draft metformin: adult CKD-EPI not applied, said so in skipped',
    input: makeInput(
      [creatinine(1.5, '2021-03-25T08:00:00Z')],
      [makeDraft({ code: METFORMIN_500 })],
      makePatient({ birthDate: '2011-01-01' }),
    ),
    check: (r) => {
      expect(findFamily(r, 'renal-dosing')).toEqual([]);
      expect(r.skipped.some((x) => x.subject === 'renal-dosing' && /adult/i.test(x.reason))).toBe(true);
    },
  },
  {
    name: 'potassium 6.2 yesterday + draft potassium chloride: critical (KCl label: contraindicated in hyperkalaemia)',
    input: makeInput([potassium(6.2)], [makeDraft({ code: POTASSIUM_CHLORIDE_IN })]),
    check: (r) => expect(find(r, 'hyperkalemia-moderate')?.severity).toBe('critical'),
  },
  {
    name: 'potassium 6.2 yesterday + draft lisinopril: warning (not a label contraindication; review)',
    input: makeInput([potassium(6.2)], [makeDraft({ code: RX.lisinopril10 })]),
    check: (r) => expect(find(r, 'hyperkalemia-moderate')?.severity).toBe('warning'),
  },
];

describe('clinical scenarios: labs, vitals and scores (whole engine, hand-built FHIR)', () => {
  runScenarios(scenarios);
});
