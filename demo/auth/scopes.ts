/**
 * SMART App Launch scopes (v1 `patient/Observation.read`, v2 `patient/Observation.rs`), reduced to what a
 * read-only FHIR server needs: may this token read or search this type, and only in one patient's compartment?
 * Granular v2 scopes (`patient/Observation.rs?category=…`, SMART 2.x §"Finer-grained resource constraints using
 * search parameters") narrow access to the resources matching their search parameters; never the whole type.
 */

export type Interaction = 'read' | 'search';

interface ResourceScope {
  context: 'patient' | 'user' | 'system';
  type: string;
  read: boolean;
  search: boolean;
  /** Search parameters of a granular scope; the grant covers only resources matching all of them. */
  query?: [string, string][];
}

/** Search parameters a resource must match, one list per granting scope (any list suffices). */
export type ScopeRestrictions = readonly (readonly [string, string][])[];

const RESOURCE_SCOPE = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(?:\?(.*))?$/;

function permissions(action: string): { read: boolean; search: boolean } {
  if (action === 'read' || action === '*') return { read: true, search: true };
  if (/^c?r?u?d?s?$/.test(action)) return { read: action.includes('r'), search: action.includes('s') };
  return { read: false, search: false };
}

export function parseResourceScopes(scope: string): ResourceScope[] {
  const out: ResourceScope[] = [];
  for (const item of scope.split(/\s+/)) {
    const m = RESOURCE_SCOPE.exec(item);
    if (!m) continue;
    const query = m[4] ? [...new URLSearchParams(m[4]).entries()] : [];
    out.push({
      context: m[1] as ResourceScope['context'],
      type: m[2] ?? '',
      ...permissions(m[3] ?? ''),
      ...(query.length > 0 && { query }),
    });
  }
  return out;
}

export type Access = { allowed: false } | { allowed: true; patientOnly: boolean; restrictions?: ScopeRestrictions };

/**
 * Whether `scope` grants `interaction` on `type`; user/system scopes win over patient scopes, and a scope without
 * search parameters wins over granular ones. With only granular scopes, `restrictions` says what they cover.
 */
export function accessFor(scope: string, type: string, interaction: Interaction): Access {
  const grants = parseResourceScopes(scope).filter((g) => (g.type === '*' || g.type === type) && g[interaction]);
  if (grants.length === 0) return { allowed: false };
  const patientOnly = grants.every((g) => g.context === 'patient');
  if (grants.some((g) => !g.query)) return { allowed: true, patientOnly };
  return { allowed: true, patientOnly, restrictions: grants.map((g) => g.query ?? []) };
}

/** The read part of a scope's action: v1 `read` (or `*`) stays `read`; v2 keeps `r` and `s`; writes go. */
function readPart(action: string): string | undefined {
  if (action === 'read' || action === '*') return 'read';
  if (!/^c?r?u?d?s?$/.test(action)) return undefined;
  const kept = action.replace(/[cud]/g, '');
  return kept === '' ? undefined : kept;
}

/**
 * What this read-only server grants of a requested scope string: resource scopes lose their write permissions
 * (and go when nothing is left); other scopes pass unchanged. SMART 2.x: the token response `scope` may differ
 * from the request, and must say what was actually granted.
 */
export function grantableScope(requested: string): string {
  return requested
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((item) => {
      const m = RESOURCE_SCOPE.exec(item);
      if (!m) return [item];
      const action = readPart(m[3] ?? '');
      return action ? [`${m[1] ?? ''}/${m[2] ?? ''}.${action}${m[4] ? `?${m[4]}` : ''}`] : [];
    })
    .join(' ');
}

export function hasScope(scope: string, wanted: string): boolean {
  return scope.split(/\s+/).includes(wanted);
}
