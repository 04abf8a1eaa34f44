/**
 * Turning a hosted model's validated answer into a labeled `Reasoning`, or into the labeled embedded fallback.
 * Escalation is applied last in both cases, so red flags never depend on the model.
 */
import { composeEmbeddedNarrative } from './embedded';
import { applyEscalation } from './escalation';
import { labelHosted } from './label';
import { expandScoreEvidence } from './score-evidence';
import type { Minimized } from './minimize';
import { validateModelOutput } from './output/validate';
import type { ModelInfo, Narrative, NarrativeRequest } from './types';

/** Validates `raw` (parsed JSON, or undefined when the body was not JSON) and composes the reasoning. */
export function narrativeFromModelAnswer(
  raw: unknown,
  minimized: Minimized,
  request: NarrativeRequest,
  model: ModelInfo,
  latencyMs: number,
): Narrative {
  const v = validateModelOutput(raw, minimized.payload, minimized.aliases);
  if (!v.ok) return { ...fallbackNarrative(request, v.reason, latencyMs), dropped: v.dropped };
  const reasoning: Narrative = {
    assessment: v.assessment.text,
    considerations: v.considerations.map((c, i) => ({
      ...c,
      rank: i + 1,
      evidence: expandScoreEvidence(c.evidence, request.result.scores),
    })),
    label: labelHosted(model),
    source: 'hosted',
    model,
    latencyMs,
    findingIds: request.result.findings.map((f) => f.id),
    dropped: v.dropped,
  };
  return applyEscalation(reasoning, request.result);
}

/** The embedded reasoning, labeled as a fallback with the reason (timeout, invalid answer, circuit open…). */
export function fallbackNarrative(request: NarrativeRequest, reason: string, latencyMs: number): Narrative {
  return { ...composeEmbeddedNarrative(request.result, reason), latencyMs };
}
