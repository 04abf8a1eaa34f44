/**
 * NEWS2 as a finding (RCP 2017, chart 4 "Clinical response"): aggregate ≥ 7 → emergency response (critical);
 * aggregate 5–6 or a single parameter scoring 3 → urgent response (warning). Uses the score's own 24 h window
 * (scores/news2.ts). A score with missing parameters is a lower bound: the finding says "at least" and names what
 * was not recorded, and never reads as complete.
 */
import type { Facts } from '../facts';
import type { Rule, RuleOutcome } from '../rule';
import type { Finding, FindingInput, Score, ScoreComponent, Severity } from '../types';
import { NEWS2_CITATIONS, NEWS2_PARAMETERS, NEWS2_THRESHOLDS } from '../knowledge/news2';
import { NEWS2_WINDOW_HOURS } from '../knowledge/lab-windows';
import { clipSummary } from '../knowledge/drugs/describe';
import { computeNews2 } from '../scores/news2';

const LIMITATIONS = [
  'Supplemental oxygen and consciousness (ACVPU) are rarely coded; when missing they are not scored and the true NEWS2 may be higher.',
  'SpO2 scale 1 is used; patients with a prescribed hypercapnic target (scale 2, e.g. some COPD) may score lower on SpO2.',
  'NEWS2 is validated for adults in acute care; it is not for children or pregnancy, and chronic baselines are not known here.',
];

function level(s: Score): { id: string; severity: Severity; response: string } | undefined {
  const value = s.value ?? 0;
  const red = s.components.some((c) => c.points >= NEWS2_THRESHOLDS.redParameter);
  if (value >= NEWS2_THRESHOLDS.emergency)
    return {
      id: 'news2-emergency',
      severity: 'critical',
      response:
        'high clinical risk: emergency response — immediate assessment by a team with critical-care skills, consider transfer to a higher level of care',
    };
  if (value >= NEWS2_THRESHOLDS.urgent)
    return {
      id: 'news2-urgent',
      severity: 'warning',
      response:
        'medium clinical risk: urgent response — urgent review by a clinician competent in assessing acute illness, at least hourly observations',
    };
  if (red)
    return {
      id: 'news2-urgent',
      severity: 'warning',
      response:
        'a single parameter scores 3: urgent ward-based response — urgent review by a clinician to decide on escalation',
    };
  return undefined;
}

function missingOf(s: Score): string[] {
  const scored = new Set(s.components.map((c) => c.name));
  return NEWS2_PARAMETERS.map((p) => p.name).filter((n) => !scored.has(n));
}

function componentInput(c: ScoreComponent): FindingInput {
  return {
    name: `NEWS2 ${c.name} (${c.points} point${c.points === 1 ? '' : 's'})`,
    value: c.value,
    ...(c.date ? { date: c.date } : {}),
    ...(c.source ? { source: c.source } : {}),
  };
}

function toFinding(s: Score, lv: { id: string; severity: Severity; response: string }): Finding {
  const missing = missingOf(s);
  const partial = missing.length > 0;
  const scoreText = `${partial ? 'at least ' : ''}${s.value ?? 0}`;
  const red = s.components.filter((c) => c.points >= NEWS2_THRESHOLDS.redParameter).map((c) => `${c.name} ${c.value}`);
  const lines = [
    `**NEWS2 ${scoreText}** (${s.components.length} of ${NEWS2_PARAMETERS.length} parameters, vital signs from the last ${NEWS2_WINDOW_HOURS} h): ${lv.response}.`,
    '',
    '| Parameter | Value | Points | Recorded |',
    '|---|---|---|---|',
    ...s.components.map((c) => `| ${c.name} | ${c.value} | ${c.points} | ${c.date ?? 'date unknown'} |`),
  ];
  if (partial)
    lines.push(
      '',
      `**Not recorded in the last ${NEWS2_WINDOW_HOURS} h (not scored):** ${missing.join(', ')}. This is a partial score and a lower bound: the full NEWS2 may be higher.`,
    );
  const sources = s.components.map((c) => c.source).filter((x): x is string => x !== undefined);
  return {
    id: `${lv.id}:${[...sources].sort().join(',')}`,
    ruleId: lv.id,
    family: earlyWarningRule.family,
    severity: lv.severity,
    summary: clipSummary(
      // The response comes before the red parameters: a long list is what clipping may cut, never the point.
      `NEWS2 ${scoreText}: ${lv.severity === 'critical' ? 'emergency' : 'urgent'} response${partial ? ` (partial, ${missing.length} not recorded)` : ''}${red.length > 0 ? `; red: ${red.join(', ')}` : ''}`,
    ),
    action:
      'Assess the patient now; repeat a full set of observations (including oxygen and ACVPU) and escalate per local NEWS2 policy.',
    detail: lines.join('\n'),
    evidence: s.components.flatMap((c) => (c.source ? [{ reference: c.source, display: `${c.name} ${c.value}` }] : [])),
    inputs: s.components.map(componentInput),
    citations: NEWS2_CITATIONS,
    suggestions: [],
    draftRefs: [],
    limitations: partial ? [`Partial score: ${missing.join(', ')} not recorded.`, ...LIMITATIONS] : LIMITATIONS,
  };
}

function evaluate(facts: Facts): RuleOutcome {
  const s = computeNews2(facts);
  if (!s || s.value === null) return { findings: [] };
  const lv = level(s);
  return { findings: lv ? [toFinding(s, lv)] : [] };
}

export const earlyWarningRule: Rule = {
  family: 'early-warning',
  title: 'NEWS2 early warning (RCP 2017)',
  topic: 'deterioration',
  description:
    'Turns a NEWS2 of 7 or more (emergency), 5–6 or a single red parameter (urgent) on vital signs from the last 24 h into a finding.',
  citations: NEWS2_CITATIONS,
  evaluate,
};
