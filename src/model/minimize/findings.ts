/** The engine's findings and scores, aliased and scrubbed for a hosted model. */
import { daysBetween } from '@fhir/dates';
import type { Finding, Score } from '@reasoning/types';
import type { PayloadFinding, PayloadInput, PayloadScore } from './payload';
import { scoreKey } from '../score-evidence';
import { scrubText, type ScrubContext } from './scrub';

const MAX_DETAIL = 1200;

function aliasRef(ref: string, ctx: ScrubContext): string {
  return ctx.aliases.lookupResource(ref) ?? ctx.aliases.alias('R', ref);
}

export function minimizeFinding(f: Finding, ctx: ScrubContext): PayloadFinding {
  const inputs = f.inputs.map((i): PayloadInput => {
    const unit = i.unit ? ` ${i.unit}` : '';
    const out: PayloadInput = { name: scrubText(i.name, ctx), value: scrubText(`${String(i.value)}${unit}`, ctx) };
    const days = i.date ? daysBetween(i.date, ctx.now) : undefined;
    if (days !== undefined) out.daysAgo = days;
    if (i.source) out.source = aliasRef(i.source, ctx);
    return out;
  });
  return {
    id: ctx.aliases.alias('F', f.id),
    ruleId: f.ruleId,
    severity: f.severity,
    summary: scrubText(f.summary, ctx),
    action: scrubText(f.action, ctx),
    detail: scrubText(f.detail.slice(0, MAX_DETAIL), ctx),
    evidence: f.evidence.map((e) => aliasRef(e.reference, ctx)),
    inputs,
    citations: f.citations.map((c) => ctx.aliases.citation(c)),
  };
}

export function minimizeScore(s: Score, ctx: ScrubContext): PayloadScore {
  return {
    id: ctx.aliases.alias('S', scoreKey(s)),
    scoreId: s.id,
    name: s.name,
    value: s.value,
    interpretation: scrubText(s.insufficient ?? s.interpretation, ctx),
    components: s.components.map((c) => ({
      name: scrubText(c.name, ctx),
      points: c.points,
      value: scrubText(c.value, ctx),
      ...(c.source ? { source: aliasRef(c.source, ctx) } : {}),
    })),
    citations: s.citations.map((c) => ctx.aliases.citation(c)),
  };
}
