/**
 * Cards are a projection of engine findings (docs/architecture.md, "The shape"): nothing here decides clinical content. Each
 * card carries the finding's summary, its inputs with dates, citations and limits, a source derived from the rule
 * registry, a uuid (feedback refers to it), suggestions as CDS Hooks actions, override reasons and a SMART link
 * to the app focused on the finding. Optional elements without a value are omitted (spec §Overview).
 */
import { mostUrgentFirst } from '@cds-hooks/severity';
import type { Finding, FindingInput, SuggestionAction } from '@reasoning/types';
import { ruleByFamily } from '@reasoning/registry';
import { OVERRIDE_REASONS } from './override-reasons';
import type { Action, Card, Suggestion } from '@cds-hooks/schemas/response';
import { clipSummary } from '@cds-hooks/summary';

export const TOPIC_SYSTEM = 'urn:cairn:cds:rule-topic';

export interface CardContext {
  /** Base URL of this service as clients reach it; the SMART launch URL is `${baseUrl}/launch`. */
  baseUrl: string;
  newId: () => string;
}

function inputLine(i: FindingInput): string {
  const unit = i.unit ? ` ${i.unit}` : '';
  const date = i.date ? ` (${i.date.slice(0, 10)})` : ' (undated)';
  return `- ${i.name}: ${String(i.value)}${unit}${date}`;
}

/**
 * The action comes first: a narrow sidebar (Oracle Health shows patient-view cards there) may show the summary and
 * the detail's first line only, so that line says what to do; the rationale follows.
 */
function detailOf(f: Finding): string {
  const parts = [`**What to do:** ${f.action.trim()}`, f.detail.trim()];
  if (f.inputs.length > 0) parts.push(['**Based on**', ...f.inputs.map(inputLine)].join('\n'));
  parts.push(
    ['**Sources**', ...f.citations.map((c) => `- ${c.url ? `[${c.title}](${c.url})` : c.title}, ${c.year}`)].join('\n'),
  );
  if (f.limitations?.length) parts.push(['**Limits**', ...f.limitations.map((l) => `- ${l}`)].join('\n'));
  return parts.filter((p) => p !== '').join('\n\n');
}

/** spec §Action: `resourceId` is one relative reference, so a delete of several drafts becomes several actions. */
function toActions(a: SuggestionAction): Action[] {
  switch (a.type) {
    case 'create':
    case 'update':
      return [{ type: a.type, description: a.description, resource: a.resource }];
    case 'delete':
      return a.resourceId.map((resourceId) => ({ type: 'delete' as const, description: a.description, resourceId }));
    default:
      return assertNever(a);
  }
}

/** spec §Action: resourceId is "A relative reference to the relevant resource" (Type/id, FHIR id syntax). */
const RELATIVE_REFERENCE = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;

/**
 * A draft order sent without an id cannot be named in a delete action. Actions within a suggestion are AND'd
 * (spec §Suggestion), so dropping only the delete would turn "replace the NSAID" into "add a second drug":
 * the whole suggestion goes, and the card still carries the warning.
 */
function isExpressible(s: Finding['suggestions'][number]): boolean {
  return s.actions.every(
    (a) => a.type !== 'delete' || (a.resourceId.length > 0 && a.resourceId.every((r) => RELATIVE_REFERENCE.test(r))),
  );
}

function assertNever(x: never): never {
  throw new Error(`unexpected action ${JSON.stringify(x)}`);
}

/**
 * Cards carry selectionBehavior `at-most-one`, and spec §Suggestion allows several recommended suggestions only
 * "if card.selectionBehavior is any": the first recommended one stays recommended, later ones are not marked.
 */
function toSuggestions(f: Finding, ctx: CardContext): Suggestion[] {
  const usable = f.suggestions.filter(isExpressible);
  const firstRecommended = usable.findIndex((s) => s.isRecommended === true);
  return usable.map((s, i) => {
    const actions = s.actions.flatMap(toActions);
    const isRecommended = s.isRecommended === true ? i === firstRecommended : s.isRecommended;
    return {
      label: s.label,
      uuid: ctx.newId(),
      ...(isRecommended !== undefined && { isRecommended }),
      ...(actions.length > 0 && { actions }),
    };
  });
}

function sourceOf(f: Finding): Card['source'] {
  const rule = ruleByFamily(f.family);
  const url = f.citations.find((c) => c.url)?.url;
  return {
    label: rule?.title ?? f.family,
    ...(url && /^https?:\/\//.test(url) && { url }),
    topic: { system: TOPIC_SYSTEM, code: rule?.topic ?? f.family, display: rule?.title ?? f.family },
  };
}

/** One card for one finding. */
export function toCard(f: Finding, ctx: CardContext): Card {
  const suggestions = toSuggestions(f, ctx);
  return {
    uuid: ctx.newId(),
    summary: clipSummary(f.summary),
    indicator: f.severity,
    detail: detailOf(f),
    source: sourceOf(f),
    // Alternatives on one card exclude each other (remove the draft, or replace it): at most one.
    ...(suggestions.length > 0 && { suggestions, selectionBehavior: 'at-most-one' as const }),
    overrideReasons: [...OVERRIDE_REASONS],
    links: [
      {
        label: 'Review in Cairn',
        url: `${ctx.baseUrl}/launch`,
        type: 'smart',
        appContext: JSON.stringify({ findingId: f.id }),
      },
    ],
  };
}

/**
 * A card with the rule it speaks for, bound when the card is built: the audit, feedback attribution and analytics
 * read the rule from here, never by pairing a card list with a finding list (which drift apart once a repeated
 * summary is skipped).
 */
export interface RuledCard {
  card: Card;
  ruleId: string;
}

/** What the audit keeps of a card. */
export function auditedCard({ card, ruleId }: RuledCard): {
  uuid: string;
  ruleId: string;
  indicator: Card['indicator'];
} {
  return { uuid: card.uuid ?? '', ruleId, indicator: card.indicator };
}

// spec §Card Attributes: indicator values are listed "in order of increasing urgency"; clients that show cards in
// the order received then show the most urgent first. Stable, so equal cards keep the engine's order.
export const byUrgency = (cards: readonly RuledCard[]): RuledCard[] =>
  [...cards].sort((a, b) => mostUrgentFirst(a.card.indicator, b.card.indicator));

/** Cards for the findings, one per finding id and never two with the same summary (no duplicate cards). */
export function toCards(findings: readonly Finding[], ctx: CardContext): RuledCard[] {
  const seenIds = new Set<string>();
  const seenSummaries = new Set<string>();
  const cards: RuledCard[] = [];
  for (const f of findings) {
    // Compared as shown: two long summaries that clip to the same text would read as duplicate cards.
    const shown = clipSummary(f.summary);
    if (seenIds.has(f.id) || seenSummaries.has(shown)) continue;
    seenIds.add(f.id);
    seenSummaries.add(shown);
    cards.push({ card: toCard(f, ctx), ruleId: f.ruleId });
  }
  return cards;
}
