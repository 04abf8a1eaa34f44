/**
 * The token endpoint (RFC 6749 §4.1.3, §6; RFC 7636 §4.6; SMART App Launch 2.x §"Obtain access token"):
 * authorization_code with PKCE S256 required, refresh_token with rotation, launch context in the response.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { SigningKey } from './keys';
import { hasScope } from './scopes';
import type { Grant, TokenStore } from './token-store';

export type TokenResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; status: 400 | 401; body: { error: string; error_description: string } };

export interface TokenEndpointDeps {
  tokens: TokenStore;
  idTokenKey: SigningKey;
  /** `${origin}/auth`, the id_token issuer. */
  issuer: string;
  fhirBase: string;
}

const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

function fail(error: string, description: string): TokenResult {
  return { ok: false, status: 400, body: { error, error_description: description } };
}

function pkceMatches(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

function idToken(grant: Grant, deps: TokenEndpointDeps, nonce: string | undefined): string | undefined {
  const wantsIdentity =
    hasScope(grant.scope, 'openid') && (hasScope(grant.scope, 'fhirUser') || hasScope(grant.scope, 'profile'));
  if (!wantsIdentity || !grant.fhirUser) return undefined;
  const claims = { fhirUser: `${deps.fhirBase}/${grant.fhirUser}`, ...(nonce && { nonce }) };
  return jwt.sign(claims, deps.idTokenKey.privateKey, {
    algorithm: 'RS256',
    keyid: deps.idTokenKey.kid,
    issuer: deps.issuer,
    audience: grant.clientId,
    subject: grant.fhirUser.split('/').pop() ?? grant.fhirUser,
    expiresIn: 3600,
  });
}

/** `accessScope` narrows the access token only: a rotated refresh token keeps the original scope (RFC 6749 §6). */
function tokenResponse(
  grant: Grant,
  deps: TokenEndpointDeps,
  nonce?: string,
  accessScope = grant.scope,
): Record<string, unknown> {
  const { accessToken, expiresIn } = deps.tokens.issueAccessToken({ ...grant, scope: accessScope });
  const offline = hasScope(grant.scope, 'offline_access') || hasScope(grant.scope, 'online_access');
  const id = idToken(grant, deps, nonce);
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: expiresIn,
    scope: accessScope,
    ...(id && { id_token: id }),
    ...(offline && { refresh_token: deps.tokens.issueRefreshToken(grant) }),
    ...(grant.patient && { patient: grant.patient }),
    ...(grant.encounter && { encounter: grant.encounter }),
    need_patient_banner: grant.needPatientBanner ?? true,
    ...(grant.smartStyleUrl && { smart_style_url: grant.smartStyleUrl }),
    // CDS Hooks 2.0 §Link: the EHR passes a SMART link's appContext to the app in the token response.
    ...(grant.appContext && { appContext: grant.appContext }),
  };
}

/** RFC 6749 §6: a refresh may narrow the scope, never widen it ("invalid_scope" otherwise). */
function narrowScope(granted: string, asked: string | undefined): string | undefined {
  if (asked === undefined || asked.trim() === '') return granted;
  const have = new Set(granted.split(/\s+/));
  const wanted = asked.trim().split(/\s+/);
  return wanted.every((s) => have.has(s)) ? wanted.join(' ') : undefined;
}

// RFC 6749 §5.2: a missing required parameter is `invalid_request`; a bad code, verifier or redirect_uri is
// `invalid_grant` (RFC 7636 §4.6 for the verifier).
function exchangeCode(form: Record<string, string | undefined>, deps: TokenEndpointDeps): TokenResult {
  if (!form.code) return fail('invalid_request', 'code is required');
  if (!form.redirect_uri) return fail('invalid_request', 'redirect_uri is required');
  if (!form.client_id) return fail('invalid_request', 'client_id is required for public clients');
  if (!form.code_verifier) return fail('invalid_request', 'code_verifier is required');
  // The code is consumed by any attempt, failed or not (RFC 6749 §10.5: single use).
  const grant = deps.tokens.takeCode(form.code);
  if (!grant) return fail('invalid_grant', 'the code is unknown, used or expired');
  if (form.client_id !== grant.clientId) return fail('invalid_grant', 'client_id does not match the code');
  if (form.redirect_uri !== grant.redirectUri) return fail('invalid_grant', 'redirect_uri does not match the code');
  if (!VERIFIER.test(form.code_verifier) || !pkceMatches(form.code_verifier, grant.codeChallenge)) {
    return fail('invalid_grant', 'code_verifier does not match');
  }
  const { redirectUri: _r, codeChallenge: _c, nonce, ...context } = grant;
  return { ok: true, body: tokenResponse(context, deps, nonce) };
}

function exchangeRefresh(form: Record<string, string | undefined>, deps: TokenEndpointDeps): TokenResult {
  if (!form.refresh_token) return fail('invalid_request', 'refresh_token is required');
  const grant = deps.tokens.takeRefreshToken(form.refresh_token);
  if (!grant) return fail('invalid_grant', 'the refresh token is unknown, used or expired');
  if (form.client_id !== undefined && form.client_id !== grant.clientId)
    return fail('invalid_grant', 'client_id does not match');
  const scope = narrowScope(grant.scope, form.scope);
  if (scope === undefined) return fail('invalid_scope', 'a refresh cannot add scopes to the original grant');
  return { ok: true, body: tokenResponse(grant, deps, undefined, scope) };
}

/** Answers one token request; `form` is the parsed application/x-www-form-urlencoded body. */
export function exchangeToken(form: Record<string, string | undefined>, deps: TokenEndpointDeps): TokenResult {
  if (!form.grant_type) return fail('invalid_request', 'grant_type is required');
  if (form.grant_type === 'authorization_code') return exchangeCode(form, deps);
  if (form.grant_type === 'refresh_token') return exchangeRefresh(form, deps);
  return fail('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
}
