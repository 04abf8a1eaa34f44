/**
 * Daily dose of one ingredient of an order, from the dosage read in normalize (facts.dose) and the strength from the
 * RxNorm name (facts.strengths). Returns the basis as text for the finding's inputs, or why it cannot be known —
 * dose-aware rules show that reason rather than guess (a wrong all-clear is worse than a missing card).
 */
import type { MedicationFact } from '../facts';
import { RXNORM } from '@fhir/codings';
import { PRODUCTS } from '../knowledge/drugs';

export type DailyDose =
  | { known: true; perDoseMg: number; perDay: number; dailyMg: number; intervalDays?: number; basis: string }
  | { known: false; reason: string };

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/** mg per unit (tablet) of `cui` in this order: parsed strength, else the product table's strength. */
export function strengthMg(m: MedicationFact, cui: string): number | undefined {
  const parsed = m.strengths?.[cui];
  if (parsed && !parsed.perHour) return parsed.mg;
  if (m.ingredients.length !== 1) return undefined;
  return m.codes
    .filter((c) => c.system === RXNORM)
    .map((c) => PRODUCTS[c.code]?.strengthMg)
    .find((x) => x !== undefined);
}

function perDoseMg(m: MedicationFact, cui: string): { mg: number; how: string } | { reason: string } {
  const d = m.dose;
  if (!d) return { reason: 'no dosage instruction on the order' };
  if (d.doseMg !== undefined) {
    // A mass dose on a combination product does not say which ingredient it measures.
    return m.ingredients.length === 1
      ? { mg: d.doseMg, how: `${fmt(d.doseMg)} mg` }
      : { reason: 'mass dose on a combination product' };
  }
  const s = strengthMg(m, cui);
  if (d.doseUnits !== undefined && s !== undefined)
    return { mg: d.doseUnits * s, how: `${fmt(d.doseUnits)} × ${fmt(s)} mg` };
  if (d.doseUnits !== undefined) return { reason: 'tablet count given but the product strength is unknown' };
  return { reason: d.unreadable ?? 'dose not readable' };
}

export function dailyDose(m: MedicationFact, cui: string): DailyDose {
  const dose = perDoseMg(m, cui);
  if ('reason' in dose) return { known: false, reason: dose.reason };
  const d = m.dose!;
  if (d.perDay === undefined) return { known: false, reason: d.unreadable ?? 'frequency not readable' };
  let daily = dose.mg * d.perDay;
  let basis = `${dose.how} × ${fmt(d.perDay)}/day${d.asNeeded ? ' (as needed, maximum ordered)' : ''}`;
  if (d.maxDailyMg !== undefined && d.maxDailyMg < daily) {
    daily = d.maxDailyMg;
    basis += `, capped by the order's maximum ${fmt(d.maxDailyMg)} mg/day`;
  }
  const out: DailyDose = {
    known: true,
    perDoseMg: dose.mg,
    perDay: d.perDay,
    dailyMg: daily,
    basis: `${basis} = ${fmt(daily)} mg/day`,
  };
  if (d.intervalDays !== undefined) out.intervalDays = d.intervalDays;
  return out;
}
