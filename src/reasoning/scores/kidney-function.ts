/**
 * Kidney function as dosing rules need it: eGFR (CKD-EPI 2021 or laboratory-reported) or Cockcroft–Gault CrCl,
 * with the inputs and evidence behind the number. Values are rounded to whole mL/min before any comparison, so
 * the number shown is the number compared (labels state whole-number thresholds).
 */
import type { Facts } from '../facts';
import type { EvidenceRef, FindingInput } from '../types';
import type { KidneyMeasure } from '../knowledge/renal-dosing';
import { computeEgfr, type EgfrResult } from './egfr-ckd-epi-2021';
import { computeCrcl, type CrclResult } from './cockcroft-gault';
import { day, fmt } from './observations';

export interface KidneyReading {
  /** The measure actually used (eGFR stands in for CrCl when CrCl cannot be computed). */
  measure: KidneyMeasure;
  value: number;
  /** e.g. "eGFR 28 mL/min/1.73 m²" */
  short: string;
  /** One markdown sentence: what the number rests on. */
  basis: string;
  inputs: FindingInput[];
  evidence: EvidenceRef[];
}

export interface KidneyFunction {
  egfr: EgfrResult;
  crcl: CrclResult;
}

/** Computes eGFR and CrCl once per evaluation. */
export function assessKidneyFunction(facts: Facts): KidneyFunction {
  return { egfr: computeEgfr(facts), crcl: computeCrcl(facts) };
}

function egfrReading(e: EgfrResult): KidneyReading | undefined {
  if (e.value === undefined) return undefined;
  const value = Math.round(e.value);
  const src = e.basis === 'reported' ? e.reported : e.creatinine;
  const inputs: FindingInput[] = [
    {
      name: e.basis === 'reported' ? 'eGFR (laboratory-reported)' : 'eGFR (CKD-EPI 2021, calculated)',
      value,
      unit: 'mL/min/1.73 m²',
      ...(src ? { date: src.date, source: src.ref } : {}),
    },
  ];
  if (e.creatinine)
    inputs.push({
      name: 'Serum creatinine',
      value: Number(fmt(e.creatinine.value)),
      unit: 'mg/dL',
      date: e.creatinine.date,
      source: e.creatinine.ref,
    });
  const basis =
    e.basis === 'reported'
      ? `laboratory-reported eGFR of ${day(src?.date)} (not recalculated: ${e.reportedBecause ?? 'no usable creatinine'})`
      : `CKD-EPI 2021 eGFR from creatinine ${fmt(e.creatinine?.value ?? 0)} mg/dL of ${day(src?.date)}`;
  return {
    measure: 'egfr',
    value,
    short: `eGFR ${value}`,
    basis,
    inputs,
    evidence: src ? [{ reference: src.ref, display: src.display }] : [],
  };
}

function crclReading(c: CrclResult): KidneyReading | undefined {
  if (c.value === undefined || !c.creatinine || !c.weight) return undefined;
  const value = Math.round(c.value);
  return {
    measure: 'crcl',
    value,
    short: `CrCl ${value}`,
    basis: `Cockcroft–Gault CrCl from creatinine ${fmt(c.creatinine.value)} mg/dL (${day(c.creatinine.date)}), actual weight ${fmt(c.weight.value, 1)} kg (${day(c.weight.date)}), age ${c.age ?? '?'}`,
    inputs: [
      {
        name: 'CrCl (Cockcroft–Gault, actual body weight)',
        value,
        unit: 'mL/min',
        date: c.creatinine.date,
        source: c.creatinine.ref,
      },
      {
        name: 'Serum creatinine',
        value: Number(fmt(c.creatinine.value)),
        unit: 'mg/dL',
        date: c.creatinine.date,
        source: c.creatinine.ref,
      },
      {
        name: 'Body weight',
        value: Number(fmt(c.weight.value, 1)),
        unit: 'kg',
        date: c.weight.date,
        source: c.weight.ref,
      },
    ],
    evidence: [
      { reference: c.creatinine.ref, display: c.creatinine.display },
      { reference: c.weight.ref, display: c.weight.display },
    ],
  };
}

/** The reading for a measure, falling back from CrCl to eGFR (said in `basis`); a reason when neither exists. */
export function readingFor(kf: KidneyFunction, measure: KidneyMeasure): KidneyReading | { missing: string } {
  if (measure === 'crcl') {
    const crcl = crclReading(kf.crcl);
    if (crcl) return crcl;
    const egfr = egfrReading(kf.egfr);
    if (egfr)
      return {
        ...egfr,
        basis: `CrCl could not be computed (${kf.crcl.missing ?? 'inputs missing'}); used instead: ${egfr.basis}`,
      };
    return {
      missing: `CrCl: ${kf.crcl.missing ?? 'inputs missing'}; eGFR: ${kf.egfr.score.insufficient ?? 'not available'}`,
    };
  }
  return egfrReading(kf.egfr) ?? { missing: kf.egfr.score.insufficient ?? 'eGFR not available' };
}
