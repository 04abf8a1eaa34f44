/**
 * Checks a CDS Service response against CDS Hooks 2.0 as written, not against our own types: the response schema
 * (required fields, enums, summary < 140, coded override reasons with display) plus the rules a schema cannot say —
 * nothing null or empty anywhere except `cards: []`, selectionBehavior iff suggestions, appContext only on smart
 * links, delete actions carry a relative resourceId, and uuids unique within the response.
 */
import { expect } from 'vitest';
import { CdsResponse } from '@cds-hooks/schemas/response';
import { compile } from '@cds-hooks/validate';

const check = compile(CdsResponse, 'response');

function emptyPaths(value: unknown, path: string, out: string[]): void {
  if (value === null || value === '') out.push(path);
  else if (Array.isArray(value)) {
    if (value.length === 0 && path !== '$.cards') out.push(path);
    value.forEach((v, i) => emptyPaths(v, `${path}[${i}]`, out));
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    // FHIR resources inside actions follow FHIR's own rules; the CDS Hooks rule applies to CDS elements.
    if (entries.length === 0) out.push(path);
    if (path.endsWith('.resource')) return;
    for (const [k, v] of entries) emptyPaths(v, `${path}.${k}`, out);
  }
}

/** Fails the test with a precise message when `body` is not a valid CDS Hooks 2.0 response. */
export function assertValidCdsResponse(body: unknown): asserts body is CdsResponse {
  expect(check.explain(body), 'response schema').toBe('');
  const response = body as CdsResponse;
  const empty: string[] = [];
  emptyPaths(response, '$', empty);
  expect(empty, 'null or empty elements').toEqual([]);
  const uuids: string[] = [];
  for (const card of response.cards) {
    expect(card.summary.length).toBeLessThan(140);
    expect(Boolean(card.suggestions), `selectionBehavior iff suggestions on "${card.summary}"`).toBe(
      Boolean(card.selectionBehavior),
    );
    for (const link of card.links ?? []) if ('appContext' in link) expect(link.type).toBe('smart');
    // spec §Suggestion: several suggestions may be recommended only "if card.selectionBehavior is any".
    if (card.selectionBehavior !== 'any')
      expect((card.suggestions ?? []).filter((s) => s.isRecommended).length).toBeLessThanOrEqual(1);
    for (const s of card.suggestions ?? []) {
      if (s.uuid) uuids.push(s.uuid);
      for (const a of s.actions ?? [])
        if (a.type === 'delete') expect(a.resourceId).toMatch(/^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]+$/);
    }
    for (const r of card.overrideReasons ?? []) expect(r.display).toBeTruthy();
    if (card.uuid) uuids.push(card.uuid);
  }
  expect(new Set(uuids).size, 'uuids unique').toBe(uuids.length);
}
