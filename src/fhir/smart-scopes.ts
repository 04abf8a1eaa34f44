/**
 * What a SMART access token lets us read, from its `scope` string. SMART App Launch 2 (§Scopes for requesting
 * clinical data) writes `patient/Observation.rs` (r = read, s = search, optionally with a `?param=value` filter);
 * SMART 1 wrote `patient/Observation.read` (read and search) and `*.*`. CDS Hooks 3.0 moves `fhirAuthorization.scope`
 * to SMART 2 (§Passing the Access Token); 2.0 clients send SMART 1: both are read here.
 */

export type Interaction = 'read' | 'search';

export interface ScopeGrants {
  /** True when some scope grants `interaction` on `type` (a `?filter` still counts: the server narrows it). */
  allows(type: string, interaction: Interaction): boolean;
}

// context/type.permissions — context patient|user|system; SMART 1: read|write|*; SMART 2: c r u d s, in that order.
const SCOPE = /^(?:patient|user|system)\/([A-Za-z]+|\*)\.(read|write|\*|c?r?u?d?s?)(?:\?\S*)?$/;

function permits(permissions: string, interaction: Interaction): boolean {
  if (permissions === 'read' || permissions === '*') return true;
  if (permissions === 'write') return false;
  return permissions.includes(interaction === 'read' ? 'r' : 's');
}

export function parseScopes(scope: string): ScopeGrants {
  const granted: { type: string; permissions: string }[] = [];
  for (const item of scope.split(/\s+/)) {
    const m = SCOPE.exec(item);
    if (m?.[1] && m[2]) granted.push({ type: m[1], permissions: m[2] });
  }
  // A scope naming no SMART resource scope at all (an opaque value some clients send) restricts nothing here:
  // the FHIR server decides, as it would anyway.
  if (granted.length === 0) return { allows: () => true };
  return {
    allows: (type, interaction) =>
      granted.some((g) => (g.type === '*' || g.type === type) && permits(g.permissions, interaction)),
  };
}
