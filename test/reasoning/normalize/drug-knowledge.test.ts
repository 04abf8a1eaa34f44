import { describe, expect, it } from 'vitest';
import { classesOf, DRUG_CLASS_IDS, hasClass, INGREDIENTS, ingredientsOf, PRODUCTS } from '@reasoning/knowledge/drugs';
import { INTERACTIONS } from '@reasoning/knowledge/drug-interactions';
import { DUPLICATE_CLASSES } from '@reasoning/knowledge/duplicate-therapy';
import { CROSS_REACTIVITY } from '@reasoning/knowledge/allergy-cross-reactivity';
import { analyteForLoinc, ANALYTES } from '@reasoning/knowledge/labs';

describe('drug knowledge tables', () => {
  it('maps every product to ingredients that exist in the ingredient table', () => {
    const missing = Object.entries(PRODUCTS).flatMap(([code, p]) =>
      p.ingredients.filter((i) => !(i in INGREDIENTS)).map((i) => `${code}→${i}`),
    );
    expect(missing).toEqual([]);
  });

  it('uses only declared class ids', () => {
    const used = [
      ...Object.values(INGREDIENTS).flatMap((i) => i.classes),
      ...INTERACTIONS.flatMap((e) => [...(e.a.classes ?? []), ...(e.b.classes ?? [])]),
      ...DUPLICATE_CLASSES.flatMap((d) => d.classes),
      ...CROSS_REACTIVITY.flatMap((x) => [x.allergyClass, x.drugClass]),
    ];
    expect(used.filter((c) => !(DRUG_CLASS_IDS as readonly string[]).includes(c))).toEqual([]);
  });

  it.each([
    ['855332', ['11289'], 'vka'],
    ['316672', ['36567'], 'statin-cyp3a4'],
    ['315971', ['4603'], 'loop-diuretic'],
    ['897718', ['11170'], 'non-dhp-calcium-channel-blocker'],
    ['308971', ['2002'], 'strong-cyp3a4-inducer'],
    ['198335', ['10180', '10829'], 'sulfonamide-antibiotic'],
    ['1364445', ['1364430'], 'doac'],
    ['11289', ['11289'], 'vka'],
  ])('product %s → ingredients %j, class %s', (code, ingredients, cls) => {
    expect(ingredientsOf(code)).toEqual(ingredients);
    expect(hasClass(code, cls as (typeof DRUG_CLASS_IDS)[number])).toBe(true);
  });

  it('knows nothing about unknown codes', () => {
    expect(ingredientsOf('0')).toEqual([]);
    expect(classesOf('0')).toEqual([]);
  });

  it('keeps knowledge entry ids unique and cited', () => {
    const ids = [
      ...INTERACTIONS.map((e) => e.id),
      ...DUPLICATE_CLASSES.map((d) => d.id),
      ...CROSS_REACTIVITY.map((x) => x.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of INTERACTIONS) expect(e.citations.length, e.id).toBeGreaterThan(0);
  });

  it('assigns each LOINC code to one analyte', () => {
    const codes = ANALYTES.flatMap((a) => a.loinc);
    expect(new Set(codes).size).toBe(codes.length);
    expect(analyteForLoinc('33914-3')?.key).toBe('egfr');
  });
});
