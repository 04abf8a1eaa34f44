/** What a rule is. Rules are small functions over normalized facts and their knowledge table (CONTRIBUTING.md, "Adding a rule"). */
import type { Facts } from './facts';
import type { Citations, Finding } from './types';

export type RuleTopic =
  | 'drug-interaction'
  | 'drug-allergy'
  | 'renal-dosing'
  | 'duplicate-therapy'
  | 'anticoagulation-gap'
  | 'acute-kidney-injury'
  | 'hyperkalemia'
  | 'anticoagulation-monitoring'
  | 'drug-disease'
  | 'deterioration'
  | 'dose-limit'
  | 'opioid-safety'
  | 'kidney-function';

/** What one rule concluded: findings, and, when it could not decide, why (never a silent "all clear"). */
export interface RuleOutcome {
  findings: Finding[];
  /** Reasons the rule could not be fully evaluated (e.g. "no creatinine in the last 12 months"). */
  insufficient?: string[];
}

/** The outcome of `findings`, carrying `insufficient` only when there is a reason to report. */
export function ruleOutcome(findings: Finding[], insufficient: readonly string[]): RuleOutcome {
  return insufficient.length > 0 ? { findings, insufficient: [...insufficient] } : { findings };
}

export interface Rule {
  /** Stable kebab-case family name, e.g. "drug-interactions": card source, admin on/off switches, `Finding.family`.
   *  A family holds many knowledge entries; each finding names its entry in `Finding.ruleId`. */
  family: string;
  /** Short human title, e.g. "Drug–drug interactions (ONC high-priority)"; card source labels derive from it. */
  title: string;
  topic: RuleTopic;
  /** One sentence for administrators and discovery. */
  description: string;
  citations: Citations;
  evaluate(facts: Facts): RuleOutcome;
}
