import { generateKeyPairSync, sign, constants, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeJws, verifySignature } from '../../../hooks-service/auth/jws';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function token(alg: string, privateKey: KeyObject, hash: string, options: Record<string, unknown> = {}): string {
  const input = `${b64({ alg, typ: 'JWT', kid: 'k1' })}.${b64({ iss: 'https://ehr.example.org', jti: 'j1' })}`;
  return `${input}.${sign(hash, Buffer.from(input), { key: privateKey, ...options }).toString('base64url')}`;
}

const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const decoded = (t: string) => decodeJws(t) ?? expect.fail('not decoded');

describe('JWS signature check (RFC 7515, RFC 7518 §3)', () => {
  it('accepts ES384 (checked off the event loop), RS384 and PS384 signatures by the right key', async () => {
    expect(
      await verifySignature(
        decoded(token('ES384', p384.privateKey, 'sha384', { dsaEncoding: 'ieee-p1363' })),
        'ES384',
        p384.publicKey,
      ),
    ).toBe(true);
    expect(await verifySignature(decoded(token('RS384', rsa.privateKey, 'sha384')), 'RS384', rsa.publicKey)).toBe(true);
    const pss = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST };
    expect(await verifySignature(decoded(token('PS384', rsa.privateKey, 'sha384', pss)), 'PS384', rsa.publicKey)).toBe(
      true,
    );
  });

  it('refuses a tampered payload, a DER-encoded ECDSA signature and a key of another curve or type', async () => {
    const good = token('ES384', p384.privateKey, 'sha384', { dsaEncoding: 'ieee-p1363' });
    const [h, , s] = good.split('.');
    expect(
      await verifySignature(decoded(`${h}.${b64({ iss: 'https://evil.example' })}.${s}`), 'ES384', p384.publicKey),
    ).toBe(false);
    expect(await verifySignature(decoded(token('ES384', p384.privateKey, 'sha384')), 'ES384', p384.publicKey)).toBe(
      false,
    );
    expect(
      await verifySignature(
        decoded(token('ES384', p256.privateKey, 'sha384', { dsaEncoding: 'ieee-p1363' })),
        'ES384',
        p256.publicKey,
      ),
    ).toBe(false);
    // Algorithm confusion: an RS384 signature presented with an EC key, or an ES384 one with an RSA key.
    expect(await verifySignature(decoded(token('RS384', rsa.privateKey, 'sha384')), 'RS384', p384.publicKey)).toBe(
      false,
    );
    expect(await verifySignature(decoded(good), 'ES384', rsa.publicKey)).toBe(false);
    expect(await verifySignature(decoded(good), 'HS256', p384.publicKey)).toBe(false);
  });

  it('decodes only three-part tokens whose header and payload are JSON objects', () => {
    expect(decodeJws('a.b')).toBeUndefined();
    expect(decodeJws(`${b64([1])}.${b64({})}.x`)).toBeUndefined();
    expect(decodeJws(`${b64({ alg: 'ES384' })}.not-json.x`)).toBeUndefined();
    expect(decodeJws(`${b64({ alg: 'ES384' })}.${b64({ a: 1 })}.`)?.payload).toEqual({ a: 1 });
  });
});
