/**
 * Generates src/reasoning/knowledge/drugs/generated/*.ts from public RxNorm-derived value sets (code + RxNorm name
 * as published). A code is kept when its RxNorm name resolves, with the same parser the runtime uses, to at least
 * one ingredient in knowledge/drugs/ingredients.ts. Brand names come from the [Brand] of SBD/BPCK names and from
 * brand-name (BN) concepts of the PDDI-CDS per-ingredient value sets.
 *
 * Usage: npm run generate:rxnorm -- <sources-dir>   (or RXNORM_SOURCES_DIR=<dir>)
 * <sources-dir> holds one git clone (bare or not) per source, named as in SOURCES below, e.g.
 *   git clone --bare https://github.com/canvas-medical/canvas-plugins <dir>/canvas-plugins
 * The files are committed: CI does not regenerate them. The script prints what each source contributed and the
 * ingredient CUIs of ingredients.ts it could confirm (a source lists the CUI with that ingredient's name).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INGREDIENTS } from '../src/reasoning/knowledge/drugs/ingredients';
import {
  baseIngredient,
  ingredientKeys,
  makeLexicon,
  parseRxNormName,
  SALT_WORDS,
} from '../src/reasoning/knowledge/drugs/rxnorm-name';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const OUT = join(import.meta.dirname, '../src/reasoning/knowledge/drugs/generated');

interface Entry {
  code: string;
  name: string;
}
/** brand concept (BN) from a per-ingredient value set: the value set names the ingredient */
interface BrandConcept {
  code: string;
  brand: string;
  ingredient: string;
}

interface Source {
  dir: string;
  repo: string;
  licence: string;
  /** Paths read, in priority order (newer RxNorm names first): a later path never overrides a code. */
  paths: (files: string[]) => string[];
  read: (path: string, text: string) => { entries: Entry[]; brands?: BrandConcept[] };
}

