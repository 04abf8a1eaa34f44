/**
 * The services this CDS Hooks endpoint offers, declared once: discovery, routing, context validation and card
 * selection all read this table (never a second copy of an id). Prefetch templates ask for what the registered
 * rules read, the Observation codes derived from the engine's own analyte table.
 */
import { rules } from '@reasoning/registry';
import type { CdsService } from '@cds-hooks/schemas/discovery';
import type { HookName } from '@cds-hooks/schemas/request';
import { PREFETCH_TEMPLATES } from '@reasoning/chart-queries';
import { AppError, type ErrorBodyStyle } from '../errors';

export interface ServiceDefinition {
  id: string;
  hook: HookName;
  title: string;
  description: string;
  hookVersion: string;
  prefetch: Readonly<Record<string, string>>;
}

// The templates are the chart's one way of being read (src/reasoning/chart-queries.ts).
export const PREFETCH: Readonly<Record<string, string>> = PREFETCH_TEMPLATES;

const covers = rules.map((r) => r.title).join('; ');

interface HookService {
  hook: HookName;
  hookVersion: string;
  title: string;
  description: string;
  /** Under CDS Hooks 3.0, served on the shared id (its cards replace those of the chart and order hooks). */
  shared: boolean;
}

// hookVersion as published in each hook's metadata table (HL7 CDS Hooks library, patient-view.md etc.).
const HOOKS: readonly HookService[] = [
  {
    hook: 'patient-view',
    hookVersion: '1.0',
    shared: true,
    title: 'Cairn chart review',
    description: `Cited, deterministic safety findings about the open chart (${covers}).`,
  },
  {
    hook: 'order-select',
    hookVersion: '1.0',
    shared: true,
    title: 'Cairn order check (select)',
    description: `Checks the selected draft orders against the chart as they are chosen (${covers}).`,
  },
  {
    hook: 'order-sign',
    hookVersion: '1.0',
    shared: true,
    title: 'Cairn order check (sign)',
    description: `Checks every draft order against the chart before signing (${covers}).`,
  },
  // Maturity 1 hooks: own ids, so their few cards never replace the chart's (a new allergy does not end the chart review).
  {
    hook: 'allergyintolerance-create',
    hookVersion: '0.1.0',
    shared: false,
    title: 'Cairn new allergy check',
    description: 'Checks an allergy being recorded against the active medications (drug–allergy and cross-reactivity).',
  },
  {
    hook: 'problem-list-item-create',
    hookVersion: '0.1.0',
    shared: false,
    title: 'Cairn new problem check',
    description: 'Checks a condition being added to the problem list against the active medications (drug–disease).',
  },
  {
    hook: 'medication-refill',
    hookVersion: '0.1.0',
    shared: false,
    title: 'Cairn refill check',
    description:
      'Checks a medication being refilled against current labs and the other medications (renal dosing, INR and potassium monitoring, interactions, duplicate therapy).',
  },
];

/**
 * One service id for the chart and order hooks under CDS Hooks 3.0 (§Cards and Transience, "update stale
 * guidance"): a 3.0 client replaces the cards of an earlier invocation of the same id with the new ones.
 */
export const SHARED_ID = 'cairn';

/** A CDS Hooks edition: where its discovery lives and what it advertises. */
export interface Edition {
  /** Path prefix of this edition's `{baseUrl}` ('' = the service root); the one home of it (routes, CORS, errors). */
  prefix: string;
  /** The body of its non-2xx answers, for its routes and unknown paths under its prefix (errors.ts). */
  errorBody: ErrorBodyStyle;
  /** The CDS Hooks version (semver) advertised in discovery; undefined = not advertised (2.0 has no field). */
  version?: string;
  services: readonly ServiceDefinition[];
}

/**
 * 2.0 at the root, as every client in the field registers it today: one id per hook. A 2.0 client may key
 * services by URL (the public sandbox does), so one id for three hooks would collapse to one service there.
 */
export const EDITION_2: Edition = {
  prefix: '',
  // 2.0 defines no error body: `{error, message}`, as clients in the field read it.
  errorBody: 'json',
  services: HOOKS.map(({ shared: _shared, ...h }) => ({ ...h, id: `cairn-${h.hook}`, prefetch: PREFETCH })),
};

/** 3.0 (ballot) under `/3.0`: the shared id, the spec version and each hook's version (§Discovery, Response). */
export const EDITION_3: Edition = {
  prefix: '/3.0',
  // 3.0 §Returning OperationOutcome: a non-2xx answer SHOULD carry an OperationOutcome.
  errorBody: 'operation-outcome',
  version: '3.0.0-ballot',
  services: HOOKS.map(({ shared, ...h }) => ({ ...h, id: shared ? SHARED_ID : `cairn-${h.hook}`, prefetch: PREFETCH })),
};

export const EDITIONS: readonly Edition[] = [EDITION_2, EDITION_3];

/** Resource types the prefetch templates read, in template order (one home: the templates themselves). */
export const READ_TYPES: readonly string[] = [
  ...new Set(Object.values(PREFETCH).map((t) => /^[A-Za-z]+/.exec(t)?.[0] ?? '')),
];

// SMART App Launch 1 scopes (`.read`) for 2.0; SMART 2 (`.rs` = read + search) for 3.0 (§Passing the Access Token).
function usage(edition: 'v1' | 'v2'): string {
  const scopes = READ_TYPES.map((t) => `patient/${t}.${edition === 'v1' ? 'read' : 'rs'}`).join(' ');
  const spec = edition === 'v1' ? 'CDS Hooks 2.0' : 'CDS Hooks 3.0';
  return (
    `Needs read access to ${READ_TYPES.join(', ')} for the patient in context: prefetch, or fhirAuthorization with the scopes ` +
    `${scopes}${edition === 'v2' ? ' (SMART v1 .read scopes are accepted too)' : ''}. ` +
    `Calls must carry a JWT signed by a trusted issuer (${spec} §Trusting CDS Clients).`
  );
}

/** The discovery entry of a service (spec §Discovery); `version` and `hookVersion` only where the edition has them. */
export function toDiscovery(s: ServiceDefinition, edition: Edition): CdsService {
  return {
    hook: s.hook,
    title: s.title,
    description: s.description,
    id: s.id,
    prefetch: { ...s.prefetch },
    usageRequirements: usage(edition.version ? 'v2' : 'v1'),
    ...(edition.version && { version: edition.version, hookVersion: s.hookVersion }),
  };
}

/** Every service of `edition` with this id: one for a 2.0 id, one per hook for the shared 3.0 id. */
export function servicesById(edition: Edition, id: string): ServiceDefinition[] {
  return edition.services.filter((s) => s.id === id);
}

/** The services a call names: `id` in the edition served under `prefix`, or AppError NOT_FOUND. */
export function servicesCalled(prefix: string, id: string): ServiceDefinition[] {
  const edition = EDITIONS.find((e) => e.prefix === prefix);
  const found = edition ? servicesById(edition, id) : [];
  if (found.length === 0) throw new AppError('NOT_FOUND', 'no CDS service with that id');
  return found;
}
