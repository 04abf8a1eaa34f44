/**
 * Normalized facts: what rules read. Built once per engine run from FHIR R4 by `normalize`.
 * Rules never look at raw FHIR; they read these, so odd data is handled in one place.
 */
import type { Skipped } from './types';

export interface Code {
  system: string;
  code: string;
  display?: string;
}

export type Sex = 'male' | 'female' | 'other' | 'unknown';

export interface PatientFacts {
  ref: string;
  /** Whole years at `now` (or at death). Absent when birthDate is missing or unparseable. */
  ageYears?: number;
  birthDate?: string;
  sex: Sex;
  deceased: boolean;
}

export interface ConditionFact {
  ref: string;
  codes: Code[];
  display: string;
  onset?: string;
  recorded?: string;
}

export interface MedicationFact {
  ref: string;
  codes: Code[];
  display: string;
  /** RxNorm ingredient CUIs (IN), from knowledge/drugs/identify.ts. Empty when the drug could not be identified. */
  ingredients: string[];
  /** Set when the drug was identified from a name, brand or free text rather than a code we know: what was read. */
  identifiedFrom?: string;
  /** Class ids from knowledge/drugs (e.g. "nsaid", "vka"). */
  classes: string[];
  /** e.g. "oral", "topical", "intravenous" when known from the product or dosage. */
  route?: string;
  status: string;
  /** When it was ordered/asserted (authoredOn, effective, dateAsserted). */
  date?: string;
  /** True for draft orders from order-select/order-sign. */
  isDraft: boolean;
  /** True when an active order is older than the staleness window (see normalize for the policy). */
  isStale: boolean;
  /** Set when the drug is known from a MAR entry or a pharmacy dispense rather than an order or statement. */
  record?: 'administration' | 'dispense';
  /** True when the source says its status is unknown: reasoned on (safer than dropping it) and labelled. */
  uncertain?: boolean;
  /** The order's dosage instruction as read by normalize/dosage.ts; absent when the resource has none. */
  dose?: DoseFact;
  /** Strength per unit (tablet, patch) by ingredient CUI, from the RxNorm name; mg, or mg per hour for patches. */
  strengths?: Readonly<Record<string, { mg: number; perHour: boolean }>>;
}

/** One dosage instruction, read without guessing: unset fields were not readable (`unreadable` says why). */
export interface DoseFact {
  /** Amount per administration in mg (doseQuantity in a mass unit; the high end of a doseRange). */
  doseMg?: number;
  /** Amount per administration as a count of units (tablets, capsules, patches) to multiply by strength. */
  doseUnits?: number;
  /** Administrations per day (timing.repeat or timing.code; frequencyMax when given). */
  perDay?: number;
  /** Days between administrations (7 for once weekly). */
  intervalDays?: number;
  asNeeded: boolean;
  /** maxDosePerPeriod as mg per day. */
  maxDailyMg?: number;
  text?: string;
  unreadable?: string;
}

export type AllergyVerification = 'confirmed' | 'unconfirmed' | 'presumed' | 'refuted' | 'entered-in-error' | 'unknown';

export interface AllergyFact {
  ref: string;
  codes: Code[];
  display: string;
  criticality?: 'low' | 'high' | 'unable-to-assess';
  verification: AllergyVerification;
  category: string[];
  /** RxNorm ingredient CUIs and drug class ids the allergy names, when it names a drug. */
  ingredients: string[];
  classes: string[];
  /** Reaction manifestations (display text), e.g. "Anaphylaxis". */
  reactions: string[];
  /** True when a reaction is recorded as severe or as anaphylaxis (SNOMED 39579001). */
  severeReaction?: boolean;
  date?: string;
}

export interface ObservationFact {
  ref: string;
  /** Analyte key from knowledge/labs (e.g. "creatinine"), grouping the LOINC codes that measure it. */
  analyte: string;
  /** LOINC code (matched on system + code, never on display). */
  loinc: string;
  display: string;
  /** Value in the canonical unit for this LOINC (see knowledge/labs), after UCUM conversion. */
  value: number;
  unit: string;
  /** Set when the lab reported a bound, e.g. eGFR ">60": `value` is then the bound, not a measurement. */
  comparator?: '<' | '<=' | '>=' | '>';
  /** What the source said, kept for the inputs shown to clinicians. */
  originalValue: number;
  originalUnit: string;
  date: string;
}

export interface Facts {
  now: string;
  patient?: PatientFacts;
  conditions: ConditionFact[];
  /** Current, non-draft medications (chart): orders, statements, recent MAR administrations and dispenses. */
  medications: MedicationFact[];
  /** Draft orders from the hook context. */
  drafts: MedicationFact[];
  allergies: AllergyFact[];
  /** Observations by analyte key (knowledge/labs: "creatinine", "potassium", "egfr", "systolic-bp"…), oldest first. */
  observations: ReadonlyMap<string, ObservationFact[]>;
  /** Everything normalize could not use, with the reason. */
  skipped: Skipped[];
}
