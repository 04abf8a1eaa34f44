/** Shared state of one normalize run: resource index for reference resolution, the clock, and the skipped list. */
import type { Skipped } from '../types';
import { relativeRef, toRelative } from '@fhir/references';
import { parseFhirDate } from '@fhir/dates';

export interface NormalizeContext {
  now: string;
  nowMs: number;
  byRef: ReadonlyMap<string, fhir4.Resource>;
  skipped: Skipped[];
  /** Parsed dates by string: many results share one timestamp (one draw, one encounter). */
  dates: Map<string, number | undefined>;
}

/** parseFhirDate with the run's memo. */
export function timeOf(ctx: NormalizeContext, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (ctx.dates.has(value)) return ctx.dates.get(value);
  const ms = parseFhirDate(value);
  ctx.dates.set(value, ms);
  return ms;
}

/** Resource types that rules follow references to (medicationReference); indexing only these keeps big charts fast. */
const REFERENCED_TYPES = new Set(['Medication']);

/** Index by "Type/id" (resources without an id cannot be referenced and are indexed by nothing). */
export function indexResources(resources: readonly fhir4.Resource[]): Map<string, fhir4.Resource> {
  const byRef = new Map<string, fhir4.Resource>();
  for (const r of resources) {
    if (!REFERENCED_TYPES.has(r.resourceType)) continue;
    const ref = relativeRef(r);
    if (ref && !byRef.has(ref)) byRef.set(ref, r);
  }
  return byRef;
}

/** Resolves a reference against contained resources first (FHIR R4 §2.34 "#id"), then the input. */
export function resolve(
  ctx: NormalizeContext,
  ref: string | undefined,
  container?: fhir4.DomainResource,
): fhir4.Resource | undefined {
  if (!ref) return undefined;
  if (ref.startsWith('#')) return container?.contained?.find((c) => c.id === ref.slice(1));
  const rel = toRelative(ref);
  return rel ? ctx.byRef.get(rel) : undefined;
}

/** A stable subject for skipped entries: "Type/id", or "Type (no id)". */
export function subjectOf(r: fhir4.Resource): string {
  return relativeRef(r) ?? `${r.resourceType} (no id)`;
}

export function skip(ctx: NormalizeContext, r: fhir4.Resource, reason: string): void {
  ctx.skipped.push({ subject: subjectOf(r), reason });
}
