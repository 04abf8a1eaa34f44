/**
 * CDS Service response (spec §CDS Service Response): cards, suggestions, actions, links, source. Encoded exactly:
 * indicator is info|warning|critical, source is required, summary is under 140 characters, overrideReasons carry
 * a display, appContext only on smart links, create/update carry a resource and delete a resourceId.
 */
import { Type, type Static } from '@sinclair/typebox';
import { INDICATORS } from '../severity';
import { Coding, CodingWithDisplay, Extension, FhirResource, NonEmpty } from './common';

const Uuid = Type.String({ format: 'uuid' });

export const Action = Type.Union([
  Type.Object(
    { type: Type.Literal('create'), description: NonEmpty(), resource: FhirResource },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('update'), description: NonEmpty(), resource: FhirResource },
    { additionalProperties: false },
  ),
  // spec §Action: resourceId is *a string*, "a relative reference", and SHOULD be present for delete.
  Type.Object(
    {
      type: Type.Literal('delete'),
      description: NonEmpty(),
      resourceId: Type.String({ pattern: '^[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}$' }),
    },
    { additionalProperties: false },
  ),
]);
export type Action = Static<typeof Action>;

export const Suggestion = Type.Object(
  {
    label: NonEmpty(),
    uuid: Type.Optional(Uuid),
    isRecommended: Type.Optional(Type.Boolean()),
    actions: Type.Optional(Type.Array(Action, { minItems: 1 })),
  },
  { additionalProperties: false },
);
export type Suggestion = Static<typeof Suggestion>;

const AbsoluteUrl = Type.String({ format: 'uri', pattern: '^https?://' });

export const Link = Type.Union([
  Type.Object({ label: NonEmpty(), url: AbsoluteUrl, type: Type.Literal('absolute') }, { additionalProperties: false }),
  Type.Object(
    { label: NonEmpty(), url: AbsoluteUrl, type: Type.Literal('smart'), appContext: Type.Optional(NonEmpty()) },
    { additionalProperties: false },
  ),
]);
export type Link = Static<typeof Link>;

export const Source = Type.Object(
  {
    label: NonEmpty(),
    url: Type.Optional(AbsoluteUrl),
    icon: Type.Optional(AbsoluteUrl),
    topic: Type.Optional(Coding),
  },
  { additionalProperties: false },
);
export type Source = Static<typeof Source>;

export const Indicator = Type.Union(INDICATORS.map((i) => Type.Literal(i)));

export const Card = Type.Object(
  {
    uuid: Type.Optional(Uuid),
    summary: NonEmpty({ maxLength: 139 }),
    detail: Type.Optional(NonEmpty()),
    indicator: Indicator,
    source: Source,
    suggestions: Type.Optional(Type.Array(Suggestion, { minItems: 1 })),
    selectionBehavior: Type.Optional(Type.Union([Type.Literal('at-most-one'), Type.Literal('any')])),
    overrideReasons: Type.Optional(Type.Array(CodingWithDisplay, { minItems: 1 })),
    links: Type.Optional(Type.Array(Link, { minItems: 1 })),
    extension: Extension,
  },
  { additionalProperties: false },
);
export type Card = Static<typeof Card>;

export const CdsResponse = Type.Object(
  {
    // spec: `cards` is REQUIRED and is the one array allowed to be empty ("no decision support").
    cards: Type.Array(Card),
    systemActions: Type.Optional(Type.Array(Action, { minItems: 1 })),
  },
  { additionalProperties: false },
);
export type CdsResponse = Static<typeof CdsResponse>;
