/**
 * Grounding of numbers that matter: a claim may only mention a drug dose or a clinical code that appears in
 * what the model was given. Invented doses and codes are the most dangerous hallucinations in CDS text.
 */

// Dose: a number with a mass, volume or unit-count unit ("5 mg", "0.5 mcg", "10 units", "40 mEq"). Lab
// concentrations and rates ("91 mg/dL", "41 mL/min") are values, not doses: a rounded lab value is not invented.
const DOSE =
  /(\d+(?:[.,]\d+)?)\s*(mg|mcg|µg|ug|g|ml|l|units?|iu|mmol|meq)(?![a-zµ])(?!\s*\/\s*(?:dl|l|min|mmol|mol|g|ml|m2|1\.73)\b)/gi;
// Codes: RxNorm / SNOMED CT / LOINC style digit runs (4+ digits, optional LOINC check digit), ICD-10-CM with a
// decimal part (to avoid colliding with short aliases like "F12"), and ATC codes.
const NUMERIC_CODE = /(?<![\d.])\d{4,}(?:-\d)?(?![\d.])/g;
const ICD10 = /\b[A-Z]\d{2}\.\d{1,4}\b/g;
const ATC = /\b[A-Z]\d{2}[A-Z]{2}\d{2}\b/g;

const UNIT_ALIASES: Record<string, string> = { µg: 'mcg', ug: 'mcg', unit: 'units', l: 'l' };

function normalizeDose(num: string, unit: string): string {
  const u = unit.toLowerCase();
  return `${Number(num.replace(',', '.'))} ${UNIT_ALIASES[u] ?? u}`;
}

/** Dose and code tokens in a text, normalized ("5 mg", "855332", "I48.91"). */
export function extractGroundedTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(DOSE)) out.add(normalizeDose(m[1] ?? '', m[2] ?? ''));
  for (const re of [NUMERIC_CODE, ICD10, ATC]) {
    for (const m of text.matchAll(re)) out.add(m[0]);
  }
  return out;
}

/** Tokens in the claim that the input does not contain; empty when the claim is grounded. */
export function ungroundedTokens(claim: string, allowed: ReadonlySet<string>): string[] {
  return [...extractGroundedTokens(claim)].filter((t) => !allowed.has(t));
}
