/**
 * The FHIR resource types the engine reads — the one list behind the app's SMART scopes, its record loader and
 * (as search templates) the service's prefetch. Asking for anything else would break the least-privilege promise.
 */
export const ENGINE_RESOURCE_TYPES = [
  'Patient',
  'Condition',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationAdministration',
  'MedicationDispense',
  'AllergyIntolerance',
  'Observation',
] as const;

export type EngineResourceType = (typeof ENGINE_RESOURCE_TYPES)[number];
