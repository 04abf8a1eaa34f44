/**
 * Parser for RxNorm normalized names (RxNorm Technical Documentation §"Normalized names": SCDC = ingredient +
 * strength, SCD = [quantity factor] SCDC[ / SCDC…] + dose form, SBD = SCD + [Brand], GPCK/BPCK = {n (SCD) / …}
 * Pack [Brand]). Deterministic: each component must start with an ingredient we know, followed only by salt or
 * modifier words ("warfarin sodium" → warfarin); anything else is left unresolved, never guessed.
 * Shared by the runtime identification (identify.ts) and the table generator (scripts/generate-rxnorm-tables.ts).
 */

/** Salt, ester and qualifier words RxNorm appends to a base ingredient in precise-ingredient (PIN) names. */
export const SALT_WORDS: ReadonlySet<string> = new Set([
  'sodium',
  'disodium',
  'potassium',
  'calcium',
  'magnesium',
  'lithium',
  'zinc',
  'aluminum',
  'hydrochloride',
  'dihydrochloride',
  'hcl',
  'hydrobromide',
  'bromide',
  'chloride',
  'sulfate',
  'bisulfate',
  'hemisulfate',
  'mesylate',
  'dimesylate',
  'besylate',
  'maleate',
  'fumarate',
  'hemifumarate',
  'tartrate',
  'bitartrate',
  'succinate',
  'citrate',
  'acetate',
  'phosphate',
  'diphosphate',
  'lactate',
  'gluconate',
  'nitrate',
  'carbonate',
  'bicarbonate',
  'oxalate',
  'malate',
  'mandelate',
  'napsylate',
  'pamoate',
  'saccharate',
  'aspartate',
  'tosylate',
  'xinafoate',
  'hyclate',
  'etexilate',
  'medoxomil',
  'axetil',
  'pivoxil',
  'proxetil',
  'propionate',
  'dipropionate',
  'furoate',
  'valerate',
  'butyrate',
  'cypionate',
  'enanthate',
  'decanoate',
  'palmitate',
  'stearate',
  'ethylsuccinate',
  'estolate',
  'lactobionate',
  'glucoheptonate',
  'tromethamine',
  'benzathine',
  'procaine',
  'trihydrate',
  'dihydrate',
  'monohydrate',
  'hydrate',
  'sesquihydrate',
  'anhydrous',
  'porcine',
  'bovine',
  'macrocrystals',
  'monohydrate/macrocrystals',
  'meglumine',
  'erbumine',
  'olamine',
  'dimeglumine',
  'hydroxide',
  'oxide',
  'iodide',
  'sulfosalicylate',
  'edisylate',
  'isethionate',
  'lysine',
  'arginine',
  'polistirex',
  'cilexetil',
  'dipotassium',
  'tannate',
  'hydrogen',
]);

/** Dose-form words → route (the route words rules read: medications.ts). First match wins. */
const ROUTES: readonly [RegExp, string][] = [
  [/\b(sublingual|buccal|mucosal)\b/i, 'mucosal'],
  [/\btransdermal\b/i, 'transdermal'],
  [/\b(inhal\w*|inhaler|nebuliz\w*)\b/i, 'inhalation'],
  [/\b(inject\w*|prefilled syringe|cartridge|auto-injector|pen injector|intravenous|intramuscular)\b/i, 'injection'],
  [/\bintrauterine\b/i, 'intrauterine'],
  [/\bimplant\b/i, 'implant'],
  [/\b(topical|ophthalmic|otic|cream|ointment|lotion|shampoo|medicated pad|paste)\b/i, 'topical'],
  [/\b(oral|chewable|tablet|capsule|caplet|lozenge|granules|elixir|syrup)\b/i, 'oral'],
];

export interface NameComponent {
  /** The ingredient text as written, before the strength ("warfarin sodium"). */
  substance: string;
  /** Ingredient key (RxNorm CUI) the substance resolves to, when known. */
  ingredient?: string;
  strength?: { value: number; unit: string };
}

