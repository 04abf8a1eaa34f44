/**
 * normalize(input) → Facts. The one place where raw FHIR is read; rules only see Facts. Never throws: anything odd
 * is recorded in `facts.skipped` with the reason (CONTRIBUTING.md, "Adding a rule").
 */
import type { EngineInput } from '../types';
import type { Facts, MedicationFact, ObservationFact } from '../facts';
import { flattenBundle } from '@fhir/bundle';
import { parseFhirDate } from '@fhir/dates';
import { indexResources, skip, timeOf, type NormalizeContext } from './context';
import { normalizePatient } from './patient';
import { normalizeCondition } from './conditions';
import { normalizeChartMedication, normalizeDraftMedication } from './medications';
import type { MedicationRecord } from './medication-status';
import { normalizeAllergy } from './allergies';
import { normalizeObservation } from './observations';

function isResource(x: unknown): x is fhir4.Resource {
  return typeof x === 'object' && x !== null && typeof (x as { resourceType?: unknown }).resourceType === 'string';
}

/** Accepts resources or bundles (a hook's draftOrders is a Bundle); drops non-resources. */
function expand(list: readonly unknown[] | undefined): fhir4.Resource[] {
  const out: fhir4.Resource[] = [];
  for (const x of list ?? []) {
    if (!isResource(x)) continue;
    if (x.resourceType === 'Bundle') out.push(...flattenBundle(x));
    else out.push(x);
  }
  return out;
}

function emptyFacts(now: string): Facts {
  return { now, conditions: [], medications: [], drafts: [], allergies: [], observations: new Map(), skipped: [] };
}

/** Dispatches one chart resource to its normalizer. */
function addResource(ctx: NormalizeContext, facts: Facts, obs: ObservationFact[], r: fhir4.Resource): void {
  switch (r.resourceType) {
    case 'Condition': {
      const c = normalizeCondition(ctx, r as fhir4.Condition);
      if (c) facts.conditions.push(c);
      break;
    }
    case 'MedicationRequest':
    case 'MedicationStatement':
    case 'MedicationAdministration':
    case 'MedicationDispense': {
      const m = normalizeChartMedication(ctx, r as MedicationRecord);
      if (m) facts.medications.push(m);
      break;
    }
    case 'AllergyIntolerance': {
      const a = normalizeAllergy(ctx, r as fhir4.AllergyIntolerance);
      if (a) facts.allergies.push(a);
      break;
    }
    case 'Observation':
      obs.push(...normalizeObservation(ctx, r as fhir4.Observation));
      break;
    default:
      break;
  }
}

/** Groups by analyte, oldest first (ties by ref, so the order never depends on input order). */
function groupObservations(ctx: NormalizeContext, obs: ObservationFact[]): Map<string, ObservationFact[]> {
  const keyed = obs.map((o) => ({ o, t: timeOf(ctx, o.date) ?? 0 }));
  keyed.sort((a, b) => a.t - b.t || (a.o.ref < b.o.ref ? -1 : a.o.ref > b.o.ref ? 1 : 0));
  const map = new Map<string, ObservationFact[]>();
  for (const { o } of keyed) {
    const list = map.get(o.analyte);
    if (list) list.push(o);
    else map.set(o.analyte, [o]);
  }
  return map;
}

export function normalize(input: EngineInput): Facts {
  // Callers may pass unparsed JSON: nothing here trusts the declared type.
  const raw: Partial<EngineInput> = typeof input === 'object' && input !== null ? input : {};
  const now = typeof raw.now === 'string' ? raw.now : '';
  const nowMs = parseFhirDate(now);
  const facts = emptyFacts(now);
  if (nowMs === undefined) {
    facts.skipped.push({ subject: 'input.now', reason: 'missing or unparseable clock: nothing evaluated' });
    return facts;
  }
  const resources = expand(Array.isArray(raw.resources) ? raw.resources : []);
  const drafts = expand(Array.isArray(raw.draftOrders) ? raw.draftOrders : []);
  const ctx: NormalizeContext = {
    now,
    nowMs,
    byRef: indexResources([...resources, ...drafts]),
    skipped: facts.skipped,
    dates: new Map(),
  };
  const patient = normalizePatient(
    ctx,
    resources.filter((r): r is fhir4.Patient => r.resourceType === 'Patient'),
  );
  if (patient) facts.patient = patient;
  const obs: ObservationFact[] = [];
  for (const r of resources) {
    try {
      addResource(ctx, facts, obs, r);
    } catch {
      // Malformed resources (wrong JSON shapes) must not stop the run; the reason is recorded instead.
      skip(ctx, r, 'malformed resource: could not be read');
    }
  }
  for (const d of drafts) {
    try {
      const m: MedicationFact | undefined = normalizeDraftMedication(ctx, d);
      if (m) facts.drafts.push(m);
    } catch {
      skip(ctx, d, 'malformed draft order: could not be read');
    }
  }
  facts.observations = groupObservations(ctx, obs);
  return facts;
}
