/**
 * Output validation (issue 5): schema-checked; a claim is dropped when it cites an evidence id or citation the
 * input did not hold, cites nothing, or mentions a dose or code absent from the input. Aliases are mapped back
 * to real finding ids and resource references only after a claim passes.
 */
import type { Citation } from '@reasoning/types';
import type { AliasTable, ModelPayload } from '../minimize';
import type { Consideration } from '../types';
import { extractGroundedTokens, ungroundedTokens } from './grounding';
import { sanitizeModelText } from './sanitize';
import { parseModelOutput, type RawClaim } from './schema';

export interface ValidClaim {
  text: string;
  evidence: string[];
  citations: Citation[];
}

export type Validation =
  | { ok: true; assessment: ValidClaim; considerations: Omit<Consideration, 'rank'>[]; dropped: { reason: string }[] }
  | { ok: false; reason: string; dropped: { reason: string }[] };

const ALIAS = /\b[RFSC]\d{1,4}\b/g;

/** Validates a parsed JSON answer against the payload the model was given. */
export function validateModelOutput(raw: unknown, payload: ModelPayload, aliases: AliasTable): Validation {
  const parsed = parseModelOutput(raw);
  if (!parsed.ok) return { ok: false, reason: `invalid answer: ${parsed.error}`, dropped: [] };
  const allowed = extractGroundedTokens(JSON.stringify(payload));
  const dropped = Array.from({ length: parsed.value.malformed }, () => ({ reason: 'claim does not match the schema' }));
  const check = (c: RawClaim): ValidClaim | undefined => {
    const r = checkClaim(c, aliases, allowed);
    if (typeof r === 'string') dropped.push({ reason: r });
    return typeof r === 'string' ? undefined : r;
  };
  const assessment = check(parsed.value.assessment);
  if (!assessment)
    return { ok: false, reason: `assessment rejected (${dropped[0]?.reason ?? 'unsupported'})`, dropped };
  const considerations = parsed.value.considerations.flatMap((c) => {
    const v = check(c);
    return v ? [{ ...v, kind: c.kind, origin: 'model' as const }] : [];
  });
  if (considerations.length === 0) return { ok: false, reason: 'no supported considerations in the answer', dropped };
  return { ok: true, assessment, considerations, dropped };
}

function checkClaim(c: RawClaim, aliases: AliasTable, allowed: ReadonlySet<string>): ValidClaim | string {
  if (c.evidence.length === 0) return 'claim cites no evidence';
  if (c.citations.length === 0) return 'claim cites no source';
  const evidence = c.evidence.map((id) => aliases.resolveEvidence(id));
  if (evidence.some((e) => e === undefined)) return 'claim cites an evidence id not in the input';
  const citations = c.citations.map((id) => aliases.resolveCitation(id));
  if (citations.some((x) => x === undefined)) return 'claim cites a source not in the input';
  if (ungroundedTokens(c.text, allowed).length > 0) return 'claim mentions a dose or code not in the input';
  return {
    text: sanitizeModelText(stripAliases(c.text, aliases)),
    evidence: [...new Set(evidence as string[])],
    citations: dedupe(citations as Citation[]),
  };
}

/** Aliases mean nothing to a clinician; "(R3, F1)" and bare known aliases are removed from the text. */
function stripAliases(text: string, aliases: AliasTable): string {
  const known = (a: string) => aliases.resolveEvidence(a) !== undefined || aliases.resolveCitation(a) !== undefined;
  return text
    .replace(/\s*[([]\s*([RFSC]\d{1,4}(?:\s*[,;]\s*[RFSC]\d{1,4})*)\s*[)\]]/g, (m, ids: string) =>
      ids.split(/[,;]/).every((id) => known(id.trim())) ? '' : m,
    )
    .replace(ALIAS, (a) => (known(a) ? '' : a))
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([.,;:])/g, '$1')
    .trim();
}

function dedupe(list: Citation[]): Citation[] {
  const seen = new Set<string>();
  return list.filter((c) => !seen.has(`${c.title}|${c.year}`) && !!seen.add(`${c.title}|${c.year}`));
}
