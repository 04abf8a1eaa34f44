/**
 * Which FHIR servers the service may call with a client's `fhirAuthorization` token (an SSRF and token-leak guard:
 * `fhirServer` comes from the request body). Allowed: a base listed in CAIRN_FHIR_ALLOWLIST (an entry ending in `/*`
 * allows every base under that path on the same origin: multi-tenant servers put the tenant in the path, launchers
 * a per-launch segment), or the issuer's own —
 * defined here as a base on the same origin (scheme, host and port) as the verified JWT `iss`. The issuer is
 * trusted by configuration and its JWT is signed, so its own origin is as trusted as the allow-list; another
 * origin is never called just because a request names it. With CDS_AUTH=off there is no verified issuer, so only
 * the allow-list counts.
 */

const trimBase = (url: string): string => url.replace(/\/+$/, '');

function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `https://h/tenants/*` allows `https://h/tenants/abc/r4`, never `https://h/tenants` itself, `https://h/tenantsX`
 * or another origin. Paths are compared after URL normalisation, so `/tenants/../admin` is `/admin` (not under).
 */
function underPrefix(base: string, entry: string): boolean {
  const prefix = entry.slice(0, -'/*'.length);
  try {
    const target = new URL(base);
    const root = new URL(`${trimBase(prefix)}/`);
    return (
      target.origin === root.origin &&
      target.pathname.startsWith(root.pathname) &&
      target.pathname.length > root.pathname.length &&
      target.search === '' &&
      target.hash === ''
    );
  } catch {
    return false;
  }
}

const matchesEntry = (base: string, entry: string): boolean =>
  entry.endsWith('/*') ? underPrefix(base, entry) : trimBase(entry) === base;

/** True when `fhirServer` may receive the client's token. */
export function isAllowedFhirServer(
  fhirServer: string,
  allowlist: readonly string[],
  verifiedIssuer?: string,
): boolean {
  const base = trimBase(fhirServer);
  const origin = originOf(base);
  if (!origin) return false;
  if (allowlist.some((a) => matchesEntry(base, a))) return true;
  return verifiedIssuer !== undefined && originOf(verifiedIssuer) === origin;
}

/** True when `url` lies under `base` (paging links must not lead the token elsewhere). */
export function isUnderBase(url: string, base: string): boolean {
  try {
    const target = new URL(url);
    const root = new URL(`${trimBase(base)}/`);
    return target.origin === root.origin && target.pathname.startsWith(root.pathname);
  } catch {
    return false;
  }
}
