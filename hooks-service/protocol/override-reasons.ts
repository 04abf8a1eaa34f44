/**
 * Override reasons offered on every card (spec §Reasons for rejecting a card: each Coding MUST carry a display).
 * Codes from HL7's Non-Adherence Reason Codes (terminology.hl7.org/CodeSystem/non-adherence-reason-codes, CDS
 * Hooks IG, AHRQ CDSiC override taxonomy 2025), checked against the CodeSystem in HL7/cds-hooks. A short list of
 * the reasons that fit a drug-safety alert: analytics count them per rule to find noisy rules.
 */
import type { Static } from '@sinclair/typebox';
import type { CodingWithDisplay } from '@cds-hooks/schemas/common';

export const NON_ADHERENCE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes';

export const OVERRIDE_REASONS: readonly Static<typeof CodingWithDisplay>[] = [
  { system: NON_ADHERENCE_SYSTEM, code: 'risk-benefit-ratio', display: 'Recipient assessment of risk/benefit ratio' },
  {
    system: NON_ADHERENCE_SYSTEM,
    code: 'mitigate-risk-negative-outcome',
    display: 'Action taken to mitigate risk of negative outcome',
  },
  {
    system: NON_ADHERENCE_SYSTEM,
    code: 'action-performed-no-adverse-effect',
    display: 'Intended action was performed previously without adverse effect',
  },
  { system: NON_ADHERENCE_SYSTEM, code: 'cds-not-applicable', display: 'PC CDS does not apply to patient' },
];
