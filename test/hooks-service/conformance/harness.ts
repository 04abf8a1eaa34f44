/**
 * Black-box helpers for the conformance suite: raw HTTP against the real server (any method, body and headers),
 * and the Synthea-based requests the spec's examples are modelled on. Tests here judge the wire only — they never
 * import the service's schemas, so a schema that drifted from the spec cannot vouch for itself.
 */
import { startService, type RunningService } from '../support/service';
import { draftNaproxen, hookRequest, loadFixture, prefetchFor, type Fixture } from '../support/synthea';

export { startService, type RunningService };

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

export async function send(
  svc: RunningService,
  method: string,
  path: string,
  o: { body?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const res = await fetch(`${svc.url}${path}`, {
    method,
    headers: o.headers ?? {},
    ...(o.body !== undefined && { body: o.body }),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const postJson = (svc: RunningService, path: string, body: unknown, headers: Record<string, string> = {}) =>
  send(svc, 'POST', path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

/** Patient on warfarin (Synthea): a draft NSAID yields a critical interaction card with suggestions. */
export const warfarin: Fixture = loadFixture('af-warfarin-alzheimers-ebd50853.json');

export const PV = '/cds-services/cairn-patient-view';
export const OSEL = '/cds-services/cairn-order-select';
export const OSIGN = '/cds-services/cairn-order-sign';

export const patientView = (fx: Fixture = warfarin) => hookRequest('patient-view', fx, { prefetch: prefetchFor(fx) });
export const orderSign = (fx: Fixture = warfarin, drafts: fhir4.Resource[] = [draftNaproxen(fx.patientId)]) =>
  hookRequest('order-sign', fx, { prefetch: prefetchFor(fx), drafts });
export const orderSelect = (
  fx: Fixture = warfarin,
  drafts: fhir4.Resource[] = [draftNaproxen(fx.patientId)],
  selections?: string[],
) => hookRequest('order-select', fx, { prefetch: prefetchFor(fx), drafts, ...(selections && { selections }) });

/** A request with one top-level or context field replaced (undefined removes it). */
export function withContext(req: Record<string, unknown>, change: Record<string, unknown>): Record<string, unknown> {
  const context = { ...(req.context as Record<string, unknown>), ...change };
  for (const [k, v] of Object.entries(change)) if (v === undefined) delete context[k];
  return { ...req, context };
}

export function without(req: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...req };
  delete copy[key];
  return copy;
}

export interface WireCard {
  uuid?: string;
  summary: string;
  detail?: string;
  indicator: string;
  source: { label: string; url?: string; icon?: string; topic?: { code: string; system: string; display?: string } };
  suggestions?: {
    label: string;
    uuid?: string;
    isRecommended?: boolean;
    actions?: { type: string; description: string; resource?: { resourceType: string }; resourceId?: unknown }[];
  }[];
  selectionBehavior?: string;
  overrideReasons?: { code: string; system: string; display?: string }[];
  links?: { label: string; url: string; type: string; appContext?: unknown }[];
}
