/** FHIR R4 Dosage builders for dose-aware tests: the shapes EHRs send (doseAndRate, timing.repeat or timing.code). */

export interface DoseOptions {
  value: number;
  unit: string;
  /** timing.repeat: frequency per period (periodUnit "d" unless given). */
  frequency?: number;
  period?: number;
  periodUnit?: fhir4.TimingRepeat['periodUnit'];
  /** timing.code instead of repeat (BID, TID, Q6H…). */
  code?: string;
  asNeeded?: boolean;
  maxPerDayMg?: number;
  text?: string;
}

const UCUM = 'http://unitsofmeasure.org';

export function dosage(o: DoseOptions): fhir4.Dosage {
  const d: fhir4.Dosage = {
    doseAndRate: [{ doseQuantity: { value: o.value, unit: o.unit, system: UCUM, code: o.unit } }],
  };
  if (o.code)
    d.timing = {
      code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation', code: o.code }] },
    };
  else if (o.frequency !== undefined)
    d.timing = { repeat: { frequency: o.frequency, period: o.period ?? 1, periodUnit: o.periodUnit ?? 'd' } };
  if (o.asNeeded) d.asNeededBoolean = true;
  if (o.maxPerDayMg !== undefined)
    d.maxDosePerPeriod = {
      numerator: { value: o.maxPerDayMg, unit: 'mg', system: UCUM, code: 'mg' },
      denominator: { value: 1, unit: 'd', system: UCUM, code: 'd' },
    };
  if (o.text) d.text = o.text;
  return d;
}

/** Adds a dosage instruction to an order built with fhir-builders. */
export function withDose<T extends fhir4.MedicationRequest>(req: T, o: DoseOptions): T {
  return { ...req, dosageInstruction: [dosage(o)] };
}
