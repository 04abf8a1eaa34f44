/**
 * Drug–drug interactions over chart medications and draft orders (knowledge/drug-interactions.ts).
 * One finding per interaction entry and ingredient pair; a draft order in the pair sets draftRefs, the draft
 * severity and suggestions (remove the draft; a safer alternative where the entry names one).
 */
import { removeDraftSuggestion } from './draft-suggestions';
import type { Facts, MedicationFact } from '../facts';
import { type Rule, type RuleOutcome, ruleOutcome } from '../rule';
import type { Finding, FindingInput, Severity, Suggestion } from '../types';
import {
  INTERACTIONS,
  PHANSALKAR_2012,
  PDDI_CDS,
  type DrugMatcher,
  type InteractionEntry,
} from '../knowledge/drug-interactions';
import {
  clipSummary,
  deleteDrafts,
  draftRequest,
  maxSeverity,
  medEvidence,
  medInput,
  medKey,
  medNames,
  medStatusText,
  sentenceStart,
  uniqueMeds,
} from '../knowledge/drugs/describe';
import { assessWarfarinNsaid } from './warfarin-nsaid-risk';
import { assessStatinDoseCap } from './statin-dose-cap';
import { assessColchicineRenal } from './colchicine-renal';
import { assessQtRisk } from './qt-risk';

/** True when a medication matches a knowledge matcher (class or ingredient, minus excluded routes). */
export function matches(m: MedicationFact, x: DrugMatcher): boolean {
  if (x.excludeRoutes && m.route && x.excludeRoutes.includes(m.route)) return false;
  return (
    (x.classes ?? []).some((c) => m.classes.includes(c)) || (x.ingredients ?? []).some((i) => m.ingredients.includes(i))
  );
}

interface PairGroup {
  key: string;
  a: MedicationFact[];
  b: MedicationFact[];
}

/** Appends `value` to the list under `key`, starting the list when absent. */
function pushTo<V>(into: Map<string, V[]>, key: string, value: V): void {
  const list = into.get(key);
  if (list) list.push(value);
  else into.set(key, [value]);
}

function byKey(meds: readonly MedicationFact[]): Map<string, MedicationFact[]> {
  const out = new Map<string, MedicationFact[]>();
  for (const m of meds) pushTo(out, medKey(m), m);
  return out;
}

/**
 * Medications with the same classes, ingredients and route match the same matchers (see `matches`), and a chart
 * repeats a few drugs hundreds of times: each distinct profile is checked once per entry instead of each order.
 * Profiles are indexed by class and ingredient, so an entry none of the chart's drugs could match (most of the
 * table, for most charts) costs two map lookups per concept it names and allocates nothing.
 */
interface Profiles {
  keyOf: readonly string[];
  representatives: ReadonlyMap<string, MedicationFact>;
  /** Class → keys of the profiles that carry it. */
  byClass: ReadonlyMap<string, readonly string[]>;
  /** Ingredient (RxNorm CUI) → keys of the profiles that carry it. */
  byIngredient: ReadonlyMap<string, readonly string[]>;
}

const NONE: readonly never[] = [];

function profilesOf(meds: readonly MedicationFact[]): Profiles {
  const keyOf = meds.map((m) => `${m.ingredients.join(',')}|${m.classes.join(',')}|${m.route ?? ''}`);
  const representatives = new Map<string, MedicationFact>();
  const byClass = new Map<string, string[]>();
  const byIngredient = new Map<string, string[]>();
  meds.forEach((m, i) => {
    const key = keyOf[i] as string;
    if (representatives.has(key)) return;
    representatives.set(key, m);
    for (const c of m.classes) pushTo(byClass, c, key);
    for (const ingredient of m.ingredients) pushTo(byIngredient, ingredient, key);
  });
  return { keyOf, representatives, byClass, byIngredient };
}

/**
 * The profiles among `keys` that match `x` (the route exclusion is the part the index cannot answer), added to `hit`;
 * the set is made only at the first match, so an entry that matches nothing allocates nothing.
 */
