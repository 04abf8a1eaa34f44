/**
 * The engine's public contract (docs/architecture.md, "The shape"): FHIR R4 resources in, findings and scores out.
 * Pure data: every consumer (hooks-service cards, the app, the model adapter) reads these shapes.
 */

/** A finding's severity is its card's indicator: one scale, one order. */
import type { Indicator } from '../cds-hooks/severity';
export type Severity = Indicator;

/** A source behind a piece of knowledge: guideline, drug label or paper, always with its year. */
export interface Citation {
  title: string;
  url?: string;
  year: number;
}

/** At least one citation: an uncited knowledge entry does not compile (CONTRIBUTING.md, "Adding a rule"). */
export type Citations = [Citation, ...Citation[]];

/** A FHIR relative reference to a resource the finding used, e.g. "Observation/123". */
export interface EvidenceRef {
  reference: string;
  display?: string;
}

/** One value the rule used, with where and when it came from, so a clinician can check the basis. */
export interface FindingInput {
  name: string;
  value: string | number | boolean;
  unit?: string;
  /** ISO date or dateTime the value was observed/recorded; absent only when the source has none. */
  date?: string;
  /** Relative reference of the resource the value came from. */
  source?: string;
}

/** A FHIR action, shaped as a CDS Hooks 2.0 suggestion action (the service adds uuids). */
export type SuggestionAction =
  | { type: 'create'; description: string; resource: fhir4.Resource }
  | { type: 'update'; description: string; resource: fhir4.Resource }
  | { type: 'delete'; description: string; resourceId: string[] };

export interface Suggestion {
  label: string;
  isRecommended?: boolean;
  actions: SuggestionAction[];
}

export interface Finding {
  /** Stable id for this finding on this record: `${ruleId}:${evidence key}`; used by appContext and the app. */
  id: string;
  /** Stable kebab-case id of the knowledge entry that fired, e.g. "ddi-warfarin-nsaid" (analytics, feedback). */
  ruleId: string;
  /** Id of the registered Rule that produced it, e.g. "drug-interactions" (card source, admin on/off). */
  family: string;
  severity: Severity;
  /** Under 140 characters (CDS Hooks card summary); alone it carries the point: drug, problem, the deciding fact. */
  summary: string;
  /**
   * What to do, one plain-text line (no markdown, no line break): the knowledge entry's management text, or the
   * rule's own condensed from its source. The card's detail starts with it and the app shows it under the summary:
   * a narrow EHR sidebar (Oracle Health's patient-view) may show little more (docs/administrators.md).
   */
  action: string;
  /** GitHub-flavoured markdown: rationale and what in the record; the action is `action`, never repeated here. */
  detail: string;
  evidence: EvidenceRef[];
  inputs: FindingInput[];
  citations: Citations;
  suggestions: Suggestion[];
  /** Draft orders (relative references) this finding is about; empty when it is about the chart alone. */
  draftRefs: string[];
  /** Known blind spots of the rule or its source, shown with the finding. */
  limitations?: string[];
}

export interface ScoreComponent {
  name: string;
  points: number;
  /** The value that earned (or did not earn) the points, e.g. "age 78" or "no heart failure recorded". */
  value: string;
  source?: string;
  date?: string;
}

export type ScoreId = 'cha2ds2-vasc' | 'egfr-ckd-epi-2021' | 'news2';

export interface Score {
  id: ScoreId;
  name: string;
  /** null when inputs are insufficient; `insufficient` then says why. */
  value: number | null;
  unit?: string;
  interpretation: string;
  components: ScoreComponent[];
  date?: string;
  citations: Citations;
  insufficient?: string;
}

/** A resource or rule the engine could not use, with the reason (never thrown). */
export interface Skipped {
  /** Relative reference, or a rule id for "insufficient data". */
  subject: string;
  reason: string;
}

export interface EngineInput {
  /** The chart: Patient, Condition, MedicationRequest, MedicationStatement, AllergyIntolerance, Observation… */
  resources: readonly fhir4.Resource[];
  /** Draft orders from order-select / order-sign (context.draftOrders entries). */
  draftOrders?: readonly fhir4.Resource[];
  /** The clock: ISO dateTime. The engine never reads the system clock (docs/architecture.md, "Layers"). */
  now: string;
}

/** A medication (chart or draft) whose drug could not be identified: no rule could reason on it. */
export interface UnidentifiedMedication {
  /** Relative reference of the record. */
  ref: string;
  /** The name as the record wrote it (text or coding display), or its code when it has no name. */
  display: string;
  codes: { system: string; code: string }[];
  isDraft: boolean;
}

export interface EngineResult {
  findings: Finding[];
  scores: Score[];
  /** Data skipped during normalization and rules that had insufficient data, each with a reason. */
  skipped: Skipped[];
  /** Medications Cairn could not identify, drafts first: they were not checked (a draft also gets an info card). */
  unidentified: UnidentifiedMedication[];
}
