/**
 * The demo SMART authorization server checked as a black box against SMART App Launch 2.x (app-launch.html,
 * conformance.html) and RFC 6749 / RFC 7636: discovery, authorize refusals, token errors, refresh.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLaunch } from '../../../demo/auth/launch';
import { createSmartStack, registerSmartStack } from '../../../demo/smart-stack';
import { authorizePath, authorizeQuery, FHIR_BASE, form, pkcePair, REDIRECT, redirectParams } from '../smart-helpers';

let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  await registerSmartStack(app, createSmartStack({ teachingOnly: true }));
});
afterAll(() => app.close());

const exchange = (body: Record<string, string>) => app.inject({ method: 'POST', url: '/auth/token', ...form(body) });

/** An EHR-launch code with its verifier and the token-request fields that go with it. */
async function freshCode(scope = 'launch openid fhirUser offline_access patient/*.rs') {
  const { verifier, challenge } = pkcePair();
  const res = await app.inject({
    method: 'GET',
    url: authorizePath(
      authorizeQuery({ launch: encodeLaunch({ patient: 'teach-aki' }), scope, code_challenge: challenge }),
    ),
  });
  const code = redirectParams(res.headers.location).get('code') ?? '';
  return {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT,
    client_id: 'cairn-test',
    code_verifier: verifier,
  };
}

