/**
 * CDS Service request (spec §HTTP Request) and the context of the hooks we serve, as the HL7 CDS Hooks library
 * defines them: patient-view 1.0, order-select 1.0, order-sign 1.0, allergyintolerance-create 0.1.0,
 * problem-list-item-create 0.1.0, medication-refill 0.1.0. Hook contexts may grow optional fields in minor
 * versions, so unknown context fields are accepted and ignored.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Extension, FhirId, FhirResource, NonEmpty } from './common';

export const FhirAuthorization = Type.Object(
  {
    access_token: NonEmpty(),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer({ minimum: 0 }),
    scope: NonEmpty(),
    subject: NonEmpty(),
    patient: Type.Optional(FhirId),
  },
  { additionalProperties: true },
);
export type FhirAuthorization = Static<typeof FhirAuthorization>;

/** "Practitioner/123" etc.: the hook pages allow these user types for userId. */
const UserId = Type.String({
  pattern: '^(Practitioner|PractitionerRole|Patient|RelatedPerson)/[A-Za-z0-9\\-.]{1,64}$',
});

const BundleEntries = Type.Array(
  Type.Object({ resource: Type.Optional(FhirResource) }, { additionalProperties: true }),
);
// Only the parts we read: entries to flatten and the `next` link to page on (FHIR R4 Bundle.link: relation, url).
const BundleLinks = Type.Array(
  Type.Object({ relation: Type.String(), url: Type.String() }, { additionalProperties: true }),
);

const DraftOrders = Type.Object(
  {
    resourceType: Type.Literal('Bundle'),
    entry: Type.Optional(BundleEntries),
  },
  { additionalProperties: true },
);

export const PatientViewContext = Type.Object(
  {
    userId: UserId,
    patientId: FhirId,
    encounterId: Type.Optional(FhirId),
  },
  { additionalProperties: true },
);

export const OrderSelectContext = Type.Object(
  {
    userId: UserId,
    patientId: FhirId,
    encounterId: Type.Optional(FhirId),
    // order-select: "The FHIR id of the newly selected order(s)", as relative references into draftOrders.
    selections: Type.Array(NonEmpty(), { minItems: 1 }),
    draftOrders: DraftOrders,
  },
  { additionalProperties: true },
);

export const OrderSignContext = Type.Object(
  {
    userId: UserId,
    patientId: FhirId,
    encounterId: Type.Optional(FhirId),
    draftOrders: DraftOrders,
  },
  { additionalProperties: true },
);

// allergyintolerance-create: `allergyIntolerance` REQUIRED, the FHIR AllergyIntolerance being created.
export const AllergyIntoleranceCreateContext = Type.Object(
  {
    userId: UserId,
    patientId: FhirId,
    encounterId: Type.Optional(FhirId),
    allergyIntolerance: Type.Object(
      { resourceType: Type.Literal('AllergyIntolerance') },
      { additionalProperties: true },
    ),
  },
  { additionalProperties: true },
);

// problem-list-item-create: `conditions` REQUIRED, a Bundle of the Conditions (category problem-list-item) being added.
export const ProblemListItemCreateContext = Type.Object(
  {
    userId: UserId,
    patientId: FhirId,
    encounterId: Type.Optional(FhirId),
    conditions: DraftOrders,
  },
  { additionalProperties: true },
);

// medication-refill: `userId` OPTIONAL (a refill often arrives with no user), `medications` REQUIRED — a Bundle of
// draft MedicationRequests (intent order) being refilled.
export const MedicationRefillContext = Type.Object(
  {
    userId: Type.Optional(UserId),
    patientId: FhirId,
    encounterId: Type.Optional(FhirId),
    medications: DraftOrders,
  },
  { additionalProperties: true },
);

export type PatientViewContext = Static<typeof PatientViewContext>;
export type OrderSelectContext = Static<typeof OrderSelectContext>;
export type OrderSignContext = Static<typeof OrderSignContext>;

/** Request envelope; `context` is checked per hook afterwards so the message can name the hook's field. */
export const HookRequest = Type.Object(
  {
    hook: NonEmpty(),
    hookInstance: Type.String({ format: 'uuid' }),
    fhirServer: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://' })),
    fhirAuthorization: Type.Optional(FhirAuthorization),
    context: Type.Object({}, { additionalProperties: true }),
    // spec §Prefetch: a value is a FHIR resource, or null when the client found no data for that key. Keys we did
    // not ask for are ignored whatever they hold; ours are checked by PrefetchValue in hook-request.ts.
    prefetch: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    extension: Extension,
  },
  { additionalProperties: true },
);
export type HookRequest = Static<typeof HookRequest>;

/** A prefetch value: a FHIR resource — a Bundle with well-formed entry and link arrays — or null (no data). */
export const PrefetchValue = Type.Union([
  Type.Object(
    { resourceType: NonEmpty() },
    {
      additionalProperties: true,
      if: { properties: { resourceType: { const: 'Bundle' } } },
      then: Type.Object({ entry: Type.Optional(BundleEntries), link: Type.Optional(BundleLinks) }),
    },
  ),
  Type.Null(),
]);

export type HookName =
  | 'patient-view'
  | 'order-select'
  | 'order-sign'
  | 'allergyintolerance-create'
  | 'problem-list-item-create'
  | 'medication-refill';
