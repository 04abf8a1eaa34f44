/** Drug knowledge lookups: product or ingredient RxNorm code → ingredients → classes. Never by display text. */
import type { DrugClassId } from './classes';
import { INGREDIENTS } from './ingredients';
import { PRODUCTS } from './products';
import { RXNORM_ALLERGENS, SNOMED_ALLERGENS } from './allergens';
import { otherIngredientName } from './identify';

export { DRUG_CLASSES, DRUG_CLASS_IDS, CLASS_CITATIONS, type DrugClassId } from './classes';
export { INGREDIENTS } from './ingredients';
export { PRODUCTS } from './products';
export { SNOMED_ALLERGENS, ANAPHYLAXIS_SNOMED } from './allergens';

/** True when the code is known to our tables as an RxNorm product or ingredient. */
export function isKnownRxNorm(code: string): boolean {
  return code in PRODUCTS || code in INGREDIENTS;
}

/** Ingredient CUIs of an RxNorm product or ingredient code ([] when unknown). */
export function ingredientsOf(rxnormCode: string): string[] {
  if (rxnormCode in INGREDIENTS) return [rxnormCode];
  return [...(PRODUCTS[rxnormCode]?.ingredients ?? [])];
}

/** Class ids of an RxNorm product or ingredient code (union over its ingredients). */
export function classesOf(rxnormCode: string): DrugClassId[] {
  const out = new Set<DrugClassId>(PRODUCTS[rxnormCode]?.classes ?? []);
  for (const i of ingredientsOf(rxnormCode)) for (const c of INGREDIENTS[i]?.classes ?? []) out.add(c);
  return [...out].sort();
}

/** True when an RxNorm code belongs to a class. */
export function hasClass(rxnormCode: string, cls: DrugClassId): boolean {
  return classesOf(rxnormCode).includes(cls);
}

/** Ingredient name for display ("warfarin"), or the code itself. */
export function ingredientName(cui: string): string {
  return INGREDIENTS[cui]?.name ?? otherIngredientName(cui) ?? `RxNorm ${cui}`;
}

/** RxNorm name of a product or ingredient we know, for display when the order carries no text. */
export function rxnormName(code: string): string | undefined {
  return PRODUCTS[code]?.name ?? INGREDIENTS[code]?.name;
}

/** Route known from the product table (e.g. "topical"), if any. */
export function routeOf(rxnormCode: string): string | undefined {
  return PRODUCTS[rxnormCode]?.route;
}

/** Ingredients and classes an allergy code names (RxNorm ingredient/product or SNOMED substance/finding). */
export function allergenOf(
  system: 'rxnorm' | 'snomed',
  code: string,
): { ingredients: string[]; classes: DrugClassId[] } | undefined {
  if (system === 'snomed') {
    const a = SNOMED_ALLERGENS[code];
    return a ? { ingredients: [...a.ingredients], classes: [...a.classes] } : undefined;
  }
  const min = RXNORM_ALLERGENS[code];
  if (min) return { ingredients: [...min.ingredients], classes: [...min.classes] };
  return isKnownRxNorm(code) ? { ingredients: ingredientsOf(code), classes: classesOf(code) } : undefined;
}
