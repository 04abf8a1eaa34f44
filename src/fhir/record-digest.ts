/**
 * A short fingerprint of which resource versions a chart read returned, so two sides that read the same chart
 * (the SMART app and `/api/narrative`) can tell whether they saw the same record. Each resource counts as
 * `Type/id` with its version: `meta.versionId` (FHIR R4 `Resource.meta.versionId`: it "changes each time the
 * content of the resource changes"), else `meta.lastUpdated`. Order-free: search results come in any order.
 * The hash (FNV-1a 32-bit from two seeds, 64 bits together) detects a different read, not tampering; it needs no
 * more: whoever could forge it could as well alter the narrative itself.
 */

const versionOf = (r: fhir4.Resource): string => r.meta?.versionId ?? r.meta?.lastUpdated ?? '';

/** FNV-1a over the UTF-16 code units of `text`, 32 bits, from `seed`. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const hex = (n: number): string => n.toString(16).padStart(8, '0');

/** `fnv1a-2x32:<16 hex>` over the sorted `Type/id|version` lines of `resources`. */
export function recordDigest(resources: readonly fhir4.Resource[]): string {
  const lines = resources.map((r) => `${r.resourceType}/${r.id ?? ''}|${versionOf(r)}`).sort();
  const text = `${lines.length}\n${lines.join('\n')}`;
  return `fnv1a-2x32:${hex(fnv1a(text, 0x811c9dc5))}${hex(fnv1a(text, 0x050c5d1f))}`;
}
