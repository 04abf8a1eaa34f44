/**
 * Bundle flattening. Transaction/collection bundles (Synthea) link resources by `urn:uuid:` fullUrls; a FHIR server
 * resolves those to "Type/id" on ingest (FHIR R4 §3.1.0.4 "Resolving references in Bundles"). We do the same so the
 * engine, the demo server and searches like `patient=<id>` see ordinary relative references.
 */
import { MAX_JSON_DEPTH } from './json-depth';
import { isUrnUuid } from './references';

function isResource(x: unknown): x is fhir4.Resource {
  return typeof x === 'object' && x !== null && typeof (x as { resourceType?: unknown }).resourceType === 'string';
}

/** Map fullUrl (urn:uuid:… or absolute) → "Type/id" for every entry with a resource id. */
export function fullUrlIndex(entries: readonly fhir4.BundleEntry[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const e of entries) {
    const r = e.resource;
    if (!e.fullUrl || !r || !r.id) continue;
    index.set(e.fullUrl, `${r.resourceType}/${r.id}`);
  }
  return index;
}

/**
 * `value` with every `reference` string found in `index` rewritten, copy-on-write: an object or array is copied
 * only when something inside it changes, and is otherwise returned as it is (a prefetch of thousands of resources
 * with server-relative references is not copied at all). Below MAX_JSON_DEPTH nothing is rewritten (no FHIR
 * reference sits that deep): the walk never recurses without a bound.
 */
function rewrite(value: unknown, index: ReadonlyMap<string, string>, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth >= MAX_JSON_DEPTH) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const next = rewrite(value[i], index, depth + 1);
      if (next !== value[i]) (out ??= [...(value as unknown[])])[i] = next;
    }
    return out ?? value;
  }
  let out: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  // for…in, not Object.keys: no array of keys per object on every prefetched resource (this walk runs per call).
  for (const k in record) {
    if (!Object.hasOwn(record, k)) continue;
    const v = record[k];
    const next = k === 'reference' && typeof v === 'string' ? (index.get(v) ?? v) : rewrite(v, index, depth + 1);
    if (next !== v) (out ??= { ...record })[k] = next;
  }
  return out ?? value;
}

/**
 * Resources of a bundle (input is `unknown`: anything that is not a bundle gives []), with internal fullUrl
 * references rewritten to "Type/id". Unresolvable urn:uuid references are left as they are (callers report them).
 * A resource with nothing to rewrite is the bundle's own object, not a copy: callers treat resources as read-only.
 */
export function flattenBundle(bundle: unknown): fhir4.Resource[] {
  if (!isResource(bundle) || bundle.resourceType !== 'Bundle') return [];
  const entries = (bundle as fhir4.Bundle).entry ?? [];
  const index = fullUrlIndex(entries);
  if (index.size === 0) return entries.flatMap((e) => (isResource(e.resource) ? [e.resource] : []));
  const out: fhir4.Resource[] = [];
  for (const e of entries) {
    if (isResource(e.resource)) out.push(rewrite(e.resource, index) as fhir4.Resource);
  }
  return out;
}

/** True when any reference inside the resource is still an unresolved urn:uuid. */
export function hasUnresolvedUrn(resource: fhir4.Resource): boolean {
  let found = false;
  const walk = (v: unknown, depth: number): void => {
    if (found || typeof v !== 'object' || v === null || depth >= MAX_JSON_DEPTH) return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'reference' && typeof x === 'string' && isUrnUuid(x)) found = true;
      else walk(x, depth + 1);
    }
  };
  walk(resource, 0);
  return found;
}
