/**
 * The demo EHR reads the cards of any CDS service, not only Cairn's, so it reads defensively from `unknown`
 * into the shared wire types of `@cds-hooks/schemas/response`: a card without a summary or a source label is
 * dropped, and so is a suggestion, link or override reason that is malformed, rather than shown half-rendered. An
 * unknown indicator is shown as info rather than hiding the card. (The service validates its own responses strictly with the same schemas; the page's CSP allows
 * no runtime-compiled validator, hence plain checks here.)
 */
import type { CodingWithDisplay } from '@cds-hooks/schemas/common';
import type { Action, Card, Link, Suggestion } from '@cds-hooks/schemas/response';
import { INDICATORS, mostUrgentFirst, type Indicator } from '@cds-hooks/severity';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const isIndicator = (v: unknown): v is Indicator => INDICATORS.includes(v as Indicator);

/** Every item read, or undefined when one is malformed (a suggestion is applied whole or not at all). */
function allOf<T>(v: unknown, read: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const items = v.map(read);
  return items.every((x): x is T => x !== undefined) ? items : undefined;
}

/** The well-formed items, or undefined when none is. */
function someOf<T>(v: unknown, read: (item: unknown) => T | undefined): T[] | undefined {
  const items = Array.isArray(v) ? v.map(read).filter((x): x is T => x !== undefined) : [];
  return items.length > 0 ? items : undefined;
}

function toAction(v: unknown): Action | undefined {
  if (!isObj(v)) return undefined;
  const description = str(v.description);
  if (!description) return undefined;
  if ((v.type === 'create' || v.type === 'update') && isObj(v.resource) && str(v.resource.resourceType)) {
    return { type: v.type, description, resource: v.resource as { resourceType: string } };
  }
  // CDS Hooks 2.0 §Action: a delete's `resourceId` is one relative reference.
  const resourceId = str(v.resourceId);
  return v.type === 'delete' && resourceId ? { type: 'delete', description, resourceId } : undefined;
}

function toSuggestion(v: unknown): Suggestion | undefined {
  const label = isObj(v) ? str(v.label) : undefined;
  if (!isObj(v) || !label) return undefined;
  const actions = v.actions === undefined ? [] : allOf(v.actions, toAction);
  if (!actions) return undefined;
  const uuid = str(v.uuid);
  return {
    label,
    ...(uuid && { uuid }),
    ...(v.isRecommended === true && { isRecommended: true }),
    ...(actions.length > 0 && { actions }),
  };
}

function toReason(v: unknown): CodingWithDisplay | undefined {
  if (!isObj(v)) return undefined;
  const [code, system, display] = [str(v.code), str(v.system), str(v.display)];
  return code && system && display ? { code, system, display } : undefined;
}

function toLink(v: unknown): Link | undefined {
  if (!isObj(v)) return undefined;
  const [label, url, appContext] = [str(v.label), str(v.url), str(v.appContext)];
  if (!label || !url || !/^https?:\/\//i.test(url)) return undefined;
  if (v.type === 'smart') return { label, url, type: 'smart', ...(appContext && { appContext }) };
  return v.type === 'absolute' ? { label, url, type: 'absolute' } : undefined;
}

function toSource(v: unknown): Card['source'] | undefined {
  const label = isObj(v) ? str(v.label) : undefined;
  if (!isObj(v) || !label) return undefined;
  const url = str(v.url);
  const topic =
    isObj(v.topic) && str(v.topic.code) && str(v.topic.system) ? (v.topic as Card['source']['topic']) : undefined;
  return { label, ...(url && { url }), ...(topic && { topic }) };
}

export function toCard(v: unknown): Card | undefined {
  if (!isObj(v)) return undefined;
  const [summary, source] = [str(v.summary), toSource(v.source)];
  if (!summary || !source) return undefined;
  const indicator = isIndicator(v.indicator) ? v.indicator : 'info';
  const [uuid, detail] = [str(v.uuid), str(v.detail)];
  const selectionBehavior =
    v.selectionBehavior === 'any' || v.selectionBehavior === 'at-most-one' ? v.selectionBehavior : undefined;
  const [suggestions, overrideReasons, links] = [
    someOf(v.suggestions, toSuggestion),
    someOf(v.overrideReasons, toReason),
    someOf(v.links, toLink),
  ];
  return {
    summary,
    indicator,
    source,
    ...(uuid && { uuid }),
    ...(detail && { detail }),
    ...(selectionBehavior && { selectionBehavior }),
    ...(suggestions && { suggestions }),
    ...(overrideReasons && { overrideReasons }),
    ...(links && { links }),
  };
}

/** The well-formed cards of a CDS Service response body. */
export function cardsOf(body: unknown): Card[] {
  return isObj(body) && Array.isArray(body.cards)
    ? body.cards.map(toCard).filter((c): c is Card => c !== undefined)
    : [];
}

/** Sort comparator: most urgent card first. */
export const byIndicator = (a: Card, b: Card): number => mostUrgentFirst(a.indicator, b.indicator);