export type NameTermType = 'SCD' | 'SBD' | 'GPCK' | 'BPCK' | 'SCDC' | 'SBDC' | 'SCDF' | 'SBDF' | 'IN/PIN/MIN';

export interface ParsedName {
  tty: NameTermType;
  components: NameComponent[];
  doseForm?: string;
  brand?: string;
  route?: string;
}

/** Ingredient names (lower case) → key, longest first so "dextroamphetamine" is tried before "amphetamine". */
export interface Lexicon {
  names: readonly string[];
  keyOf: ReadonlyMap<string, string>;
}

export function makeLexicon(entries: Iterable<readonly [name: string, key: string]>): Lexicon {
  const keyOf = new Map<string, string>();
  for (const [name, key] of entries) if (!keyOf.has(name.toLowerCase())) keyOf.set(name.toLowerCase(), key);
  return { names: [...keyOf.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b)), keyOf };
}

const STRENGTH =
  /(?:^|\s)(\d+(?:\.\d+)?)\s+((?:MG|MCG|UNT|MEQ|ML|MMOL|%|GM|G|IU|MG\/ML|[A-Z]+)(?:\/[A-Z0-9.]+)*)(?=\s|$)/;
/**
 * What may precede the first ingredient: the quantity factor ("24 HR", "10 ML", "200 ACTUAT", "0.4 ML"), RxNorm's
 * qualitative distinctions ("Abuse-Deterrent 12 HR …", "Sprinkle", "3-Bead 24 HR …") and the application number
 * RxNorm puts before some names ("NDA020800 0.3 ML epinephrine 1 MG/ML Auto-Injector").
 */
const LEAD =
  /^(?:(?:\d+(?:\.\d+)?\s+(?:HR|ML|ACTUAT|MG|DAY|WK|CM2|UNT|MEQ|G|L)|abuse-deterrent|sprinkle|\d+-bead|sensor|matrix delivery|osmotic|biphasic|triphasic|A?NDA\d+|BLA\d+)\s+)+/i;

/** Base ingredient of a substance text: a known name, then only salt/modifier words ("heparin sodium, porcine"). */
export function baseIngredient(substance: string, lex: Lexicon): string | undefined {
  const s = substance.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  // An acid and its anion name one ingredient: "alendronic acid" is alendronate, "valproate" is valproic acid.
  const alternatives = [s, s.replace(/^(\S+)ic acid(?= |$)/, '$1ate'), s.replace(/^(\S+)ate(?= |$)/, '$1ic acid')];
  for (const alt of new Set(alternatives)) {
    const key = prefixIngredient(alt, lex);
    if (key) return key;
  }
  return undefined;
}

function prefixIngredient(s: string, lex: Lexicon): string | undefined {
  for (const name of lex.names) {
    if (s !== name && !s.startsWith(`${name} `)) continue;
    const rest = s.slice(name.length).trim();
    if (rest === '' || rest.split(' ').every((w) => SALT_WORDS.has(w))) return lex.keyOf.get(name);
  }
  return undefined;
}

/** Splits on " / " outside parentheses and braces (packs nest SCDs). */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (depth === 0 && s.startsWith(' / ', i)) {
      out.push(s.slice(start, i));
      start = i + 3;
      i += 2;
    }
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim()).filter(Boolean);
}

function routeOfForm(form: string | undefined): string | undefined {
  return form ? ROUTES.find(([re]) => re.test(form))?.[1] : undefined;
}

