/**
 * Observation → ObservationFact, grouped by analyte (knowledge/labs.ts).
 *
 * Status policy: final, amended and corrected results are used. preliminary ones too, labelled "(preliminary)" in
 * their display: FHIR R4 ObservationStatus calls them "initial or interim … may be incomplete or unverified", but a
 * preliminary potassium of 6.8 is acted on before it is verified, and ignoring it would be a silent all-clear.
 * registered results have no value yet and cancelled / entered-in-error ones are not results: all are skipped WITH
 * the reason, so a rule that finds no value can say why. Observations whose LOINC code is not an analyte we reason on are ignored (not listed as skipped: a
 * chart has hundreds). Blood-pressure panels (55284-4, 85354-9) yield systolic/diastolic from their components.
 */
import type { ObservationFact } from '../facts';
import { codesIn, labelOf, LOINC } from '@fhir/codings';
import { analyteForLoinc, BP_PANEL_LOINC, toCanonical, type Analyte } from '../knowledge/labs';
import { skip, subjectOf, timeOf, type NormalizeContext } from './context';

const USABLE = new Set(['final', 'amended', 'corrected', 'preliminary']);

function dateOf(o: fhir4.Observation): string | undefined {
  return o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.effectiveInstant ?? o.issued;
}

interface Measured {
  code: fhir4.CodeableConcept;
  value?: fhir4.Quantity;
}

/** First LOINC code of a concept that is an analyte we use (a hot path: no intermediate arrays). */
function analyteLoinc(cc: fhir4.CodeableConcept | undefined): string | undefined {
  for (const c of cc?.coding ?? []) {
    if (c.system === LOINC && typeof c.code === 'string' && analyteForLoinc(c.code)) return c.code;
  }
  return undefined;
}

function measuredParts(o: fhir4.Observation): Measured[] {
  if (!analyteLoinc(o.code) && o.component && codesIn(o.code, LOINC).some((c) => BP_PANEL_LOINC.includes(c))) {
    return o.component.map((c) => (c.valueQuantity ? { code: c.code, value: c.valueQuantity } : { code: c.code }));
  }
  return [o.valueQuantity ? { code: o.code, value: o.valueQuantity } : { code: o.code }];
}

function toFact(
  ctx: NormalizeContext,
  o: fhir4.Observation,
  part: Measured,
  analyte: Analyte,
  loinc: string,
  date: string,
): ObservationFact | undefined {
  const q = part.value;
  if (!q || typeof q.value !== 'number' || !Number.isFinite(q.value)) {
    skip(ctx, o, `${analyte.key}: no numeric valueQuantity`);
    return undefined;
  }
  const unit = q.code ?? q.unit ?? '';
  const value =
    toCanonical(analyte, q.value, unit) ?? (q.unit !== undefined ? toCanonical(analyte, q.value, q.unit) : undefined);
  if (value === undefined) {
    skip(ctx, o, `${analyte.key}: unknown unit "${unit}"`);
    return undefined;
  }
  if (value < analyte.plausible[0] || value > analyte.plausible[1]) {
    skip(ctx, o, `${analyte.key}: implausible value ${q.value} ${unit}`);
    return undefined;
  }
  const fact: ObservationFact = {
    ref: subjectOf(o),
    analyte: analyte.key,
    loinc,
    display: `${labelOf(part.code)}${o.status === 'preliminary' ? ' (preliminary)' : ''}`,
    value: Math.round(value * 1000) / 1000,
    unit: analyte.unit,
    originalValue: q.value,
    originalUnit: q.unit ?? unit,
    date,
  };
  // "eGFR >60" style results keep the bound as value and say so; rules comparing against thresholds can check it.
  if (q.comparator) fact.comparator = q.comparator;
  return fact;
}

/** Facts for every analyte this Observation measures (0, 1, or 2 for a BP panel). */
export function normalizeObservation(ctx: NormalizeContext, o: fhir4.Observation): ObservationFact[] {
  const parts = measuredParts(o).flatMap((part) => {
    const loinc = analyteLoinc(part.code);
    const analyte = loinc ? analyteForLoinc(loinc) : undefined;
    return analyte && loinc ? [{ part, analyte, loinc }] : [];
  });
  if (parts.length === 0) return [];
  if (!USABLE.has(o.status)) {
    skip(ctx, o, `status ${String(o.status)}: not a usable result`);
    return [];
  }
  const date = dateOf(o);
  const ms = timeOf(ctx, date);
  if (!date || ms === undefined) {
    skip(ctx, o, 'missing or unparseable effective date');
    return [];
  }
  if (ms > ctx.nowMs + 86_400_000) {
    skip(ctx, o, 'dated after now');
    return [];
  }
  return parts.flatMap(({ part, analyte, loinc }) => toFact(ctx, o, part, analyte, loinc, date) ?? []);
}
