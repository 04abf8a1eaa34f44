/**
 * The services this CDS Hooks endpoint offers, declared once: discovery, routing, context validation and card
 * selection all read this table (never a second copy of an id). Prefetch templates ask for what the registered
 * rules read, the Observation codes derived from the engine's own analyte table.
 */
import { ANALYTES } from '@reasoning/knowledge/labs';
import { rules } from '@reasoning/registry';
import type { CdsService } from '@cds-hooks/schemas/discovery';
import type { HookName } from '@cds-hooks/schemas/request';

export interface ServiceDefinition {
  id: string;
  hook: HookName;
  title: string;
  description: string;
  prefetch: Readonly<Record<string, string>>;
}

const LOINC = 'http://loinc.org';
const observationCodes = [...new Set(ANALYTES.flatMap((a) => a.loinc))].map((c) => `${LOINC}|${c}`).join(',');

// Prefetch query restrictions (spec §Prefetch query restrictions): type-level search by patient reference and
// token equality only. Conditions and allergies are not filtered by clinical status: US Core lets that element be
// absent and the engine reads an absent status as current — filtering here could hide an allergy (a false all-clear).
export const PREFETCH: Readonly<Record<string, string>> = {
  patient: 'Patient/{{context.patientId}}',
  conditions: 'Condition?patient={{context.patientId}}',
  medicationRequests: 'MedicationRequest?patient={{context.patientId}}&status=active,on-hold',
  medicationStatements: 'MedicationStatement?patient={{context.patientId}}&status=active,intended,on-hold,unknown',
  // The MAR and pharmacy fills: an inpatient on heparin may have it only here (the engine keeps recent ones).
  medicationAdministrations: 'MedicationAdministration?patient={{context.patientId}}&status=in-progress,on-hold,completed,unknown',
  medicationDispenses: 'MedicationDispense?patient={{context.patientId}}&status=preparation,in-progress,on-hold,completed,unknown',
  allergies: 'AllergyIntolerance?patient={{context.patientId}}',
  observations: `Observation?patient={{context.patientId}}&code=${observationCodes}`,
};

const covers = rules.map((r) => r.title).join('; ');

export const SERVICES: readonly ServiceDefinition[] = [
  {
    id: 'cairn-patient-view',
    hook: 'patient-view',
    title: 'Cairn chart review',
    description: `Cited, deterministic safety findings about the open chart (${covers}).`,
    prefetch: PREFETCH,
  },
  {
    id: 'cairn-order-select',
    hook: 'order-select',
    title: 'Cairn order check (select)',
    description: `Checks the selected draft orders against the chart as they are chosen (${covers}).`,
    prefetch: PREFETCH,
  },
  {
    id: 'cairn-order-sign',
    hook: 'order-sign',
    title: 'Cairn order check (sign)',
    description: `Checks every draft order against the chart before signing (${covers}).`,
    prefetch: PREFETCH,
  },
];

const USAGE = 'Needs read access to Patient, Condition, MedicationRequest, MedicationStatement, MedicationAdministration, '
  + 'MedicationDispense, AllergyIntolerance and '
  + 'Observation for the patient in context (prefetch or fhirAuthorization with patient/*.read scopes). '
  + 'Calls must carry a JWT signed by a trusted issuer (CDS Hooks 2.0 §Trusting CDS Clients).';

/** The discovery entry of a service (spec §Discovery). */
export function toDiscovery(s: ServiceDefinition): CdsService {
  return { hook: s.hook, title: s.title, description: s.description, id: s.id, prefetch: { ...s.prefetch }, usageRequirements: USAGE };
}

export function serviceById(id: string): ServiceDefinition | undefined {
  return SERVICES.find((s) => s.id === id);
}
