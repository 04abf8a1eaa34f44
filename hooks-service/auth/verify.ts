/**
 * Verifies a CDS Client's JWT (CDS Hooks 2.0 §Trusting CDS Clients): header alg (asymmetric, allow-listed), kid and
 * typ=JWT; iss from the trusted list; signature with the issuer's JWKS (a `jku` only when allow-listed for that
 * issuer); aud = the exact endpoint URL called; exp, iat and jti present; a bounded lifetime; the jti never seen
 * before until it expires. Any failure is an AuthFailure whose reason is log-safe (never the token).
 */
import type { ServiceConfig, TrustedIssuer } from '../config';
import type { JwksCache } from './jwks';
import { decodeJws, verifySignature, type DecodedJws } from './jws';

export class AuthFailure extends Error {
  override readonly name = 'AuthFailure';
  /** `detail`: log-safe context for operators (e.g. why a JWKS download failed), never token content. */
  constructor(
    readonly reason: string,
    readonly detail?: Readonly<Record<string, string>>,
  ) {
    super(`unauthenticated: ${reason}`);
  }
}

export interface VerifyDeps {
  config: Pick<ServiceConfig, 'issuers' | 'algorithms' | 'maxTokenLifetimeSec' | 'clockSkewSec'>;
  jwks: JwksCache;
  now: () => number;
  /** Store.rememberJti: false when already seen. */
  rememberJti: (key: string, expiresAt: Date) => Promise<boolean>;
}

export interface VerifiedClient {
  iss: string;
  jti: string;
  tenant?: string;
}

const HEADER_ALGS_REFUSED = /^(none|HS\d+)$/i;

/** True when a jku may be followed for this issuer: its JWKS URL, an exact entry, or under an entry ending in "/". */
export function isAllowedJku(jku: string, issuer: TrustedIssuer): boolean {
  let href: string;
  try {
    href = new URL(jku).href.replace(/\/+$/, '');
  } catch {
    return false;
  }
  return issuer.jku.some((allowed) => (allowed.endsWith('/') ? href.startsWith(allowed) : href === allowed));
}

function readHeader(jws: DecodedJws, algorithms: readonly string[]): { alg: string; kid: string; jku?: string } {
  const { alg, kid, typ, jku } = jws.header;
  // Spec §JWT Signing Algorithm: `none` and symmetric algorithms SHALL NOT be used.
  if (typeof alg !== 'string' || HEADER_ALGS_REFUSED.test(alg) || !algorithms.includes(alg))
    throw new AuthFailure('algorithm refused');
  if (typeof kid !== 'string' || kid === '') throw new AuthFailure('kid missing');
  if (typ !== 'JWT') throw new AuthFailure('typ must be JWT');
  if (jku !== undefined && typeof jku !== 'string') throw new AuthFailure('jku not a string');
  return { alg, kid, ...(typeof jku === 'string' && { jku }) };
}

/** The registered claims RFC 7519 §4.1 defines, checked after the signature: aud, exp and nbf (with clock skew). */
function checkTimeAndAudience(payload: Record<string, unknown>, audience: string, deps: VerifyDeps): void {
  const { aud, exp, nbf } = payload;
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(audience)) throw new AuthFailure('audience mismatch');
  const nowSec = Math.floor(deps.now() / 1000);
  const skew = deps.config.clockSkewSec;
  if (typeof exp !== 'number') throw new AuthFailure('exp and iat required');
  if (nowSec >= exp + skew) throw new AuthFailure('expired');
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSec + skew)) throw new AuthFailure('not yet valid');
}

function checkClaims(payload: Record<string, unknown>, deps: VerifyDeps): { jti: string; exp: number } {
  const { exp, iat, jti } = payload;
  if (typeof exp !== 'number' || typeof iat !== 'number') throw new AuthFailure('exp and iat required');
  if (typeof jti !== 'string' || jti === '') throw new AuthFailure('jti required');
  // The replay memory is a text column: a jti it cannot store could never be remembered, so it is never accepted.
  if (jti.includes('\u0000') || jti.length > 512) throw new AuthFailure('jti not storable');
  const nowSec = deps.now() / 1000;
  if (iat > nowSec + deps.config.clockSkewSec) throw new AuthFailure('iat in the future');
  if (exp - iat > deps.config.maxTokenLifetimeSec) throw new AuthFailure('lifetime too long');
  return { jti, exp };
}

/** Verifies the token for a call to `audience` (the endpoint URL as the client addressed it). */
export async function verifyClientJwt(token: string, audience: string, deps: VerifyDeps): Promise<VerifiedClient> {
  const jws = decodeJws(token);
  if (!jws) throw new AuthFailure('not a JWT');
  const header = readHeader(jws, deps.config.algorithms);
  const issuer = deps.config.issuers.find((i) => i.iss === jws.payload.iss);
  if (!issuer) throw new AuthFailure('issuer not trusted');
  if (header.jku !== undefined && !isAllowedJku(header.jku, issuer)) throw new AuthFailure('jku not allowed');
  const jwksUrl = header.jku ?? issuer.jwksUrl;
  const key = await deps.jwks.key(jwksUrl, header.kid);
  if (!key) {
    // An outage of the issuer's JWKS and a token naming a key the issuer never published need different fixes.
    const cause = deps.jwks.failure(jwksUrl);
    if (cause) throw new AuthFailure('JWKS download failed', { jwksHost: new URL(jwksUrl).host, cause });
    throw new AuthFailure('unknown kid');
  }
  if (!(await verifySignature(jws, header.alg, key))) throw new AuthFailure('signature invalid');
  checkTimeAndAudience(jws.payload, audience, deps);
  const { jti, exp } = checkClaims(jws.payload, deps);
  // Replay protection: one use per jti per issuer, remembered until the token expires.
  if (!(await deps.rememberJti(`${issuer.iss}|${jti}`, new Date(exp * 1000)))) throw new AuthFailure('jti replayed');
  const tenant = jws.payload.tenant;
  return { iss: issuer.iss, jti, ...(typeof tenant === 'string' && { tenant }) };
}
