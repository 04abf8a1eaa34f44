/**
 * What drug a medication concept names, as an EHR sends it. In order (the first that yields an ingredient wins):
 *  1. an RxNorm code of any term type: an ingredient (IN), our product table, or the generated RxNorm tables
 *     (SCD, SBD, GPCK, BPCK, SCDC, SCDF, SBDF, PIN, MIN and brand-name codes; generated/ names the sources);
 *  2. a name in RxNorm's normalized grammar (rxnorm-name.ts), from the RxNorm coding's display, `text`, then
 *     any other coding's display;
 *  3. a brand: "[Eliquis]" in such a name, or the whole text being a brand;
 *  4. ingredient or brand names found as whole words in `text` or a display as written ("Coumadin 5mg tab").
 * Whole words only: "ASA" never matches inside "MASALA". Nothing is inferred from a partial word.
 */
import { RXNORM } from '@fhir/codings';
import type { DrugClassId } from './classes';
import { INGREDIENTS } from './ingredients';
import { PRODUCTS } from './products';
import { RXNORM_NAMES } from './generated/rxnorm-names';
import { RXNORM_BRAND_CODES, RXNORM_BRANDS } from './generated/rxnorm-brands';
import { RXNORM_OTHER_INGREDIENTS } from './generated/rxnorm-ingredients';
import { LABEL_BRANDS } from './label-brands';
import { ingredientKeys, makeLexicon, parseRxNormName, type Lexicon, type ParsedName } from './rxnorm-name';

export type IdentifiedVia = 'code' | 'name' | 'brand' | 'text';

export interface Identification {
  /** Ingredient CUIs (sorted); empty when the drug could not be identified. */
  ingredients: string[];
  /** Classes a product carries itself when its ingredient is not in our table (see products.ts). */
  productClasses: DrugClassId[];
  via?: IdentifiedVia;
  /** The name, brand or text the identification read, as written (for "identified from name: '…'"). */
  basis?: string;
  /** The product's RxNorm name when known (table or a parsed display): strength is read from it. */
  rxnormName?: string;
  route?: string;
  /** RxNorm term type as the name's grammar shows it (SCD, SBD, GPCK…), when parsed. */
  tty?: string;
}

interface Tables {
  /** Ingredients of ingredients.ts and the generated ingredients no rule reads. */
  lexicon: Lexicon;
  /** Ingredients outside ingredients.ts: code → name. */
  others: Map<string, string>;
  names: Map<string, string>;
  brands: Map<string, string[]>;
  brandCodes: Map<string, string>;
  /** Names of ingredients of ingredients.ts and of brands, as one whole-word pattern, longest first. */
  words: RegExp;
  known: Lexicon;
}

let tables: Tables | undefined;

