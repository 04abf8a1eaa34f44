/**
 * Signing keys generated at start and held in memory (docs/architecture.md, "Keys and secrets": nothing secret is
 * committed; only public JWKS are published). RS256 for the SMART id_token, ES384 for the demo EHR's
 * CDS Hooks JWTs (CDS Hooks 2.0 "Trusting CDS Clients" recommends ES384/RS384).
 */
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';

export type SigningAlg = 'RS256' | 'ES384';

export interface SigningKey {
  alg: SigningAlg;
  kid: string;
  privateKey: KeyObject;
  /** Public JWK with kid, alg and use, ready for a JWKS document. */
  publicJwk: Record<string, unknown>;
}

export function generateSigningKey(alg: SigningAlg): SigningKey {
  const pair =
    alg === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const jwk = pair.publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  // RFC 7638-style thumbprint as kid: stable for the key, reveals nothing.
  const kid = createHash('sha256').update(JSON.stringify(jwk)).digest('base64url').slice(0, 16);
  return { alg, kid, privateKey: pair.privateKey, publicJwk: { ...jwk, kid, alg, use: 'sig' } };
}

export function jwksOf(...keys: SigningKey[]): { keys: Record<string, unknown>[] } {
  return { keys: keys.map((k) => k.publicJwk) };
}
