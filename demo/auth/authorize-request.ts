/**
 * Validation of a SMART authorization request (SMART App Launch 2.x §"Obtain authorization code";
 * RFC 6749 §4.1.1, §4.1.2.1). Until `redirect_uri` is known to be a usable URL, errors are shown to the user,
 * never redirected (RFC 6749 §4.1.2.1).
 */
import { decodeLaunch } from './launch';
import type { LaunchContext } from './token-store';

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge: string;
  launch?: LaunchContext;
  nonce?: string;
}

export type AuthorizeCheck =
  | { kind: 'ok'; request: AuthorizeRequest }
  | { kind: 'fatal'; message: string }
  | { kind: 'redirect-error'; redirectUri: string; state?: string; error: string; description: string };

export type Query = Record<string, string | undefined>;

function isHttpUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const trimSlash = (s: string): string => s.replace(/\/+$/, '');
// RFC 7636 §4.2: the S256 challenge is BASE64URL(SHA256(verifier)), 43 characters.
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** Checks the query of GET /authorize (or the form of POST /authorize) against the FHIR base it must name. */
export function checkAuthorize(q: Query, fhirBase: string): AuthorizeCheck {
  if (!q.client_id) return { kind: 'fatal', message: 'client_id is missing' };
  if (!isHttpUrl(q.redirect_uri)) return { kind: 'fatal', message: 'redirect_uri is missing or not an http(s) URL' };
  const fail = (error: string, description: string): AuthorizeCheck => ({
    kind: 'redirect-error',
    redirectUri: q.redirect_uri ?? '',
    error,
    description,
    ...(q.state && { state: q.state }),
  });
  if (q.response_type !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  if (!q.state) return fail('invalid_request', 'state is required');
  if (!q.scope) return fail('invalid_scope', 'scope is required');
  // SMART: the EHR's authorization server SHALL reject an aud that is not its FHIR base (token phishing).
  if (!q.aud || trimSlash(q.aud) !== trimSlash(fhirBase))
    return fail('invalid_request', 'aud does not name this FHIR server');
  if (q.code_challenge_method !== 'S256' || !CHALLENGE.test(q.code_challenge ?? '')) {
    return fail('invalid_request', 'PKCE with code_challenge_method S256 is required');
  }
  const launch = q.launch === undefined ? undefined : decodeLaunch(q.launch);
  if (q.launch !== undefined && !launch) return fail('invalid_request', 'launch is not valid');
  return {
    kind: 'ok',
    request: {
      clientId: q.client_id,
      redirectUri: q.redirect_uri,
      scope: q.scope,
      state: q.state,
      codeChallenge: q.code_challenge ?? '',
      ...(launch && { launch }),
      ...(q.nonce && { nonce: q.nonce }),
    },
  };
}

/** `redirect_uri` with the given query parameters added (keeps any it already has). */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}
