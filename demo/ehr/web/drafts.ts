/** Applying accepted CDS suggestions to the draft orders, as an EHR does (CDS Hooks 2.0 §Action). */
import type { Action } from '@cds-hooks/schemas/response';

export type Draft = fhir4.MedicationRequest | (fhir4.Resource & { id: string });

const refOf = (r: fhir4.Resource): string => `${r.resourceType}/${r.id ?? ''}`;

/** The draft list after one action: create adds, update replaces by id, delete removes by reference. */
export function applyAction(drafts: readonly Draft[], action: Action, newId: () => string): Draft[] {
  switch (action.type) {
    case 'create': {
      const given = (action.resource as { id?: unknown }).id;
      const resource = { ...action.resource, id: typeof given === 'string' ? given : newId() } as unknown as Draft;
      return [...drafts, resource];
    }
    case 'update': {
      const resource = action.resource as unknown as Draft;
      return drafts.map((d) => (refOf(d) === refOf(resource) ? resource : d));
    }
    case 'delete':
      return drafts.filter((d) => action.resourceId !== refOf(d) && action.resourceId !== d.id);
  }
}

export function applyActions(drafts: readonly Draft[], actions: readonly Action[], newId: () => string): Draft[] {
  return actions.reduce<Draft[]>((acc, a) => applyAction(acc, a, newId), [...drafts]);
}

/** A one-line label for a draft order. */
export function draftLabel(d: Draft): string {
  const m = d as fhir4.MedicationRequest;
  const name = m.medicationCodeableConcept?.text ?? m.medicationCodeableConcept?.coding?.[0]?.display ?? d.resourceType;
  const sig = m.dosageInstruction?.[0]?.text;
  return sig ? `${name} — ${sig}` : name;
}
