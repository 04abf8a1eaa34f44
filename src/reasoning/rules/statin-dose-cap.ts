/**
 * Simvastatin/lovastatin with an interacting drug the labels cap rather than forbid (verapamil/diltiazem: simvastatin
 * 10 mg, lovastatin 20 mg; amlodipine/amiodarone: simvastatin 20 mg). The caps come from the interaction entry; the
 * dose from the order's dosage instruction when readable, else the strength of one tablet from the RxNorm name.
 */
import type { MedicationFact } from '../facts';
import { dailyDose, strengthMg } from './daily-dose';

export interface StatinDoseCap {
  withinCap: boolean;
  exceeds: boolean;
  lines: string[];
}

/** `caps`: ingredient CUI → label daily cap (mg) with `partner` (e.g. "verapamil/diltiazem"). */
export function assessStatinDoseCap(
  statins: readonly MedicationFact[],
  caps: Readonly<Record<string, number>>,
  partner: string,
): StatinDoseCap {
  let known = 0;
  let exceeds = false;
  const lines: string[] = [];
  for (const m of statins) {
    const cui = m.ingredients.find((i) => caps[i] !== undefined);
    const cap = cui === undefined ? undefined : caps[cui];
    const daily = cui === undefined ? undefined : dailyDose(m, cui);
    const mg = daily?.known ? daily.dailyMg : cui === undefined ? undefined : strengthMg(m, cui);
    if (mg === undefined || cap === undefined) {
      lines.push(`${m.display}: strength unknown — check it is at most the label cap.`);
      continue;
    }
    known += 1;
    if (mg > cap) exceeds = true;
    const what = daily?.known ? `${daily.basis}` : `${mg} mg per tablet`;
    lines.push(`${m.display}: ${what}, label cap ${cap} mg/day with ${partner}${mg > cap ? ' — above the cap' : ''}.`);
  }
  return { withinCap: known === statins.length && !exceeds, exceeds, lines };
}