function collectMatches(
  p: Profiles,
  x: DrugMatcher,
  keys: readonly string[] | undefined,
  hit: Set<string> | undefined,
): Set<string> | undefined {
  for (const key of keys ?? NONE)
    if (matches(p.representatives.get(key) as MedicationFact, x)) (hit ??= new Set()).add(key);
  return hit;
}

/** Meds matching `x`, in chart order. */
function matching(meds: readonly MedicationFact[], p: Profiles, x: DrugMatcher): readonly MedicationFact[] {
  let hit: Set<string> | undefined;
  for (const c of x.classes ?? NONE) hit = collectMatches(p, x, p.byClass.get(c), hit);
  for (const ingredient of x.ingredients ?? NONE) hit = collectMatches(p, x, p.byIngredient.get(ingredient), hit);
  return hit === undefined ? NONE : meds.filter((_, i) => hit.has(p.keyOf[i] as string));
}

// Symmetric entries (QT + QT) match both ways round: keep one orientation per pair. Knowledge is fixed at load.
const symmetricEntries = new WeakMap<InteractionEntry, boolean>();
const isSymmetric = (entry: InteractionEntry): boolean => {
  let known = symmetricEntries.get(entry);
  if (known === undefined) symmetricEntries.set(entry, (known = JSON.stringify(entry.a) === JSON.stringify(entry.b)));
  return known;
};

/**
 * Groups matching (a, b) medication pairs by ingredient pair; a drug never interacts with itself. Medications are
 * grouped by ingredient key first, so cost grows with distinct drugs, not with repeated orders.
 */
function pairGroups(entry: InteractionEntry, meds: readonly MedicationFact[], profiles: Profiles): PairGroup[] {
  const aMatches = matching(meds, profiles, entry.a);
  if (aMatches.length === 0) return [];
  const bMatches = matching(meds, profiles, entry.b);
  if (bMatches.length === 0) return [];
  const symmetric = isSymmetric(entry);
  const as = byKey(aMatches);
  const bs = byKey(bMatches);
  const out: PairGroup[] = [];
  for (const [ka, aMeds] of as) {
    for (const [kb, bMeds] of bs) {
      if (ka === kb || (symmetric && ka > kb)) continue;
      out.push({ key: `${ka}|${kb}`, a: uniqueMeds(aMeds), b: uniqueMeds(bMeds) });
    }
  }
  return out;
}

function suggestionsFor(entry: InteractionEntry, g: PairGroup, facts: Facts): Suggestion[] {
  const drafts = uniqueMeds([...g.a, ...g.b].filter((m) => m.isDraft));
  if (drafts.length === 0) return [];
  const out = removeDraftSuggestion(drafts);
  const bDrafts = g.b.filter((m) => m.isDraft);
  if (entry.alternative && bDrafts.length > 0) {
    out.push({
      label: entry.alternative.label,
      isRecommended: true,
      actions: [
        deleteDrafts(bDrafts, 'Remove the draft order'),
        {
          type: 'create',
          description: entry.alternative.label,
          resource: draftRequest(facts.patient?.ref, entry.alternative.code, entry.alternative.display),
        },
      ],
    });
  }
  return out;
}

interface Modifier {
  severity: Severity;
  header: string;
  lines: string[];
  inputs: FindingInput[];
  evidence: Finding['evidence'];
  lowRisk?: boolean;
}

