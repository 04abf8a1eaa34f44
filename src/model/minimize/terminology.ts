/**
 * The only names a hosted model sees for a coded concept: the terminology's own, from Cairn's knowledge tables
 * (RxNorm names and ingredients, the labs table's LOINC analytes, the condition sets' SNOMED CT and ICD-10-CM
 * entries). Never the EHR's `display` or `text`: both are typed locally and can hold anything, a patient's name
 * included. A concept these tables cannot name is sent by its codes alone.
 */
import { ICD10CM, LOINC, RXNORM, SNOMED } from '@fhir/codings';
import { ingredientName, ingredientsOf, rxnormName } from '@reasoning/knowledge/drugs/index';
import { analyteForLoinc } from '@reasoning/knowledge/labs';
import {
  ATRIAL_FIBRILLATION,
  DIABETES,
  HEART_FAILURE,
  HYPERTENSION,
  KIDNEY_REPLACEMENT,
  STROKE_TIA_THROMBOEMBOLISM,
  VASCULAR_DISEASE,
  type ConditionSet,
} from '@reasoning/knowledge/conditions';
import { ASTHMA, HFREF, PREGNANCY } from '@reasoning/knowledge/drug-disease';

const CONDITION_SETS: readonly ConditionSet[] = [
  ATRIAL_FIBRILLATION,
  HEART_FAILURE,
  HYPERTENSION,
  DIABETES,
  STROKE_TIA_THROMBOEMBOLISM,
  VASCULAR_DISEASE,
  KIDNEY_REPLACEMENT,
  HFREF,
  PREGNANCY,
  ASTHMA,
];

function conditionName(system: string | undefined, code: string): string | undefined {
  for (const set of CONDITION_SETS) {
    if (system === SNOMED && set.snomed[code]) return set.snomed[code];
    if (system === ICD10CM && set.icd10Prefixes.some((p) => code.startsWith(p) || code.startsWith(p.replace('.', ''))))
      return set.name;
  }
  return undefined;
}

function nameOf(c: fhir4.Coding): string | undefined {
  if (!c.code) return undefined;
  if (c.system === RXNORM) {
    const ingredients = ingredientsOf(c.code);
    return rxnormName(c.code) ?? (ingredients.length > 0 ? ingredients.map(ingredientName).join(' / ') : undefined);
  }
  if (c.system === LOINC) return analyteForLoinc(c.code)?.name;
  return conditionName(c.system, c.code);
}

/** The knowledge tables' name for the first coding they know, else undefined. */
export function standardName(codings: readonly fhir4.Coding[]): string | undefined {
  for (const c of codings) {
    const name = nameOf(c);
    if (name) return name;
  }
  return undefined;
}
