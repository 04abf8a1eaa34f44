/**
 * Prefetch as a CDS Client does it (CDS Hooks 2.0 §"Prefetch template"): substitute `{{context.*}}` and
 * `{{userPractitionerId}}`-style tokens, run each query against the EHR's own data, and send the results.
 * A template that cannot be filled is left out (the service then fetches it itself, or answers 412).
 */
import { FhirError } from '../fhir/errors';
import type { MemoryRepository } from '../fhir/repository';
import { search } from '../fhir/search';

// EHR-internal queries get the whole answer in one Bundle rather than a first page.
const PREFETCH_COUNT = '1000';

/** The template with its tokens filled, or undefined when a token has no value in this context. */
export function fillTemplate(template: string, context: Record<string, unknown>, userId: string): string | undefined {
  let missing = false;
  const userIdOnly = userId.split('/').pop() ?? userId;
  const filled = template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, token: string) => {
    const value = token.startsWith('context.')
      ? context[token.slice('context.'.length)]
      : token === 'userPractitionerId' ||
          token === 'userPractitionerRoleId' ||
          token === 'userPatientId' ||
          token === 'userRelatedPersonId'
        ? userIdOnly
        : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') {
      missing = true;
      return '';
    }
    return encodeURIComponent(String(value));
  });
  return missing ? undefined : filled;
}

function runQuery(repo: MemoryRepository, fhirBase: string, query: string): fhir4.Resource | null {
  const [path = '', rawQuery] = query.split('?');
  const [type = '', id] = path.replace(/^\/+/, '').split('/');
  if (id !== undefined) return repo.read(type, id) ?? null;
  const params = [...new URLSearchParams(rawQuery ?? '').entries()];
  if (!params.some(([k]) => k === '_count')) params.push(['_count', PREFETCH_COUNT]);
  return search(repo, { type, params, base: fhirBase });
}

/** Prefetch results keyed as the templates are; keys the EHR could not satisfy are omitted. */
export function fulfilPrefetch(
  repo: MemoryRepository,
  fhirBase: string,
  templates: Record<string, string>,
  context: Record<string, unknown>,
  userId: string,
): Record<string, fhir4.Resource | null> {
  const out: Record<string, fhir4.Resource | null> = {};
  for (const [key, template] of Object.entries(templates)) {
    const query = fillTemplate(template, context, userId);
    if (query === undefined) continue;
    try {
      out[key] = runQuery(repo, fhirBase, query);
    } catch (error) {
      if (!(error instanceof FhirError)) throw error;
    }
  }
  return out;
}
