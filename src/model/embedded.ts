/**
 * The embedded model (default, no network): the engine's findings and scores composed into reasoning text.
 * Deterministic: same result in, same reasoning out; it restates cited findings and adds nothing clinical.
 */
import type { EngineResult, Finding, Score } from '@reasoning/types';
import { INDICATORS, mostUrgentFirst } from '@cds-hooks/severity';
import { applyEscalation } from './escalation';
import { labelEmbedded, labelFallback } from './label';
import { scoreEvidence } from './score-evidence';
import type { Consideration, ModelInfo, Narrative, NarrativeModel, NarrativeRequest } from './types';

export const EMBEDDED_MODEL: ModelInfo = { name: 'cairn-embedded', version: '1', kind: 'embedded' };

/** Builds the embedded reasoning; `fallbackReason` marks it as standing in for a hosted model. */
export function composeEmbeddedNarrative(result: EngineResult, fallbackReason?: string): Narrative {
  const findings = [...result.findings].sort(bySeverityThenId);
  const scored = result.scores.filter((s) => s.value !== null);
  const considerations: Consideration[] = [
    ...findings.map(findingConsideration),
    ...scored.map(scoreConsideration),
  ].map((c, i) => ({ ...c, rank: i + 1 }));
  const reasoning: Narrative = {
    assessment: assess(findings, scored),
    considerations,
    label: fallbackReason === undefined ? labelEmbedded() : labelFallback(fallbackReason),
    source: fallbackReason === undefined ? 'embedded' : 'fallback',
    model: EMBEDDED_MODEL,
    latencyMs: 0,
    findingIds: result.findings.map((f) => f.id),
    dropped: [],
  };
  if (fallbackReason !== undefined) reasoning.fallbackReason = fallbackReason;
  return applyEscalation(reasoning, result);
}

/** The embedded adapter behind the one `ReasoningModel` interface. */
export const embeddedModel: NarrativeModel = {
  info: EMBEDDED_MODEL,
  reason: (request: NarrativeRequest) => Promise.resolve(composeEmbeddedNarrative(request.result)),
};

function bySeverityThenId(a: Finding, b: Finding): number {
  return mostUrgentFirst(a.severity, b.severity) || a.id.localeCompare(b.id);
}

function findingConsideration(f: Finding): Consideration {
  return {
    rank: 0,
    kind: f.draftRefs.length > 0 || f.suggestions.length > 0 ? 'next-step' : 'risk',
    text: f.summary,
    evidence: [f.id, ...f.evidence.map((e) => e.reference)],
    citations: f.citations,
    origin: 'engine',
  };
}

function scoreConsideration(s: Score): Consideration {
  const unit = s.unit ? ` ${s.unit}` : '';
  return {
    rank: 0,
    kind: 'monitoring',
    text: `${s.name} ${String(s.value)}${unit}: ${s.interpretation}`,
    evidence: scoreEvidence(s),
    citations: s.citations,
    origin: 'engine',
  };
}

function assess(findings: Finding[], scores: Score[]): string {
  if (findings.length === 0 && scores.length === 0) {
    return 'No rule fired and no score could be computed on the data available; this is not an all-clear.';
  }
  const counts = [...INDICATORS]
    .reverse()
    .map((sev) => [sev, findings.filter((f) => f.severity === sev).length] as const)
    .filter(([, n]) => n > 0)
    .map(([sev, n]) => `${n} ${sev}`);
  const parts = [
    findings.length > 0
      ? `${findings.length} finding${findings.length === 1 ? '' : 's'} (${counts.join(', ')})`
      : 'no findings',
    ...scores.map((s) => `${s.name} ${String(s.value)}${s.unit ? ` ${s.unit}` : ''}`),
  ];
  return `Cairn's rules report ${parts.join('; ')}. Each item below restates a cited finding or score.`;
}
