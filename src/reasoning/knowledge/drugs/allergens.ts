/**
 * Allergy substance codes → ingredients / classes. AllergyIntolerance.code may be an RxNorm ingredient or product
 * (handled through the ingredient and product tables) or a SNOMED CT substance/finding listed here.
 * SNOMED codes were checked against several public FHIR examples (display "Penicillin (substance)" for 764146007,
 * "Allergy to penicillin (finding)" for 91936005). Codes whose public copies disagreed (e.g. "allergy to
 * sulfonamide") are left out on purpose: such allergies are matched only when coded with RxNorm.
 */
import type { DrugClassId } from './classes';

export interface Allergen {
  name: string;
  ingredients: readonly string[];
  classes: readonly DrugClassId[];
}

export const SNOMED_ALLERGENS: Readonly<Record<string, Allergen>> = {
  '764146007': { name: 'Penicillin (substance)', ingredients: [], classes: ['penicillin'] },
  '91936005': { name: 'Allergy to penicillin (finding)', ingredients: [], classes: ['penicillin'] },
};

/**
 * RxNorm multiple-ingredient concepts (TTY MIN) that allergy lists use for a combination, e.g. "Sulfa (SMX/TMP)".
 * 10831 "sulfamethoxazole / trimethoprim" is checked in the CPIC drug table (RxNorm:10831, ATC J01EE).
 */
export const RXNORM_ALLERGENS: Readonly<Record<string, Allergen>> = {
  '10831': {
    name: 'sulfamethoxazole / trimethoprim',
    ingredients: ['10180', '10829'],
    classes: ['sulfonamide-antibiotic', 'folate-antagonist-antibiotic'],
  },
};

/** SNOMED CT 39579001 "Anaphylaxis (disorder)": a reaction manifestation that makes re-exposure critical. */
export const ANAPHYLAXIS_SNOMED = '39579001';
