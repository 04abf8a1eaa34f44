/**
 * What a hosted model is allowed to see: a minimized, de-identified projection of the chart and the engine's
 * result. Every id is an opaque per-request alias (R… resources, F… findings, S… scores, C… citations).
 * Dates appear only as whole days before "now"; ages, not birth dates (issue 5, PHI minimization).
 */

export interface PayloadPatient {
  /** "79 years", or "90 years or older" (HIPAA Safe Harbor aggregates ages over 89, 45 CFR 164.514(b)(2)(i)(C)). */
  age?: string;
  sex?: string;
  deceased?: boolean;
}

export interface PayloadCoded {
  id: string;
  display: string;
  /** "system|code" for terminology-bound items (RxNorm, SNOMED CT, LOINC). */
  codes: string[];
  daysAgo?: number;
}

export interface PayloadMedication extends PayloadCoded {
  status: string;
  draft: boolean;
  /** Structured dose only (doseAndRate.doseQuantity), never the free-text sig. */
  dose?: string;
}

export interface PayloadAllergy extends PayloadCoded {
  criticality?: string;
  reactions: string[];
}

export interface PayloadObservation extends PayloadCoded {
  value: string;
}

export interface PayloadInput {
  name: string;
  value: string;
  daysAgo?: number;
  source?: string;
}

export interface PayloadFinding {
  id: string;
  ruleId: string;
  severity: string;
  summary: string;
  /** What to do, one line (Finding.action). */
  action: string;
  detail: string;
  evidence: string[];
  inputs: PayloadInput[];
  citations: string[];
}

export interface PayloadScore {
  id: string;
  scoreId: string;
  name: string;
  value: number | null;
  interpretation: string;
  components: { name: string; points: number; value: string; source?: string }[];
  citations: string[];
}

export interface PayloadCitation {
  id: string;
  title: string;
  year: number;
}

export interface ModelPayload {
  patient: PayloadPatient;
  conditions: PayloadCoded[];
  medications: PayloadMedication[];
  allergies: PayloadAllergy[];
  observations: PayloadObservation[];
  findings: PayloadFinding[];
  scores: PayloadScore[];
  citations: PayloadCitation[];
}
