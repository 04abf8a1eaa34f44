/** Discovery response (spec §Discovery): one entry per service; hook, description and id required. */
import { Type, type Static } from '@sinclair/typebox';
import { Extension, NonEmpty } from './common';

export const CdsService = Type.Object(
  {
    hook: NonEmpty(),
    title: Type.Optional(NonEmpty()),
    description: NonEmpty(),
    id: Type.String({ pattern: '^[A-Za-z0-9\\-_.]+$' }),
    prefetch: Type.Optional(Type.Record(Type.String(), NonEmpty(), { minProperties: 1 })),
    usageRequirements: Type.Optional(NonEmpty()),
    // CDS Hooks 3.0 §Discovery: the spec version (semver) and the hook definition's version.
    version: Type.Optional(NonEmpty()),
    hookVersion: Type.Optional(NonEmpty()),
    extension: Extension,
  },
  { additionalProperties: false },
);
export type CdsService = Static<typeof CdsService>;

export const DiscoveryResponse = Type.Object({ services: Type.Array(CdsService) }, { additionalProperties: false });
export type DiscoveryResponse = Static<typeof DiscoveryResponse>;