function tsv(text: string): [string, string][] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const tab = l.indexOf('\t');
      return [l.slice(0, tab), l.slice(tab + 1)];
    });
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Built on first use: the tables are large strings, split once. */
function load(): Tables {
  if (tables) return tables;
  const known = makeLexicon(Object.entries(INGREDIENTS).map(([cui, i]) => [i.name, cui] as const));
  const others = new Map(tsv(RXNORM_OTHER_INGREDIENTS));
  const lexicon = makeLexicon([...known.keyOf, ...[...others].map(([code, name]) => [name, code] as const)]);
  const brands = new Map(tsv(RXNORM_BRANDS).map(([b, keys]) => [b.toLowerCase(), keys.split('+')]));
  for (const { brand, ingredient } of LABEL_BRANDS)
    if (!brands.has(brand.toLowerCase())) brands.set(brand.toLowerCase(), [ingredient]);
  // Free text is matched against what Cairn has rules for (and brands): an ingredient no rule reads found in free
  // text ("sugar-free syrup") must not turn an unreadable order into an identified one.
  const brandsKnown = [...brands].filter(([, keys]) => keys.some((k) => INGREDIENTS[k])).map(([b]) => b);
  const all = [...known.names, ...brandsKnown].sort((a, b) => b.length - a.length).map(escape);
  const words = new RegExp(`(?<![\\p{L}\\p{N}])(?:${all.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  tables = {
    lexicon,
    others,
    known,
    names: new Map(tsv(RXNORM_NAMES)),
    brands,
    brandCodes: new Map(tsv(RXNORM_BRAND_CODES)),
    words,
  };
  return tables;
}

function fromParsed(parsed: ParsedName, name: string, via: IdentifiedVia): Identification | undefined {
  const ingredients = ingredientKeys(parsed);
  if (ingredients.length === 0) return undefined;
  // Written names of ingredients no rule reads count only as a full product name (strength or dose form), not a
  // bare word: "latex" is not a drug order Cairn can vouch for.
  if (via === 'name' && parsed.tty === 'IN/PIN/MIN' && !ingredients.some((i) => INGREDIENTS[i])) return undefined;
  const id: Identification = { ingredients, productClasses: [], via, basis: name, rxnormName: name, tty: parsed.tty };
  if (parsed.route) id.route = parsed.route;
  return id;
}

/** One RxNorm code of any term type. */
function byCode(code: string, t: Tables): Identification | undefined {
  if (INGREDIENTS[code])
    return { ingredients: [code], productClasses: [], via: 'code', basis: `RxNorm ${code}`, tty: 'IN' };
  const product = PRODUCTS[code];
  if (product) {
    return {
      ingredients: [...product.ingredients].sort(),
      productClasses: [...(product.classes ?? [])],
      via: 'code',
      basis: `RxNorm ${code}`,
      rxnormName: product.name,
      route: product.route,
    };
  }
  const name = t.names.get(code);
  const parsed = name ? parseRxNormName(name, t.lexicon) : undefined;
  const named = parsed && name ? fromParsed(parsed, name, 'code') : undefined;
  if (named) return { ...named, basis: `RxNorm ${code}` };
  const brand = t.brandCodes.get(code);
  const keys = brand ? t.brands.get(brand.toLowerCase()) : undefined;
  return keys
    ? { ingredients: [...keys].sort(), productClasses: [], via: 'code', basis: `RxNorm ${code}`, tty: 'BN' }
    : undefined;
}

function byBrand(brand: string, t: Tables): Identification | undefined {
  const keys = t.brands.get(brand.trim().toLowerCase());
  return keys ? { ingredients: [...keys].sort(), productClasses: [], via: 'brand', basis: brand.trim() } : undefined;
}

/** Whole-word ingredient and brand names in free text. */
function byWords(text: string, t: Tables): Identification | undefined {
  const found = new Set<string>();
  for (const m of text.matchAll(t.words)) {
    const w = m[0].toLowerCase();
    const key = t.known.keyOf.get(w);
    if (key) found.add(key);
    else for (const k of t.brands.get(w) ?? []) found.add(k);
  }
  return found.size > 0 ? { ingredients: [...found].sort(), productClasses: [], via: 'text', basis: text } : undefined;
}

function merge(ids: readonly Identification[]): Identification | undefined {
  const [first] = ids;
  if (!first) return undefined;
  return {
    ...first,
    ingredients: [...new Set(ids.flatMap((i) => i.ingredients))].sort(),
    productClasses: [...new Set(ids.flatMap((i) => i.productClasses))].sort(),
  };
}

/** Identifies one CodeableConcept; `ingredients` is empty when nothing could be identified. */
export function identifyConcept(concept: fhir4.CodeableConcept | undefined): Identification {
  const none: Identification = { ingredients: [], productClasses: [] };
  if (!concept) return none;
  const t = load();
  const codings = concept.coding ?? [];
  const rx = codings.filter((c) => c.system === RXNORM && c.code);
  const coded = merge(rx.map((c) => byCode(c.code!, t)).filter((x): x is Identification => x !== undefined));
  if (coded) return coded;
  const texts = [
    ...rx.map((c) => c.display),
    concept.text,
    ...codings.filter((c) => c.system !== RXNORM).map((c) => c.display),
  ].filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  for (const text of texts) {
    const parsed = parseRxNormName(text, t.lexicon);
    const id = parsed && fromParsed(parsed, text, 'name');
    if (id) return id;
  }
  for (const text of texts) {
    const bracket = /\[([^\]]+)\]\s*$/.exec(text)?.[1];
    const id = byBrand(bracket ?? text, t);
    if (id) return id;
  }
  for (const text of texts) {
    const id = byWords(text, t);
    if (id) return id;
  }
  return none;
}

/** A Medication resource: its code, then its ingredients' codes (Medication.ingredient.itemCodeableConcept). */
export function identifyMedication(med: fhir4.Medication): Identification {
  const own = identifyConcept(med.code);
  const parts = (med.ingredient ?? [])
    .map((i) => identifyConcept(i.itemCodeableConcept))
    .filter((i) => i.ingredients.length > 0);
  return merge([own, ...parts].filter((i) => i.ingredients.length > 0 || i.productClasses.length > 0)) ?? own;
}

/** True when a medication fact names no drug Cairn knows: no ingredient and no class (rules cannot reason on it). */
export function isUnidentified(m: { ingredients: readonly string[]; classes: readonly string[] }): boolean {
  return m.ingredients.length === 0 && m.classes.length === 0;
}

/** Name of an ingredient outside ingredients.ts (from the generated table), if known. */
export function otherIngredientName(cui: string): string | undefined {
  return load().others.get(cui);
}
