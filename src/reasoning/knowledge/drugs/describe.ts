/** Helpers rules share to show medications as finding inputs, evidence and suggestions (display only, never identity). */
import type { MedicationFact } from '../../facts';
import type { EvidenceRef, FindingInput, Severity, SuggestionAction } from '../../types';
import { ingredientName } from './index';
import { moreUrgent } from '../../../cds-hooks/severity';

/** The higher of two severities. */
export const maxSeverity: (a: Severity, b: Severity) => Severity = moreUrgent;

/** Stable key of what a medication is: its sorted ingredient CUIs, or its first code when no ingredient is known. */
export function medKey(m: MedicationFact): string {
  return m.ingredients.length > 0 ? m.ingredients.join('+') : (m.codes[0]?.code ?? m.ref);
}

/** Short drug name from ingredients ("naproxen"), falling back to the product display. */
export function medName(m: MedicationFact): string {
  return m.ingredients.length > 0 ? m.ingredients.map(ingredientName).join('/') : m.display;
}

/** The distinct short names of `meds`, in order, joined by `separator` ("warfarin + aspirin"). */
export function medNames(meds: readonly MedicationFact[], separator: string): string {
  return [...new Set(meds.map(medName))].join(separator);
}

/** The text with its first letter in capitals, for a summary that starts with a drug name. */
export function sentenceStart(text: string): string {
  return text.replace(/^./, (c) => c.toUpperCase());
}

/** "draft order" / "active since 2014-05-02 (order over a year old)" — for detail text. */
export function medStatusText(m: MedicationFact): string {
  if (m.isDraft) return 'draft order (being signed now)';
  const on = m.date ? ` ${m.date.slice(0, 10)}` : '';
  const unknown = m.uncertain ? ' — status unknown in the record: confirm whether it is taken' : '';
  if (m.record === 'administration') return `given${on} (medication administration record, ${m.status})${unknown}`;
  if (m.record === 'dispense') return `dispensed${on} (pharmacy, ${m.status})${unknown}`;
  const since = m.date ? ` since ${m.date.slice(0, 10)}` : '';
  return `${m.status}${since}${m.isStale ? ' — order over a year old, may no longer be taken' : ''}${unknown}`;
}

export function medInput(m: MedicationFact): FindingInput {
  const name = m.isDraft
    ? 'draft order'
    : m.record === 'administration'
      ? 'administered medication'
      : m.record === 'dispense'
        ? 'dispensed medication'
        : 'active medication';
  // A drug known only from its name says so: the reader can check what Cairn read.
  const value = m.identifiedFrom ? `${m.display} (identified from ${m.identifiedFrom})` : m.display;
  const input: FindingInput = { name: m.uncertain ? `${name} (status unknown)` : name, value, source: m.ref };
  if (m.date) input.date = m.date;
  return input;
}

export function medEvidence(m: MedicationFact): EvidenceRef {
  return { reference: m.ref, display: m.display };
}

/** CDS Hooks delete action for draft orders (resourceId lists relative references, spec §Action). */
export function deleteDrafts(drafts: readonly MedicationFact[], description: string): SuggestionAction {
  return { type: 'delete', description, resourceId: drafts.map((d) => d.ref) };
}

/** A draft MedicationRequest for an alternative product: code only, dose left to the prescriber. */
export function draftRequest(patientRef: string | undefined, code: string, display: string): fhir4.MedicationRequest {
  const req: fhir4.MedicationRequest = {
    resourceType: 'MedicationRequest',
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: {
      coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code, display }],
      text: display,
    },
    subject: { reference: patientRef ?? 'Patient/unknown' },
  };
  return req;
}

/** Clips a summary to the CDS Hooks limit (< 140 characters), the same way the service clips card summaries. */
export { clipSummary } from '../../../cds-hooks/summary';

/** Unique by ref, draft orders first, then by ref (deterministic order). */
export function uniqueMeds(meds: readonly MedicationFact[]): MedicationFact[] {
  const seen = new Map<string, MedicationFact>();
  for (const m of meds) if (!seen.has(m.ref)) seen.set(m.ref, m);
  return [...seen.values()].sort((a, b) => Number(b.isDraft) - Number(a.isDraft) || a.ref.localeCompare(b.ref));
}
