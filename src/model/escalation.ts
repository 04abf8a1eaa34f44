/**
 * Deterministic escalation, applied after any model (issue 5): red flags in the input always produce an
 * "escalate to a clinician now" instruction, whatever the model wrote.
 *
 * NEWS2 thresholds: aggregate ≥ 7 = high clinical risk, urgent/emergency response; a single parameter scoring 3
 * ("red score") = urgent ward-based response (Royal College of Physicians, National Early Warning Score (NEWS) 2,
 * 2017, chart 4 "Clinical response").
 */
import type { EngineResult, Score } from '@reasoning/types';
import { scoreEvidence, scoreKey } from './score-evidence';
import type { Consideration, Escalation, EscalationTrigger, Narrative } from './types';

const NEWS2_HIGH = 7;
const NEWS2_RED_PARAMETER = 3;

/** Red flags in the engine's result, each with the evidence that raised it; empty when none. */
export function detectEscalation(result: EngineResult): Escalation | undefined {
  const reasons: string[] = [];
  const evidence: string[] = [];
  const triggers = new Set<EscalationTrigger>();
  for (const f of result.findings) {
    if (f.severity !== 'critical') continue;
    reasons.push(`critical finding: ${f.summary}`);
    evidence.push(f.id);
    triggers.add('critical-finding');
  }
  for (const s of result.scores) {
    const flags = news2Flags(s);
    reasons.push(...flags.reasons);
    evidence.push(...flags.evidence);
    for (const t of flags.triggers) triggers.add(t);
  }
  if (reasons.length === 0) return undefined;
  return {
    text: 'Escalate to a clinician now: red flag in this record.',
    reasons,
    evidence: [...new Set(evidence)],
    triggers: [...triggers],
  };
}

function news2Flags(s: Score): { reasons: string[]; evidence: string[]; triggers: EscalationTrigger[] } {
  const out = { reasons: [] as string[], evidence: [] as string[], triggers: [] as EscalationTrigger[] };
  if (s.id !== 'news2' || s.value === null) return out;
  if (s.value >= NEWS2_HIGH) {
    out.reasons.push(`${s.name} ${s.value} (≥ ${NEWS2_HIGH}: high clinical risk)`);
    out.evidence.push(...scoreEvidence(s));
    out.triggers.push('news2-high');
  }
  for (const c of s.components) {
    if (c.points < NEWS2_RED_PARAMETER) continue;
    out.reasons.push(`${s.name} parameter ${c.name} scored ${c.points} (${c.value})`);
    out.evidence.push(c.source ?? scoreKey(s));
    if (!out.triggers.includes('news2-red-parameter')) out.triggers.push('news2-red-parameter');
  }
  return out;
}

/** Puts the escalation first, as an engine-authored consideration, overriding whatever the model ranked first. */
export function applyEscalation(reasoning: Narrative, result: EngineResult): Narrative {
  const escalation = detectEscalation(result);
  if (!escalation) return reasoning;
  const first: Consideration = {
    rank: 1,
    kind: 'next-step',
    text: `${escalation.text} ${escalation.reasons.join('; ')}.`,
    evidence: escalation.evidence,
    citations: citationsFor(result, escalation.evidence),
    origin: 'engine',
  };
  const rest = reasoning.considerations.map((c, i) => ({ ...c, rank: i + 2 }));
  return { ...reasoning, escalation, considerations: [first, ...rest] };
}

function citationsFor(result: EngineResult, ids: string[]): Consideration['citations'] {
  const out = [
    ...result.findings.filter((f) => ids.includes(f.id)).flatMap((f) => f.citations),
    ...result.scores.filter((s) => news2Flags(s).reasons.length > 0).flatMap((s) => s.citations),
  ];
  return dedupeCitations(out);
}

/** Citations deduplicated by title and year, order kept. */
export function dedupeCitations(list: readonly Consideration['citations'][number][]): Consideration['citations'] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = `${c.title}|${c.year}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
