/**
 * Colchicine with a strong CYP3A4 / P-gp inhibitor: the Colcrys label (section 4) contraindicates the pair in renal
 * or hepatic impairment — fatal toxicity is reported — and otherwise reduces the colchicine dose (section 2.4).
 * Renal impairment here is the label's own definition (section 8.6: mild impairment starts below CrCl 80 mL/min by
 * Cockcroft–Gault); when only eGFR is available, below 60 mL/min/1.73 m² (KDIGO CKD G3 or worse); or end-stage
 * kidney disease / CKD stage 5 coded. Unknown kidney function is said, and the pair stays a warning.
 */
import type { Facts } from '../facts';
import type { EvidenceRef, FindingInput, Severity } from '../types';
import { CKD_STAGE_5, findCondition, KIDNEY_REPLACEMENT } from '../knowledge/conditions';
import { assessKidneyFunction, readingFor } from '../scores/kidney-function';

/** Colcrys 8.6: CrCl below this is renal impairment (mild 50–80, moderate 30–50, severe < 30). */
export const COLCHICINE_IMPAIRED_BELOW = { crcl: 80, egfr: 60 } as const;

export interface ColchicineRenal {
  severity: Severity;
  lines: string[];
  inputs: FindingInput[];
  evidence: EvidenceRef[];
}

export function assessColchicineRenal(facts: Facts, base: Severity, anyStale: boolean): ColchicineRenal {
  const coded = findCondition(facts.conditions, KIDNEY_REPLACEMENT) ?? findCondition(facts.conditions, CKD_STAGE_5);
  const reading = readingFor(assessKidneyFunction(facts), 'crcl');
  const known = 'missing' in reading ? undefined : reading;
  const impairedByValue = known !== undefined && known.value < COLCHICINE_IMPAIRED_BELOW[known.measure];
  const evidence: EvidenceRef[] = [
    ...(coded ? [{ reference: coded.ref, display: coded.display }] : []),
    ...(known?.evidence ?? []),
  ];
  const inputs = known?.inputs ?? [];
  if (coded || impairedByValue) {
    const why = coded
      ? coded.display
      : `${known?.short} (below ${known ? COLCHICINE_IMPAIRED_BELOW[known.measure] : ''}: renal impairment by the label)`;
    // A chart pair with an order over a year old may no longer be taken together: warning, as for other stale pairs.
    return {
      severity: anyStale ? base : 'critical',
      lines: [
        `Renal impairment: ${why} — the label contraindicates this combination.`,
        ...(known ? [`Kidney function used: ${known.basis}.`] : []),
      ],
      inputs,
      evidence,
    };
  }
  const line = known
    ? `${known.short}: no renal impairment by the label; hepatic function is not read (impairment also contraindicates the pair).`
    : `Kidney function unknown (${'missing' in reading ? reading.missing : ''}): with renal or hepatic impairment this combination is contraindicated.`;
  return { severity: base, lines: [line], inputs, evidence };
}
