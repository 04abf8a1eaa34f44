/** Code-system URIs and CodeableConcept helpers. Identity is always system + code, never display text. */

export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const UCUM = 'http://unitsofmeasure.org';

export interface SimpleCoding {
  system: string;
  code: string;
  display?: string;
}

/** Codings of a CodeableConcept that carry both system and code (others cannot be matched safely). */
export function codingsOf(cc: fhir4.CodeableConcept | undefined): SimpleCoding[] {
  const out: SimpleCoding[] = [];
  for (const c of cc?.coding ?? []) {
    if (typeof c.system !== 'string' || typeof c.code !== 'string' || c.code === '') continue;
    out.push(
      c.display === undefined
        ? { system: c.system, code: c.code }
        : { system: c.system, code: c.code, display: c.display },
    );
  }
  return out;
}

/** Codes of one system in a CodeableConcept. */
export function codesIn(cc: fhir4.CodeableConcept | undefined, system: string): string[] {
  return codingsOf(cc)
    .filter((c) => c.system === system)
    .map((c) => c.code);
}

/** True when the concept has `system|code` among its codings. */
export function hasCoding(cc: fhir4.CodeableConcept | undefined, system: string, code: string): boolean {
  return codingsOf(cc).some((c) => c.system === system && c.code === code);
}

/** First code of a CodeableConcept (e.g. a status), lower-cased; undefined when absent. */
export function firstCode(cc: fhir4.CodeableConcept | undefined): string | undefined {
  const code = cc?.coding?.find((c) => typeof c.code === 'string')?.code;
  return code?.toLowerCase();
}

/** Human label: text, then the first display, then the first code. For display only. */
export function labelOf(cc: fhir4.CodeableConcept | undefined): string {
  if (cc?.text) return cc.text;
  const c = cc?.coding?.find((x) => x.display) ?? cc?.coding?.[0];
  return c?.display ?? c?.code ?? 'unnamed';
}