describe('.well-known/smart-configuration (SMART 2.x conformance)', () => {
  it('carries every required field, S256 and never plain', async () => {
    const res = await app.inject({ method: 'GET', url: '/fhir/.well-known/smart-configuration' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = res.json();
    for (const field of [
      'authorization_endpoint',
      'token_endpoint',
      'grant_types_supported',
      'capabilities',
      'code_challenge_methods_supported',
    ]) {
      expect(doc, field).toHaveProperty(field);
    }
    // "issuer" and "jwks_uri" are required when sso-openid-connect is offered.
    expect(doc.capabilities).toContain('sso-openid-connect');
    expect(doc.issuer).toMatch(/^http/);
    expect(doc.jwks_uri).toMatch(/^http/);
    expect(doc.code_challenge_methods_supported).toContain('S256');
    expect(doc.code_challenge_methods_supported).not.toContain('plain');
    expect(doc.grant_types_supported).toContain('authorization_code');
    expect(doc.response_types_supported).toContain('code');
    expect(doc.scopes_supported).toEqual(expect.arrayContaining(['openid', 'fhirUser', 'launch', 'launch/patient']));
    // Refresh tokens are offered for online_access and offline_access, and the capabilities say so.
    expect(doc.capabilities).toEqual(expect.arrayContaining(['permission-online', 'permission-offline']));
    expect(doc.grant_types_supported).toContain('refresh_token');
  });

  it('agrees with the OpenID configuration at {issuer}/.well-known/openid-configuration', async () => {
    const smart = (await app.inject({ method: 'GET', url: '/fhir/.well-known/smart-configuration' })).json();
    const path = new URL(`${String(smart.issuer)}/.well-known/openid-configuration`).pathname;
    const oidc = (await app.inject({ method: 'GET', url: path })).json();
    expect(oidc.issuer).toBe(smart.issuer);
    expect(oidc.jwks_uri).toBe(smart.jwks_uri);
  });

  it('names the same OAuth endpoints in the CapabilityStatement oauth-uris extension', async () => {
    const meta = (await app.inject({ method: 'GET', url: '/fhir/metadata' })).json();
    const smart = (await app.inject({ method: 'GET', url: '/fhir/.well-known/smart-configuration' })).json();
    const security = meta.rest[0].security;
    expect(security.service[0].coding[0].code).toBe('SMART-on-FHIR');
    const uris = security.extension.find(
      (e: { url: string }) => e.url === 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
    );
    const value = (name: string) => uris.extension.find((e: { url: string }) => e.url === name)?.valueUri;
    expect(value('authorize')).toBe(smart.authorization_endpoint);
    expect(value('token')).toBe(smart.token_endpoint);
  });
});

describe('authorize refusals', () => {
  it.each([
    ['no aud', { aud: undefined }, 'invalid_request'],
    ['aud with another path', { aud: `${FHIR_BASE}/other` }, 'invalid_request'],
    ['no state', { state: undefined }, 'invalid_request'],
    ['response_type token', { response_type: 'token' }, 'unsupported_response_type'],
  ])('redirects an error for %s, echoing state', async (_name, overrides, error) => {
    const res = await app.inject({
      method: 'GET',
      url: authorizePath(authorizeQuery({ code_challenge: pkcePair().challenge, ...overrides })),
    });
    expect(res.statusCode).toBe(302);
    const params = redirectParams(res.headers.location);
    expect(params.get('error')).toBe(error);
    expect(params.get('code')).toBeNull();
    if ('state' in overrides) expect(params.get('state')).toBeNull();
    else expect(params.get('state')).toBe('st-1');
  });

  it('accepts an aud with a trailing slash', async () => {
    const res = await app.inject({
      method: 'GET',
      url: authorizePath(
        authorizeQuery({
          aud: `${FHIR_BASE}/`,
          launch: encodeLaunch({ patient: 'teach-aki' }),
          code_challenge: pkcePair().challenge,
        }),
      ),
    });
    expect(redirectParams(res.headers.location).get('code')).toBeTruthy();
  });
});

describe('token endpoint errors (RFC 6749 §5.2)', () => {
  it('answers 400 JSON with no-store for every refusal', async () => {
    const res = await exchange({
      grant_type: 'authorization_code',
      code: 'nope',
      redirect_uri: REDIRECT,
      client_id: 'x',
      code_verifier: pkcePair().verifier,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.any(String) });
  });

  it.each(['grant_type', 'code', 'redirect_uri', 'client_id', 'code_verifier'])(
    'answers invalid_request when %s is missing',
    async (name) => {
      const body: Record<string, string> = { ...(await freshCode()) };
      delete body[name];
      const res = await exchange(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid_request');
    },
  );

  it('refuses a PKCE verifier that does not match the challenge', async () => {
    const fields = await freshCode();
    const res = await exchange({ ...fields, code_verifier: pkcePair().verifier });
    expect(res.json().error).toBe('invalid_grant');
  });

  it('refuses a redirect_uri other than the one authorized', async () => {
    const fields = await freshCode();
    const res = await exchange({ ...fields, redirect_uri: 'https://app.example/other/' });
    expect(res.json().error).toBe('invalid_grant');
  });

  it('redeems a code once only, and a replay revokes the tokens the code gave (RFC 6749 §4.1.2)', async () => {
    const fields = await freshCode();
    const first = await exchange(fields);
    expect(first.statusCode).toBe(200);
    const { access_token: access, refresh_token: refresh } = first.json();
    const read = () =>
      app.inject({
        method: 'GET',
        url: '/fhir/Patient/teach-aki',
        headers: { authorization: `Bearer ${String(access)}` },
      });
    expect((await read()).statusCode).toBe(200);
    const again = await exchange(fields);
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toBe('invalid_grant');
    expect((await read()).statusCode).toBe(401);
    expect((await exchange({ grant_type: 'refresh_token', refresh_token: String(refresh) })).json().error).toBe(
      'invalid_grant',
    );
  });
});

describe('token response and refresh', () => {
  it('returns the launch context, scope and a refresh token for offline_access, uncached', async () => {
    const res = await exchange(await freshCode());
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({
      token_type: 'Bearer',
      expires_in: expect.any(Number),
      scope: expect.stringContaining('patient/*.rs'),
      patient: 'teach-aki',
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      id_token: expect.any(String),
    });
  });

  it('rotates refresh tokens: the new one works, the old one is refused', async () => {
    const first = (await exchange(await freshCode())).json();
    const refreshed = await exchange({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      client_id: 'cairn-test',
    });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json()).toMatchObject({
      access_token: expect.any(String),
      patient: 'teach-aki',
      scope: first.scope,
    });
    const reused = await exchange({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reused.json().error).toBe('invalid_grant');
  });

  it('narrows the scope on request and refuses to widen it', async () => {
    const first = (await exchange(await freshCode())).json();
    const narrowed = (
      await exchange({ grant_type: 'refresh_token', refresh_token: first.refresh_token, scope: 'patient/*.rs' })
    ).json();
    expect(narrowed.scope).toBe('patient/*.rs');
    const wider = await exchange({
      grant_type: 'refresh_token',
      refresh_token: narrowed.refresh_token,
      scope: 'patient/*.rs user/*.rs',
    });
    expect(wider.statusCode).toBe(400);
    expect(wider.json().error).toBe('invalid_scope');
  });

  it('answers invalid_request for a refresh without refresh_token', async () => {
    const res = await exchange({ grant_type: 'refresh_token' });
    expect(res.json().error).toBe('invalid_request');
  });
});

describe('granted scope', () => {
  it('grants read and search only, and says so in the token response scope', async () => {
    const body = (
      await exchange(
        await freshCode(
          'launch openid fhirUser patient/Observation.cruds patient/Condition.write patient/*.read user/Patient.cud',
        ),
      )
    ).json();
    expect(body.scope).toBe('launch openid fhirUser patient/Observation.rs patient/*.read');
  });
});
