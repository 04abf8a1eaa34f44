/**
 * PHI minimization before any hosted call (issue 5): the chart and the engine's result become a
 * `ModelPayload` with opaque aliases, relative days and ages; the `AliasTable` maps the model's answer back.
 */
import type { NarrativeRequest } from '../types';
import { AliasTable } from './aliases';
import {
  minimizeAllergies,
  minimizeConditions,
  minimizeMedications,
  minimizeObservations,
  minimizePatient,
} from './context';
import { minimizeFinding, minimizeScore } from './findings';
import type { ModelPayload } from './payload';
import { authoredPattern, collectAuthored, collectSensitive, sensitivePattern, type ScrubContext } from './scrub';

export type { ModelPayload } from './payload';
export { AliasTable } from './aliases';

export interface Minimized {
  payload: ModelPayload;
  aliases: AliasTable;
}

/** Builds the only data a hosted model ever receives. */
export function minimizeForModel(request: NarrativeRequest): Minimized {
  const { result } = request;
  // Fetch order must not change aliases or the cache key: a hook's prefetch and the app's own FHIR queries
  // return the same resources in different orders.
  const input = { ...request.input, resources: [...request.input.resources].sort(byTypeAndId) };
  const drafts = input.draftOrders ?? [];
  const aliases = new AliasTable();
  const ctx = { now: input.now, aliases };
  const payload: ModelPayload = {
    patient: minimizePatient(input.resources, input.now),
    conditions: minimizeConditions(input.resources, ctx),
    medications: minimizeMedications(input.resources, drafts, ctx),
    allergies: minimizeAllergies(input.resources, ctx),
    observations: minimizeObservations(input.resources, ctx),
    findings: [],
    scores: [],
    citations: [],
  };
  const everything = [...input.resources, ...drafts];
  const authored = collectAuthored(everything);
  const scrub: ScrubContext = {
    ...ctx,
    sensitive: sensitivePattern(collectSensitive(everything)),
    authored: { pattern: authoredPattern(authored), instead: authored },
  };
  redactContext(payload, scrub.sensitive);
  payload.findings = result.findings.map((f) => minimizeFinding(f, scrub));
  payload.scores = result.scores.map((s) => minimizeScore(s, scrub));
  payload.citations = collectCitations(payload, aliases);
  return { payload, aliases };
}

/** Backstop over the coded context: a display that echoes an identifying string is redacted too. */
function redactContext(payload: ModelPayload, sensitive: RegExp | undefined): void {
  if (!sensitive) return;
  const clean = (s: string) => s.replace(sensitive, '[redacted]');
  for (const list of [payload.conditions, payload.medications, payload.allergies, payload.observations]) {
    for (const item of list) item.display = clean(item.display);
  }
  for (const o of payload.observations) o.value = clean(o.value);
  for (const a of payload.allergies) a.reactions = a.reactions.map(clean);
}

function byTypeAndId(a: fhir4.Resource, b: fhir4.Resource): number {
  return a.resourceType.localeCompare(b.resourceType) || (a.id ?? '').localeCompare(b.id ?? '');
}

function collectCitations(payload: ModelPayload, aliases: AliasTable): ModelPayload['citations'] {
  const ids = [...new Set([...payload.findings, ...payload.scores].flatMap((x) => x.citations))];
  return ids.flatMap((id) => {
    const c = aliases.resolveCitation(id);
    return c ? [{ id, title: c.title, year: c.year }] : [];
  });
}
