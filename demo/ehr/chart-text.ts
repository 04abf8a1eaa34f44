/**
 * Wording for the demo EHR's chart and patient list: which active problems a one-line summary names, and how a
 * measured value is shown. Display only: the FHIR server and the engine keep the exact values.
 */

// Active in the record but not a current problem: past events Synthea never resolves (it leaves appendicitis,
// miscarriage or cardiac arrest "active" with no abatement) and "History of …" situations.
const NOT_CURRENT = [
  /^history of\b/i,
  /\(situation\)$/i,
  /appendicitis|rupture of appendix|miscarriage|cardiac arrest|drug overdose|sore throat|pharyngitis|sinusitis|acute bronchitis|sprain|fracture|laceration|concussion|injury/i,
];
// Findings that are true but say little in a one-line summary.
const LOW_SIGNAL =
  /prediabetes|anemia|hyperglycemia|body mass index|hypertriglyceridemia|metabolic syndrome|microalbuminuria/i;
// Chronic conditions that change prescribing most, first; one name per group (Diabetes, not also Diabetic renal disease).
const PRIORITY = [
  /heart failure/i,
  /chronic kidney disease/i,
  /atrial fibrillation/i,
  /coronary|myocardial/i,
  /stroke/i,
  /diabet/i,
  /chronic obstructive|copd|asthma/i,
  /epilep|seizure/i,
  /alzheimer|dementia/i,
  /hypertension/i,
  /hyperlipid/i,
];

/** False for an "active" condition that is really past history (an old event, a "History of …" situation). */
export function isCurrentProblem(text: string): boolean {
  return !NOT_CURRENT.some((re) => re.test(text));
}

/** True for an active condition that is a current, chronic problem worth naming in a summary. */
export function isChronicProblem(text: string): boolean {
  return isCurrentProblem(text) && !LOW_SIGNAL.test(text);
}

/** Up to `max` active chronic problems, the ones that matter most for prescribing first. */
export function summaryProblems(texts: readonly string[], max = 3): string[] {
  const rank = (t: string): number => {
    const i = PRIORITY.findIndex((re) => re.test(t));
    return i === -1 ? PRIORITY.length : i;
  };
  const seenGroups = new Set<number>();
  const out: string[] = [];
  const ranked = texts
    .filter(isChronicProblem)
    .map((t, i) => ({ t, i, r: rank(t) }))
    .sort((a, b) => a.r - b.r || a.i - b.i);
  for (const { t, r } of ranked) {
    if (r < PRIORITY.length && seenGroups.has(r)) continue;
    seenGroups.add(r);
    if (!out.includes(t)) out.push(t);
    if (out.length === max) break;
  }
  return out;
}

/**
 * A measured value for display: three significant figures, never fewer than the integer digits
 * (97.59468734415469 → 97.6, 1.2345 → 1.23, 0.01234 → 0.0123, 1234.5 → 1235). The resource keeps the exact value.
 */
export function formatMeasurement(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}

/** A UCUM unit for reading: annotations lose their braces ("mL/min/{1.73_m2}" → "mL/min/1.73 m²"). */
export function formatUnit(unit: string): string {
  return unit.replace(/\{([^}]*)\}/g, (_m, note: string) => note.replace(/_/g, ' ').replace(/m2$/, 'm²'));
}
