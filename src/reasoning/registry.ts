/**
 * The one list of rules (CONTRIBUTING.md, "Adding a rule"). Discovery, card `source` labels, analytics labels and admin on/off switches
 * are derived from it. Order here does not affect output: the engine sorts findings.
 */
import type { Rule } from './rule';
import { drugInteractionsRule } from './rules/drug-interactions';
import { drugAllergyRule } from './rules/drug-allergy';
import { duplicateTherapyRule } from './rules/duplicate-therapy';
import { renalDosingRule } from './rules/renal-dosing';
import { anticoagulationGapRule } from './rules/anticoagulation-gap';
import { acuteKidneyInjuryRule } from './rules/acute-kidney-injury';
import { hyperkalemiaRule } from './rules/hyperkalemia';
import { warfarinMonitoringRule } from './rules/warfarin-monitoring';
import { drugDiseaseRule } from './rules/drug-disease';
import { earlyWarningRule } from './rules/early-warning';
import { doseLimitsRule } from './rules/dose-limits';
import { opioidMmeRule } from './rules/opioid-mme';
import { anticoagulantStewardshipRule } from './rules/anticoagulant-stewardship';
import { kidneyDeclineRule } from './rules/kidney-decline';

export const rules: readonly Rule[] = [
  drugInteractionsRule,
  drugAllergyRule,
  duplicateTherapyRule,
  renalDosingRule,
  anticoagulationGapRule,
  acuteKidneyInjuryRule,
  hyperkalemiaRule,
  warfarinMonitoringRule,
  drugDiseaseRule,
  earlyWarningRule,
  doseLimitsRule,
  opioidMmeRule,
  anticoagulantStewardshipRule,
  kidneyDeclineRule,
];

/** A registered rule by family name (`Finding.family`), e.g. for a card's source label. */
export function ruleByFamily(family: string): Rule | undefined {
  return rules.find((r) => r.family === family);
}
