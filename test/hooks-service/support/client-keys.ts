/** Test CDS Client keys and JWTs: ES384/RS384 key pairs, JWKS documents, and tokens good or deliberately bad. */
import { createHmac, generateKeyPairSync, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export interface TestKey {
  kid: string;
  alg: 'ES384' | 'RS384';
  privateKey: KeyObject;
  publicJwk: JsonWebKey;
}

export function makeKey(alg: 'ES384' | 'RS384', kid = `${alg.toLowerCase()}-${randomUUID().slice(0, 8)}`): TestKey {
  const pair =
    alg === 'ES384'
      ? generateKeyPairSync('ec', { namedCurve: 'P-384' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid,
    alg,
    privateKey: pair.privateKey,
    publicJwk: { ...pair.publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' },
  };
}

export const jwksOf = (...keys: TestKey[]) => ({ keys: keys.map((k) => k.publicJwk) });

export interface TokenOptions {
  iss: string;
  aud: string | string[];
  /** Seconds since epoch; default now. */
  iat?: number;
  lifetime?: number;
  jti?: string;
  nbf?: number;
  header?: Record<string, unknown>;
  omit?: ('exp' | 'iat' | 'jti' | 'kid' | 'typ')[];
}

/** A signed client JWT; `omit` drops claims or header fields to build the failure cases. */
export function signToken(key: TestKey, o: TokenOptions): string {
  const iat = o.iat ?? Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: o.iss,
    aud: o.aud,
    iat,
    exp: iat + (o.lifetime ?? 300),
    jti: o.jti ?? randomUUID(),
  };
  if (o.nbf !== undefined) claims.nbf = o.nbf;
  for (const c of o.omit ?? []) if (c === 'exp' || c === 'iat' || c === 'jti') delete claims[c];
  const header: Record<string, unknown> = { alg: key.alg, typ: 'JWT', kid: key.kid, ...o.header };
  // jsonwebtoken fills typ unless the header overrides it, so an omitted field is set to undefined (dropped by JSON).
  for (const h of o.omit ?? []) if (h === 'kid' || h === 'typ') header[h] = undefined;
  return jwt.sign(claims, key.privateKey, {
    algorithm: key.alg,
    header: header as unknown as jwt.JwtHeader,
    noTimestamp: claims.iat === undefined,
  });
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** An unsigned token (`alg: none`). */
export function unsignedToken(kid: string, claims: Record<string, unknown>): string {
  return `${b64({ alg: 'none', typ: 'JWT', kid })}.${b64(claims)}.`;
}

/** HS256 signed with the issuer's *public* key as the secret: the classic algorithm-confusion attack. */
export function hmacWithPublicKey(key: TestKey, claims: Record<string, unknown>): string {
  const head = `${b64({ alg: 'HS256', typ: 'JWT', kid: key.kid })}.${b64(claims)}`;
  const secret = JSON.stringify(key.publicJwk);
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

/** Same header and signature, payload changed after signing. */
export function tamper(token: string, change: Record<string, unknown>): string {
  const [h, p, s] = token.split('.');
  const payload = { ...JSON.parse(Buffer.from(p ?? '', 'base64url').toString('utf8')), ...change };
  return `${h}.${b64(payload)}.${s}`;
}