/** canvas_sdk value_set modules: `RXNORM = { "code",  # RxNorm name }` blocks (VSAC eCQM expansions). */
function readCanvas(_path: string, text: string): { entries: Entry[] } {
  const entries: Entry[] = [];
  // A block ends at its own closing line: names of packs contain braces ("{7 (…) / 7 (…)} Pack").
  for (const block of text.matchAll(/\bRXNORM = \{\n([\s\S]*?)\n\s*\}\n/g)) {
    for (const m of block[1]!.matchAll(/"(\d+)",\s*#\s*(.+)$/gm)) entries.push({ code: m[1]!, name: m[2]!.trim() });
  }
  return { entries };
}

/** FHIR ValueSet JSON (or a Bundle of them): compose.include[].concept and expansion.contains with RxNorm. */
function readValueSetJson(_path: string, text: string): { entries: Entry[] } {
  const json = JSON.parse(text) as fhir4.ValueSet | fhir4.Bundle;
  const sets =
    json.resourceType === 'Bundle'
      ? (json.entry ?? []).map((e) => e.resource).filter((r): r is fhir4.ValueSet => r?.resourceType === 'ValueSet')
      : [json];
  return { entries: sets.flatMap(conceptsOf) };
}

function conceptsOf(vs: fhir4.ValueSet): Entry[] {
  const entries: Entry[] = [];
  for (const inc of vs.compose?.include ?? []) {
    if (inc.system !== RXNORM) continue;
    for (const c of inc.concept ?? []) if (c.display) entries.push({ code: c.code, name: c.display });
  }
  for (const c of vs.expansion?.contains ?? [])
    if (c.system === RXNORM && c.code && c.display) entries.push({ code: c.code, name: c.display });
  return entries;
}

/** FHIR ValueSet XML (PDDI-CDS): concepts of RxNorm includes; brand names of a single-ingredient value set. */
function readValueSetXml(path: string, text: string): { entries: Entry[]; brands: BrandConcept[] } {
  const entries: Entry[] = [];
  const brands: BrandConcept[] = [];
  const named = /\/valueset-([a-z]+)\.xml$/.exec(path)?.[1];
  const ingredient = named === 'bundle' ? undefined : named;
  for (const inc of text.matchAll(/<include>([\s\S]*?)<\/include>/g)) {
    if (!new RegExp(`<system value="${RXNORM}"\\s*/>`).test(inc[1]!)) continue;
    for (const c of inc[1]!.matchAll(/<code value="(\d+)"\s*\/>\s*<display value="([^"]+)"\s*\/>/g)) {
      const name = c[2]!
        .replace(/&amp;/g, '&')
        .replace(/&apos;/g, "'")
        .trim();
      // A brand name concept (BN): no strength, no " / ", no dose form; its ingredient is the value set's.
      if (ingredient && !/\d| \/ |\{/.test(name) && !name.toLowerCase().includes(ingredient))
        brands.push({ code: c[1]!, brand: name, ingredient });
      else entries.push({ code: c[1]!, name });
    }
  }
  return { entries, brands };
}

const SOURCES: readonly Source[] = [
  {
    dir: 'canvas-plugins',
    repo: 'canvas-medical/canvas-plugins',
    licence: 'MIT',
    paths: (files) =>
      ['v2026', 'v2022'].flatMap((v) =>
        files.filter((f) => f.startsWith(`canvas_sdk/value_set/${v}/`) && f.endsWith('.py')),
      ),
    read: readCanvas,
  },
  ...['ecqm-content-qicore-2025', 'ecqm-content-qicore-2024', 'ecqm-content-r4-2021', 'opioid-cds-r4'].map(
    (dir): Source => ({
      dir,
      repo: `cqframework/${dir}`,
      licence: 'CC0-1.0',
      paths: (files) =>
        files.filter(
          (f) =>
            f.endsWith('.json') &&
            !f.startsWith('archive/') &&
            (/^input\/vocabulary\/valueset\//.test(f) || /^bundles\/measure\/[^/]+\/[^/]+-files\/valuesets-/.test(f)),
        ),
      read: readValueSetJson,
    }),
  ),
  {
    dir: 'PDDI-CDS',
    repo: 'HL7/PDDI-CDS',
    licence: 'CC0-1.0',
    paths: (files) =>
      files.filter(
        (f) =>
          /^input\/vocabulary\/valueset-[^/]+\.xml$/.test(f) ||
          /^input\/images\/artifacts\/[^/]+\/valueset-bundle\.xml$/.test(f),
      ),
    read: readValueSetXml,
  },
];

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** A file's text at HEAD, or undefined when the clone lacks the blob (partial copies leave out large files). */
function show(dir: string, path: string): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, 'show', `HEAD:${path}`], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

const sourcesDir = process.argv[2] ?? process.env.RXNORM_SOURCES_DIR;
if (!sourcesDir) {
  console.error(
    'usage: npm run generate:rxnorm -- <sources-dir>  (one git clone per source: canvas-plugins, ecqm-content-qicore-2024, PDDI-CDS)',
  );
  process.exit(2);
}

interface Read {
  src: Source;
  entries: Entry[];
  brands: BrandConcept[];
  commit: string;
  files: number;
  absent: number;
}

/** Pass 1: every RxNorm concept of every source, in source order. */
const reads: Read[] = SOURCES.map((src) => {
  const dir = join(sourcesDir, src.dir);
  const paths = src.paths(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter(Boolean));
  const read: Read = {
    src,
    entries: [],
    brands: [],
    commit: git(dir, 'rev-parse', 'HEAD').trim(),
    files: paths.length,
    absent: 0,
  };
  for (const path of paths) {
    const text = show(dir, path);
    if (text === undefined) {
      read.absent++;
      continue;
    }
    const { entries, brands = [] } = src.read(path, text);
    read.entries.push(...entries);
    read.brands.push(...brands);
  }
  return read;
});

/**
 * Ingredients outside ingredients.ts (no rule reads them, but a product of them is identified, not "unknown"):
 * concepts a VSAC/eCQM value set lists under a bare ingredient name (TTY IN: one substance, no strength, form,
 * brand or salt word). A name listed with two codes is left out. PDDI-CDS is not used here: its bare names are brands.
 */
/** Words of RxNorm dose forms and dose-form groups: a name with one is a product (SCDF, SCDG), not an ingredient. */
const DOSE_FORM_WORDS =
  /\b(?:product|oral|tablet|capsule|pill|solution|suspension|injectable|injection|topical|cream|ointment|gel|extended|release|delayed|chewable|inhal\w*|transdermal|patch|spray|nasal|ophthalmic|otic|rectal|vaginal|powder|syrup|elixir|lotion|drops?|kit|pack|system|implant|film|lozenge|granules|foam|shampoo|enema|suppository|pen|cartridge|syringe|auto-injector|prefilled|disintegrating|sublingual|buccal|mucosal|intrauterine|irrigation|paste|wafer|strip)\b/;
const known = makeLexicon(Object.entries(INGREDIENTS).map(([cui, i]) => [i.name, cui] as const));
const bare = new Map<string, Set<string>>();
for (const r of reads.filter((x) => x.src.dir !== 'PDDI-CDS')) {
  for (const e of r.entries) {
    const name = e.name.trim().toLowerCase().replace(/\s+/g, ' ');
    if (
      /[[\]{}()/,]|\d+(?:\.\d+)? (?:mg|ml|mcg|unt|meq|hr|%)\b/.test(name) ||
      DOSE_FORM_WORDS.test(name) ||
      INGREDIENTS[e.code]
    )
      continue;
    (bare.get(name) ?? bare.set(name, new Set()).get(name)!).add(e.code);
  }
}
/** A precise ingredient (PIN: "warfarin sodium") is its base name plus salt words; the base is the ingredient. */
const isPin = (name: string): boolean => {
  const words = name.split(' ');
  for (let cut = words.length - 1; cut >= 1; cut--) {
    if (!words.slice(cut).every((w) => SALT_WORDS.has(w))) break;
    const base = words.slice(0, cut).join(' ');
    if (bare.has(base) || known.keyOf.has(base)) return true;
  }
  return false;
};
for (const name of [...bare.keys()]) if (isPin(name)) bare.delete(name);
/** A code of ours that a source lists under another ingredient's name, or our name under another code: reported. */
const mismatches: string[] = [];
const others = new Map<string, string>();
for (const [name, codes] of bare) {
  const ours = known.keyOf.get(name);
  if (ours) {
    mismatches.push(`${name}: ours ${ours}, source lists ${[...codes].join('/')}`);
    continue;
  }
  if (codes.size === 1) others.set([...codes][0]!, name);
}
const lexicon = makeLexicon([...known.keyOf, ...[...others].map(([code, name]) => [name, code] as const)]);

const names = new Map<string, { name: string; keys: string; source: string }>();
const brandKeys = new Map<string, Set<string>>();
const brandCodes = new Map<string, string>();
const confirmed = new Map<string, string>();
const report: string[] = [];
const headers: string[] = [];

/** Pass 2: product codes whose RxNorm name resolves to ingredients. */
for (const { src, entries, brands, commit, files, absent } of reads) {
  let kept = 0;
  for (const e of entries) {
    const parsed = parseRxNormName(e.name, lexicon);
    const keys = parsed ? ingredientKeys(parsed) : [];
    // An ingredient CUI of ours confirmed: the source lists it with that ingredient's own name (IN or PIN).
    if (INGREDIENTS[e.code] && baseIngredient(e.name, known) === e.code) confirmed.set(e.code, src.repo);
    if (keys.length === 0 || INGREDIENTS[e.code] || others.has(e.code)) continue;
    if (parsed?.brand && !parsed.tty.endsWith('PCK')) {
      const set = brandKeys.get(parsed.brand) ?? new Set<string>();
      set.add(keys.join('+'));
      brandKeys.set(parsed.brand, set);
    }
    const prior = names.get(e.code);
    if (prior) {
      if (prior.keys !== keys.join('+'))
        report.push(`conflict ${e.code}: "${prior.name}" (${prior.source}) vs "${e.name}" (${src.repo})`);
      continue;
    }
    names.set(e.code, { name: e.name, keys: keys.join('+'), source: src.repo });
    kept++;
  }
  for (const b of brands) {
    const key = baseIngredient(b.ingredient, lexicon);
    if (!key || names.has(b.code)) continue;
    const set = brandKeys.get(b.brand) ?? new Set<string>();
    set.add(key);
    brandKeys.set(b.brand, set);
    brandCodes.set(b.code, b.brand);
  }
  headers.push(
    ` * - ${src.repo} @ ${commit} (${src.licence}): ${files} files (${absent} absent from the copy), ${entries.length} RxNorm concepts read, ${kept} codes kept`,
  );
  report.push(
    `${src.repo}: ${files} files (${absent} not in this copy), ${entries.length} concepts, ${kept} new codes kept`,
  );
}

/** A brand seen with different ingredient sets (e.g. "Tylenol" single and combination products) is ambiguous. */
const brands = [...brandKeys]
  .filter(([brand, keys]) => keys.size === 1 && brand.length >= 3)
  .map(([brand, keys]) => [brand, [...keys][0]!] as const)
  .sort(([a], [b]) => a.localeCompare(b));
const ambiguous = [...brandKeys]
  .filter(([, keys]) => keys.size > 1)
  .map(([b]) => b)
  .sort();

const header = (what: string): string => `/**
 * GENERATED by scripts/generate-rxnorm-tables.ts — do not edit; regenerate with \`npm run generate:rxnorm -- <dir>\`.
 * ${what}
 * Sources (code and RxNorm name exactly as each publishes them; RxNorm itself is NLM's, free to use):
${headers.join('\n')}
 */
`;

const lines = [...names].sort(([a], [b]) => Number(a) - Number(b)).map(([code, e]) => `${code}\t${e.name}`);
mkdirSync(OUT, { recursive: true });
writeFileSync(
  join(OUT, 'rxnorm-names.ts'),
  `${header(`RxNorm code → RxNorm name, ${lines.length} codes whose name names an ingredient of ingredients.ts. One "code\\tname" per line: a compact string, split on first use.`)}
export const RXNORM_NAMES = ${JSON.stringify(lines.join('\n'))};
`,
);
const brandLines = brands.map(([b, k]) => `${b}\t${k}`);
const codeLines = [...brandCodes].sort(([a], [b]) => Number(a) - Number(b)).map(([c, b]) => `${c}\t${b}`);
writeFileSync(
  join(OUT, 'rxnorm-brands.ts'),
  `${header(`Brand name → ingredient CUIs ("+"-joined), ${brandLines.length} brands with one composition in the sources; and brand-name (BN) codes → brand. Ambiguous brands (left out): ${ambiguous.length}.`)}
export const RXNORM_BRANDS = ${JSON.stringify(brandLines.join('\n'))};

export const RXNORM_BRAND_CODES = ${JSON.stringify(codeLines.join('\n'))};
`,
);

const otherLines = [...others].sort(([a], [b]) => Number(a) - Number(b)).map(([c, n]) => `${c}\t${n}`);
writeFileSync(
  join(OUT, 'rxnorm-ingredients.ts'),
  `${header(`RxNorm ingredient (IN) code → name, ${otherLines.length} ingredients outside ingredients.ts (no rule reads them; their products are identified, not unknown). One "code\\tname" per line.`)}
export const RXNORM_OTHER_INGREDIENTS = ${JSON.stringify(otherLines.join('\n'))};
`,
);

const unconfirmed = Object.entries(INGREDIENTS)
  .filter(([cui]) => !confirmed.has(cui))
  .map(([cui, i]) => `${i.name} ${cui}`);
console.log(report.join('\n'));
console.log(
  `codes: ${lines.length}; brands: ${brandLines.length} (+${codeLines.length} BN codes), ambiguous: ${ambiguous.length}`,
);
console.log(`ingredient CUIs confirmed by a source: ${confirmed.size}/${Object.keys(INGREDIENTS).length}`);
console.log(`not confirmed: ${unconfirmed.join(', ')}`);
console.log(
  `other ingredients: ${otherLines.length}; name/code mismatches with ingredients.ts: ${mismatches.length}\n  ${mismatches.join('\n  ')}`,
);
