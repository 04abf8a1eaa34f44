/**
 * FHIR R4 Dosage → what the dose-aware rules read: amount per administration, administrations per day, and the
 * interval between doses (hl7.org/fhir/R4/dosage.html: doseAndRate, timing.repeat frequency/period/periodUnit,
 * timing.code, asNeeded, maxDosePerPeriod). The one place dosage is parsed. Nothing is guessed: a part that cannot
 * be read leaves its field unset and says why in `unreadable`, and rules show that reason instead of a number.
 */
import type { DoseFact } from '../facts';

type Dosage = fhir4.Dosage;

/** UCUM / common mass units → mg. */
const MASS_TO_MG: Readonly<Record<string, number>> = { mg: 1, g: 1000, ug: 0.001, mcg: 0.001, µg: 0.001, μg: 0.001 };
/** Count units of a solid dose form (UCUM annotations and the common free-text forms). */
const COUNT_UNITS =
  /^(\{?(tbl|tab|tablet|tablets|cap|caps|capsule|capsules|patch|patches|each|unit|dose|puff)s?\}?|1|ea)$/i;
/** FHIR R4 timing abbreviations (v3 GTSAbbreviation subset in the R4 TimingAbbreviation value set) → per day. */
const TIMING_CODES: Readonly<Record<string, number>> = {
  QD: 1,
  AM: 1,
  PM: 1,
  BED: 1,
  BID: 2,
  TID: 3,
  QID: 4,
  QOD: 0.5,
  Q1H: 24,
  Q2H: 12,
  Q3H: 8,
  Q4H: 6,
  Q6H: 4,
  Q8H: 3,
  WK: 1 / 7,
  MO: 1 / 30,
};
const UNIT_DAYS: Readonly<Record<string, number>> = {
  s: 1 / 86400,
  min: 1 / 1440,
  h: 1 / 24,
  d: 1,
  wk: 7,
  mo: 30,
  a: 365,
};

function massMg(q: fhir4.Quantity | undefined): number | undefined {
  const unit = (q?.code ?? q?.unit ?? '').trim();
  const f = MASS_TO_MG[unit] ?? MASS_TO_MG[unit.toLowerCase()];
  return q?.value !== undefined && f !== undefined ? q.value * f : undefined;
}

/** Dose per administration: a mass, or a count of units (tablets, patches) to multiply by strength. */
function amountOf(d: Dosage): { mg?: number; units?: number; unreadable?: string } {
  const dr = d.doseAndRate?.[0];
  const q = dr?.doseQuantity ?? dr?.doseRange?.high;
  if (!q || q.value === undefined)
    return { unreadable: d.text ? `dose only as free text ("${d.text.slice(0, 60)}")` : 'no dose quantity' };
  const mg = massMg(q);
  if (mg !== undefined) return { mg };
  if (COUNT_UNITS.test((q.code ?? q.unit ?? '').trim())) return { units: q.value };
  return { unreadable: `dose unit "${q.unit ?? q.code ?? ''}" is not a mass or a tablet count` };
}

/** Administrations per day and the interval between doses in days (weekly methotrexate: 7). */
function frequencyOf(d: Dosage): { perDay?: number; intervalDays?: number; unreadable?: string } {
  const rep = d.timing?.repeat;
  if (rep?.period !== undefined && rep.periodUnit && UNIT_DAYS[rep.periodUnit] !== undefined) {
    const days = rep.period * UNIT_DAYS[rep.periodUnit]!;
    const times = rep.frequencyMax ?? rep.frequency ?? 1;
    return { perDay: times / days, intervalDays: days / times };
  }
  const code = d.timing?.code?.coding?.find((c) => c.code && TIMING_CODES[c.code] !== undefined)?.code;
  if (code) return { perDay: TIMING_CODES[code]!, intervalDays: 1 / TIMING_CODES[code]! };
  if (rep?.frequency !== undefined && !rep.period) return { unreadable: 'frequency without a period' };
  return { unreadable: 'no timing' };
}

function maxDailyMg(d: Dosage): number | undefined {
  const r = d.maxDosePerPeriod;
  const mg = massMg(r?.numerator);
  const days =
    r?.denominator?.value !== undefined
      ? r.denominator.value * (UNIT_DAYS[r.denominator.code ?? r.denominator.unit ?? ''] ?? Number.NaN)
      : Number.NaN;
  return mg !== undefined && Number.isFinite(days) && days > 0 ? mg / days : undefined;
}

/** Reads the first dosage instruction (the one in force; later ones in a taper are not summed). */
export function readDosage(dosages: readonly Dosage[] | undefined): DoseFact | undefined {
  const d = dosages?.[0];
  if (!d) return undefined;
  const amount = amountOf(d);
  const freq = frequencyOf(d);
  const fact: DoseFact = { asNeeded: d.asNeededBoolean === true || d.asNeededCodeableConcept !== undefined };
  if (d.text) fact.text = d.text;
  if (amount.mg !== undefined) fact.doseMg = amount.mg;
  if (amount.units !== undefined) fact.doseUnits = amount.units;
  if (freq.perDay !== undefined) fact.perDay = freq.perDay;
  if (freq.intervalDays !== undefined) fact.intervalDays = freq.intervalDays;
  const max = maxDailyMg(d);
  if (max !== undefined) fact.maxDailyMg = max;
  const why = [amount.unreadable, freq.unreadable].filter((x): x is string => x !== undefined);
  if (why.length > 0) fact.unreadable = why.join('; ');
  return fact;
}

/**
 * Strength per ingredient from RxNorm normalized names ("acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral
 * Tablet", "72 HR fentanyl 0.025 MG/HR Transdermal System"): component i names ingredient i by its base name.
 * Only MG, MCG and MG/HR strengths are read; concentrations (MG/ML) are not a per-unit strength and are skipped.
 */
export function strengthsFromName(
  name: string,
  ingredientNames: Readonly<Record<string, string>>,
): Record<string, { mg: number; perHour: boolean }> {
  const out: Record<string, { mg: number; perHour: boolean }> = {};
  // Longest name first: "dextroamphetamine saccharate" must not be read as amphetamine. Sorted once, and only
  // when a part states a strength.
  let longestFirst: (readonly [string, string])[] | undefined;
  for (const part of name.toLowerCase().split(' / ')) {
    const m = /(\d+(?:\.\d+)?)\s*(mg|mcg)(\/hr)?(?![/a-z])/.exec(part);
    if (!m) continue;
    longestFirst ??= Object.entries(ingredientNames)
      .map(([cui, n]) => [cui, n.toLowerCase()] as const)
      .sort((x, y) => y[1].length - x[1].length);
    const cui = longestFirst.find(([, n]) => part.includes(n))?.[0];
    if (cui) out[cui] = { mg: Number(m[1]) * (m[2] === 'mcg' ? 0.001 : 1), perHour: m[3] !== undefined };
  }
  return out;
}
