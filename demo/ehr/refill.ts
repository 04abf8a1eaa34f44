import { DEMO_USER } from './demo-user';

/**
 * A refill as the demo EHR sends it to medication-refill: a draft copy of the active prescription, with a new id
 * and `priorPrescription` naming the one it renews (hook medication-refill: "a refill request for an existing
 * prescription"; FHIR R4 MedicationRequest.priorPrescription "an order/prescription that is being replaced").
 */
export function refillOf(prior: fhir4.MedicationRequest, id: string, authoredOn: string): fhir4.MedicationRequest {
  const { meta: _meta, ...copy } = prior;
  return {
    ...copy,
    id,
    status: 'draft',
    intent: 'order',
    authoredOn,
    requester: { reference: DEMO_USER },
    priorPrescription: { reference: `MedicationRequest/${prior.id ?? ''}` },
  };
}