/** Entry-specific logic; undefined = the pair does not warrant a finding (e.g. statin within the label cap). */
function applyModifier(
  entry: InteractionEntry,
  g: PairGroup,
  facts: Facts,
  base: Severity,
  isDraft: boolean,
): Modifier | undefined {
  if (entry.modifier === 'warfarin-nsaid') {
    return { ...assessWarfarinNsaid(facts, g.b, isDraft), header: 'Risk factors (HL7 PDDI-CDS warfarin–NSAID logic)' };
  }
  if (entry.modifier === 'statin-dose-cap') {
    const cap = assessStatinDoseCap(g.a, entry.statinCaps ?? {}, entry.b.label);
    if (cap.withinCap) return undefined;
    return {
      severity: cap.exceeds ? maxSeverity(base, 'warning') : base,
      header: 'Statin dose against the label cap',
      lines: cap.lines,
      inputs: [],
      evidence: [],
    };
  }
  if (entry.modifier === 'colchicine-renal') {
    const anyStale = [...g.a, ...g.b].some((m) => m.isStale && !m.isDraft);
    return {
      ...assessColchicineRenal(facts, base, anyStale),
      header: 'Kidney function (Colcrys label: contraindicated in renal impairment)',
    };
  }
  if (entry.modifier === 'qt-risk') return { ...assessQtRisk(facts, base), header: 'QT risk factors (Drew 2010)' };
  return { severity: base, header: '', lines: [], inputs: [], evidence: [] };
}

function detailFor(
  entry: InteractionEntry,
  meds: readonly MedicationFact[],
  header: string,
  riskLines: readonly string[],
): string {
  const lines = [
    `**Why it matters.** ${entry.rationale}`,
    '',
    '**In this record:**',
    ...meds.map((m) => `- ${m.display} — ${medStatusText(m)}`),
  ];
  if (riskLines.length > 0) lines.push('', `**${header}:**`, ...riskLines.map((r) => `- ${r}`));
  if (entry.oncHighPriority) lines.push('', '_On the ONC list of high-priority interactions (Phansalkar 2012)._');
  return lines.join('\n');
}

function toFinding(entry: InteractionEntry, g: PairGroup, facts: Facts): Finding | undefined {
  const meds = uniqueMeds([...g.a, ...g.b]);
  const draftRefs = meds.filter((m) => m.isDraft).map((m) => m.ref);
  const mod = applyModifier(
    entry,
    g,
    facts,
    draftRefs.length > 0 ? entry.severity.draft : entry.severity.chart,
    draftRefs.length > 0,
  );
  if (!mod) return undefined;
  const names = sentenceStart(`${medNames(g.a, '/')} + ${medNames(g.b, '/')}`);
  const when = draftRefs.length > 0 ? 'new order' : 'both active';
  return {
    id: `${entry.id}:${g.key}${draftRefs.length > 0 ? `:${draftRefs.join(',')}` : ''}`,
    ruleId: entry.id,
    family: drugInteractionsRule.family,
    severity: mod.severity,
    summary: clipSummary(`${names} (${when}): ${mod.lowRisk ? 'topical NSAID, low systemic exposure' : entry.harm}`),
    action: entry.management,
    detail: detailFor(entry, meds, mod.header, mod.lines),
    evidence: [...meds.map(medEvidence), ...mod.evidence],
    inputs: [...meds.map(medInput), ...mod.inputs],
    // A low-risk branch (topical NSAID) informs; offering to delete the order would be noise: most drug alerts
    // are overridden, and alert fatigue trains clinicians to ignore them.
    citations: entry.citations,
    suggestions: mod.lowRisk ? [] : suggestionsFor(entry, g, facts),
    draftRefs,
    limitations: entry.limitations,
  };
}

function evaluate(facts: Facts): RuleOutcome {
  const meds = [...facts.drafts, ...facts.medications];
  const profiles = profilesOf(meds);
  const findings = INTERACTIONS.flatMap((entry) =>
    pairGroups(entry, meds, profiles).flatMap((g) => toFinding(entry, g, facts) ?? []),
  );
  const unknown = meds.filter((m) => m.ingredients.length === 0 && m.classes.length === 0);
  const insufficient =
    unknown.length > 0
      ? [`${unknown.length} medication(s) not in the drug knowledge base were not checked for interactions`]
      : [];
  return ruleOutcome(findings, insufficient);
}

export const drugInteractionsRule: Rule = {
  family: 'drug-interactions',
  title: 'Drug–drug interactions (ONC high-priority and label majors)',
  topic: 'drug-interaction',
  description:
    'Flags contraindicated and major drug pairs among active medications and draft orders, with severity raised for new orders.',
  citations: [PHANSALKAR_2012, PDDI_CDS],
  evaluate,
};
