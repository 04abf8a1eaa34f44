/**
 * Individualized warfarin + NSAID risk, after the HL7 PDDI-CDS IG logic (WarfarinNSAIDsCDSLogic.cql): topical
 * diclofenac → info; otherwise risk is raised by age > 65, history of upper GI bleeding, systemic corticosteroids,
 * aldosterone antagonists or several NSAIDs, and lowered by a PPI. The IG shows these as separate cards; we fold
 * them into one severity: draft + raised risk + no PPI → critical; other systemic cases → warning.
 */
import type { Facts, MedicationFact } from '../facts';
import type { EvidenceRef, FindingInput, Severity } from '../types';
import { SNOMED } from '@fhir/codings';
import { UGIB_HISTORY_SNOMED } from '../knowledge/drug-interactions';

/** `lowRisk`: the PDDI-CDS topical-diclofenac branch — an info note, not a bleeding alarm (no remove/replace offers). */
export interface WarfarinNsaidRisk {
  severity: Severity;
  lines: string[];
  inputs: FindingInput[];
  evidence: EvidenceRef[];
  lowRisk?: boolean;
}

const has = (meds: readonly MedicationFact[], cls: string): MedicationFact[] =>
  meds.filter((m) => m.classes.includes(cls));

export function assessWarfarinNsaid(
  facts: Facts,
  nsaids: readonly MedicationFact[],
  isDraft: boolean,
): WarfarinNsaidRisk {
  const all = [...facts.drafts, ...facts.medications];
  if (nsaids.every((m) => m.route === 'topical')) {
    return {
      severity: 'info',
      lines: ['Topical NSAID only: lower systemic exposure.'],
      inputs: [],
      evidence: [],
      lowRisk: true,
    };
  }
  const age = facts.patient?.ageYears;
  const ugib = facts.conditions.filter((c) =>
    c.codes.some((x) => x.system === SNOMED && UGIB_HISTORY_SNOMED.includes(x.code)),
  );
  const steroids = has(all, 'systemic-corticosteroid');
  const aldo = has(all, 'aldosterone-antagonist');
  const ppis = has(all, 'ppi');
  const multipleNsaids = new Set(has(all, 'nsaid').map((m) => m.ingredients.join('+'))).size > 1;
  const raised =
    (age !== undefined && age > 65) || ugib.length > 0 || steroids.length > 0 || aldo.length > 0 || multipleNsaids;
  const lines = [
    age === undefined ? 'Age unknown.' : `Age ${age}${age > 65 ? ' (over 65: higher bleeding risk)' : ''}.`,
    ugib.length > 0
      ? `History of GI bleeding/ulcer: ${ugib.map((c) => c.display).join(', ')}.`
      : 'No upper GI bleeding or ulcer on the problem list.',
    steroids.length + aldo.length > 0
      ? `Also taking ${[...steroids, ...aldo].map((m) => m.display).join(', ')}.`
      : 'No systemic corticosteroid or aldosterone antagonist.',
    ppis.length > 0 ? `Gastroprotection: ${ppis.map((m) => m.display).join(', ')}.` : 'No proton pump inhibitor.',
  ];
  if (multipleNsaids) lines.push('More than one NSAID.');
  const inputs: FindingInput[] = [{ name: 'proton pump inhibitor', value: ppis.length > 0 }];
  if (age !== undefined) inputs.push({ name: 'age (years)', value: age, source: facts.patient?.ref ?? 'Patient' });
  const severity: Severity = isDraft && raised && ppis.length === 0 ? 'critical' : 'warning';
  const evidence = [
    ...ugib.map((c) => ({ reference: c.ref, display: c.display })),
    ...[...steroids, ...aldo, ...ppis].map((m) => ({ reference: m.ref, display: m.display })),
  ];
  return { severity, lines, inputs, evidence };
}
