/**
 * The engine: normalize → every registered rule → scores → findings sorted and de-duplicated. Pure, synchronous and
 * deterministic (same input → same output); never throws: a failing rule becomes a skipped entry, not a crash.
 */
import type { Rule } from './rule';
import type { EngineInput, EngineResult, Finding, Score, Skipped, UnidentifiedMedication } from './types';
import type { Facts } from './facts';
import { isUnidentified } from './knowledge/drugs/identify';
import { normalize } from './normalize';
import { rules as registeredRules } from './registry';
import { computeScores } from './scores';
import { mostUrgentFirst } from '../cds-hooks/severity';

export interface EngineOptions {
  /** Rules to run (default: the registry). */
  rules?: readonly Rule[];
  /** Rule families switched off by an administrator. */
  disabled?: ReadonlySet<string>;
  /** Score calculators (default: computeScores — eGFR, CHA2DS2-VASc, NEWS2). */
  scores?: (facts: Facts) => Score[];
}

/** Critical first, then by rule family, knowledge entry and id: a total, stable order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    mostUrgentFirst(a.severity, b.severity) ||
    a.family.localeCompare(b.family) ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.id.localeCompare(b.id)
  );
}

/** Keeps the first (most severe, after sorting) finding of each id. */
function dedupe(sorted: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return sorted.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
}

function errorName(e: unknown): string {
  // Only the error class: messages could echo clinical data into logs (docs/architecture.md, "Contracts": no PHI in logs).
  return e instanceof Error ? e.name : 'non-Error thrown';
}

function runRules(facts: Facts, list: readonly Rule[], skipped: Skipped[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of list) {
    try {
      const outcome = rule.evaluate(facts);
      findings.push(...outcome.findings);
      for (const reason of outcome.insufficient ?? []) skipped.push({ subject: rule.family, reason });
    } catch (e) {
      skipped.push({ subject: rule.family, reason: `rule failed (${errorName(e)}); its findings are missing` });
    }
  }
  return findings;
}

function runScores(facts: Facts, calc: (facts: Facts) => Score[], skipped: Skipped[]): Score[] {
  try {
    return calc(facts);
  } catch (e) {
    skipped.push({ subject: 'scores', reason: `score calculation failed (${errorName(e)})` });
    return [];
  }
}

/** Medications no rule could reason on, drafts first (they are what is being signed). */
function unidentifiedOf(facts: Facts): UnidentifiedMedication[] {
  return [...facts.drafts, ...facts.medications].filter(isUnidentified).map((m) => ({
    ref: m.ref,
    display: m.display,
    codes: m.codes.map(({ system, code }) => ({ system, code })),
    isDraft: m.isDraft,
  }));
}

export function runEngine(input: EngineInput, options: EngineOptions = {}): EngineResult {
  let facts: Facts;
  try {
    facts = normalize(input);
  } catch (e) {
    return {
      findings: [],
      scores: [],
      skipped: [{ subject: 'input', reason: `input could not be normalized (${errorName(e)})` }],
      unidentified: [],
    };
  }
  const skipped: Skipped[] = [...facts.skipped];
  const active = (options.rules ?? registeredRules).filter((r) => !options.disabled?.has(r.family));
  const findings = dedupe(runRules(facts, active, skipped).sort(compareFindings));
  const scores = runScores(facts, options.scores ?? computeScores, skipped);
  return { findings, scores, skipped, unidentified: unidentifiedOf(facts) };
}
