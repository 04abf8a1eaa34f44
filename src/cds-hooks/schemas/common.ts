/**
 * Shared CDS Hooks 2.0 data types (spec §Data Types). Every wire shape is a TypeBox schema and its TypeScript type
 * is derived from it (docs/architecture.md, "Contracts"). Spec §Overview: attributes SHALL NOT be null, optional ones are omitted rather
 * than empty, and required strings MAY NOT be empty — hence the minLength/minItems/minProperties everywhere.
 */
import { Type, type Static } from '@sinclair/typebox';

export const NonEmpty = (options: { maxLength?: number; format?: string; pattern?: string } = {}) =>
  Type.String({ minLength: 1, pattern: '\\S', ...options });

/** FHIR R4 `id` datatype: [A-Za-z0-9\-\.]{1,64}. Also keeps ids safe to put into FHIR URLs. */
export const FhirId = Type.String({ pattern: '^[A-Za-z0-9\\-.]{1,64}$' });

/** spec §Coding: code and system required; display required for override reasons. */
export const Coding = Type.Object({ code: NonEmpty(), system: NonEmpty(), display: Type.Optional(NonEmpty()) });
export type Coding = Static<typeof Coding>;

export const CodingWithDisplay = Type.Object({ code: NonEmpty(), system: NonEmpty(), display: NonEmpty() });
export type CodingWithDisplay = Static<typeof CodingWithDisplay>;

/** A FHIR resource as far as the protocol cares: an object with a resourceType. */
export const FhirResource = Type.Object({ resourceType: NonEmpty() }, { additionalProperties: true });

/** `extension` is reserved by the spec (§Extensions) for a pre-coordinated JSON object. */
export const Extension = Type.Optional(Type.Object({}, { additionalProperties: true, minProperties: 1 }));