/** Pack: "{7 (SCD) / 21 (SCD)} Pack [Brand]" → union of the inner products' components. */
function parsePack(body: string, brand: string | undefined, lex: Lexicon): ParsedName | undefined {
  const inner = /^\{(.*)\}\s*Pack$/i.exec(body);
  if (!inner) return undefined;
  const components: NameComponent[] = [];
  let route: string | undefined;
  for (const item of splitTop(inner[1]!)) {
    const m = /^\d+\s*(?:\(\d+(?:\.\d+)? [A-Z]+\)\s*)?\((.*)\)$/.exec(item); // "7 (SCD)", "1 (180 ML) (SCD)"
    const parsed = parseRxNormName(m ? m[1]! : item, lex);
    if (!parsed) return undefined;
    components.push(...parsed.components);
    route ??= parsed.route;
  }
  const out: ParsedName = { tty: brand ? 'BPCK' : 'GPCK', components };
  if (brand) out.brand = brand;
  if (route) out.route = route;
  return out;
}

/**
 * Parses a name in RxNorm's grammar. Returns undefined when the text is not in that grammar (free text); a parsed
 * name may still have components without an ingredient (an ingredient Cairn does not know).
 */
export function parseRxNormName(name: string, lex: Lexicon): ParsedName | undefined {
  let body = name.trim().replace(/\s+/g, ' ');
  let brand: string | undefined;
  const b = /\s*\[([^\]]+)\]$/.exec(body);
  if (b) {
    brand = b[1]!.trim();
    body = body.slice(0, b.index).trim();
  }
  if (body.startsWith('{')) return parsePack(body, brand, lex);
  body = body.replace(LEAD, '');
  const parts = splitTop(body);
  if (parts.length === 0) return undefined;
  const components: NameComponent[] = [];
  let doseForm: string | undefined;
  for (const [i, part] of parts.entries()) {
    const m = STRENGTH.exec(part);
    const last = i === parts.length - 1;
    if (m) {
      const substance = part.slice(0, m.index).trim();
      const tail = part.slice(m.index + m[0].length).trim();
      if (!substance || (tail && !last)) return undefined;
      if (tail) doseForm = tail;
      const c: NameComponent = { substance, strength: { value: Number(m[1]), unit: m[2]! } };
      const key = baseIngredient(substance, lex);
      if (key) c.ingredient = key;
      components.push(c);
      continue;
    }
    // No strength: "warfarin Oral Tablet" (SCDF) or a bare ingredient ("warfarin sodium", "a / b").
    const key = baseIngredient(part, lex);
    if (key) {
      components.push({ substance: part, ingredient: key });
      continue;
    }
    if (!last) {
      components.push({ substance: part });
      continue;
    }
    const split = splitForm(part, lex);
    if (!split) {
      components.push({ substance: part });
      continue;
    }
    components.push(split.component);
    doseForm = split.form;
  }
  const hasStrength = components.some((c) => c.strength);
  const tty: NameTermType = !doseForm
    ? hasStrength
      ? brand
        ? 'SBDC'
        : 'SCDC'
      : 'IN/PIN/MIN'
    : hasStrength
      ? brand
        ? 'SBD'
        : 'SCD'
      : brand
        ? 'SBDF'
        : 'SCDF';
  const out: ParsedName = { tty, components };
  if (doseForm) out.doseForm = doseForm;
  if (brand) out.brand = brand;
  const route = routeOfForm(doseForm);
  if (route) out.route = route;
  return out;
}

/** "warfarin sodium Oral Tablet" → ingredient "warfarin sodium" + form "Oral Tablet" (the form is capitalised). */
function splitForm(part: string, lex: Lexicon): { component: NameComponent; form: string } | undefined {
  const words = part.split(' ');
  for (let cut = words.length - 1; cut >= 1; cut--) {
    const form = words.slice(cut).join(' ');
    if (!/^[A-Z]/.test(form)) continue;
    const substance = words.slice(0, cut).join(' ');
    const key = baseIngredient(substance, lex);
    if (key) return { component: { substance, ingredient: key }, form };
  }
  return undefined;
}

/** Ingredient keys a parsed name resolves to (sorted, unique). */
export function ingredientKeys(parsed: ParsedName): string[] {
  return [...new Set(parsed.components.flatMap((c) => (c.ingredient ? [c.ingredient] : [])))].sort();
}
