/** Helpers for driving the demo SMART server in tests: PKCE pairs, authorize URLs, form posts. */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export const ORIGIN = 'http://localhost:80';
export const FHIR_BASE = `${ORIGIN}/fhir`;
export const REDIRECT = 'https://app.example/app/';

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeQuery(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const base: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: 'cairn-test',
    redirect_uri: REDIRECT,
    scope: 'launch openid fhirUser patient/*.rs',
    state: 'st-1',
    aud: FHIR_BASE,
    code_challenge_method: 'S256',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined));
}

export function authorizePath(query: Record<string, string>): string {
  return `/auth/authorize?${new URLSearchParams(query).toString()}`;
}

export function form(body: Record<string, string>): { payload: string; headers: Record<string, string> } {
  return {
    payload: new URLSearchParams(body).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}

/** The query parameters of a 302's Location. */
export function redirectParams(location: string | string[] | number | undefined): URLSearchParams {
  return new URL(String(location)).searchParams;
}

/** Runs authorize (EHR launch, auto-approved) and the token exchange; returns the token response. */
export async function launchAndExchange(
  app: FastifyInstance,
  launch: string,
  scope: string,
): Promise<Record<string, unknown>> {
  const { verifier, challenge } = pkcePair();
  const res = await app.inject({
    method: 'GET',
    url: authorizePath(authorizeQuery({ launch, scope, code_challenge: challenge })),
  });
  const code = redirectParams(res.headers.location).get('code') ?? '';
  const token = await app.inject({
    method: 'POST',
    url: '/auth/token',
    ...form({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: 'cairn-test',
      code_verifier: verifier,
    }),
  });
  return token.json();
}
