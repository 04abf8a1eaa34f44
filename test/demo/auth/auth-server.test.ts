import Fastify, { type FastifyInstance } from 'fastify';
import jwt from 'jsonwebtoken';
import { createHash, createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLaunch } from '../../../demo/auth/launch';
import { createSmartStack, registerSmartStack } from '../../../demo/smart-stack';
import { registerSecurityHeaders } from '../../../hooks-service/web/security-headers';
import {
  authorizePath,
  authorizeQuery,
  form,
  launchAndExchange,
  pkcePair,
  REDIRECT,
  redirectParams,
} from '../smart-helpers';

let app: FastifyInstance;
let clock = Date.parse('2026-01-01T00:00:00Z');

beforeAll(async () => {
  app = Fastify();
  await registerSmartStack(app, createSmartStack({ teachingOnly: true, accessTokenSeconds: 600, now: () => clock }));
});
afterAll(() => app.close());

const exchange = (body: Record<string, string>) => app.inject({ method: 'POST', url: '/auth/token', ...form(body) });

async function codeFor(query: Record<string, string>): Promise<string> {
  const res = await app.inject({ method: 'GET', url: authorizePath(query) });
  expect(res.statusCode).toBe(302);
  return redirectParams(res.headers.location).get('code') ?? '';
}

describe('demo SMART auth server: EHR launch', () => {
  it('returns the launch context, appContext and a verifiable id_token, and the token reads FHIR', async () => {
    const launch = encodeLaunch({
      patient: 'teach-aki',
      appContext: 'finding=aki-kdigo:x',
      smartStyleUrl: 'http://localhost:80/s.json',
    });
    const body = await launchAndExchange(app, launch, 'launch openid fhirUser patient/*.rs');
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 600,
      patient: 'teach-aki',
      need_patient_banner: false,
      appContext: 'finding=aki-kdigo:x',
      smart_style_url: 'http://localhost:80/s.json',
    });
    const jwks = (await app.inject({ method: 'GET', url: '/auth/jwks.json' })).json();
    const key = createPublicKey({ key: jwks.keys[0], format: 'jwk' });
    const claims = jwt.verify(String(body.id_token), key, {
      algorithms: ['RS256'],
      audience: 'cairn-test',
    }) as jwt.JwtPayload;
    expect(claims.fhirUser).toBe('http://localhost:80/fhir/Practitioner/demo-clinician');
    const read = await app.inject({
      method: 'GET',
      url: '/fhir/Patient/teach-aki',
      headers: { authorization: `Bearer ${String(body.access_token)}` },
    });
    expect(read.statusCode).toBe(200);
  });

  it('expires access tokens after the configured lifetime', async () => {
    const body = await launchAndExchange(app, encodeLaunch({ patient: 'teach-aki' }), 'launch patient/*.rs');
    clock += 601_000;
    const read = await app.inject({
      method: 'GET',
      url: '/fhir/Patient/teach-aki',
      headers: { authorization: `Bearer ${String(body.access_token)}` },
    });
    expect(read.statusCode).toBe(401);
  });
});

describe('demo SMART auth server: standalone launch', () => {
  it('shows a user and patient picker, then issues a code for the chosen patient', async () => {
    const { verifier, challenge } = pkcePair();
    const query = authorizeQuery({
      scope: 'launch/patient openid fhirUser patient/*.rs offline_access',
      code_challenge: challenge,
    });
    const page = await app.inject({ method: 'GET', url: authorizePath(query) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rosa Delgado');
    const post = await app.inject({
      method: 'POST',
      url: '/auth/authorize',
      ...form({ ...query, user: 'Practitioner/demo-clinician', patient: 'teach-ckd4-metformin', decision: 'allow' }),
    });
    const params = redirectParams(post.headers.location);
    expect(params.get('state')).toBe('st-1');
    const token = (
      await exchange({
        grant_type: 'authorization_code',
        code: params.get('code') ?? '',
        redirect_uri: REDIRECT,
        client_id: 'cairn-test',
        code_verifier: verifier,
      })
    ).json();
    expect(token).toMatchObject({ patient: 'teach-ckd4-metformin', need_patient_banner: true });
    const refreshed = (
      await exchange({ grant_type: 'refresh_token', refresh_token: token.refresh_token, client_id: 'cairn-test' })
    ).json();
    expect(refreshed.access_token).not.toBe(token.access_token);
    const reuse = await exchange({
      grant_type: 'refresh_token',
      refresh_token: token.refresh_token,
      client_id: 'cairn-test',
    });
    expect(reuse.json().error).toBe('invalid_grant');
  });

  it('redirects with error=access_denied when the user denies', async () => {
    const query = authorizeQuery({ scope: 'launch/patient patient/*.rs', code_challenge: pkcePair().challenge });
    const post = await app.inject({ method: 'POST', url: '/auth/authorize', ...form({ ...query, decision: 'deny' }) });
    const params = redirectParams(post.headers.location);
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe('st-1');
  });
});

describe('demo SMART auth server: refusals', () => {
  it('refuses a wrong code_verifier and a reused code', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(
      authorizeQuery({ launch: encodeLaunch({ patient: 'teach-aki' }), code_challenge: challenge }),
    );
    const base = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: 'cairn-test' };
    expect((await exchange({ ...base, code_verifier: pkcePair().verifier })).json().error).toBe('invalid_grant');
    expect((await exchange({ ...base, code_verifier: verifier })).json().error).toBe('invalid_grant');
  });

  it.each([
    ['aud of another server', { aud: 'https://evil.example/fhir' }],
    ['no PKCE challenge', { code_challenge: undefined }],
    ['plain PKCE', { code_challenge_method: 'plain' }],
  ])('redirects invalid_request for %s', async (_name, overrides) => {
    const res = await app.inject({
      method: 'GET',
      url: authorizePath(authorizeQuery({ code_challenge: pkcePair().challenge, ...overrides })),
    });
    expect(redirectParams(res.headers.location).get('error')).toBe('invalid_request');
  });

  it('never redirects to an unusable redirect_uri', async () => {
    const res = await app.inject({
      method: 'GET',
      url: authorizePath(authorizeQuery({ redirect_uri: 'javascript:alert(1)' })),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers.location).toBeUndefined();
  });

  it('refuses an unsupported grant type', async () => {
    const res = await exchange({ grant_type: 'client_credentials' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('unsupported_grant_type');
  });
});

describe('consent page wording', () => {
  it('describes scopes in plain language', async () => {
    const { describeScopes } = await import('../../../demo/auth/picker-page');
    expect(describeScopes('launch/patient openid fhirUser patient/Observation.rs patient/Condition.read')).toEqual([
      'let you choose a patient',
      'know who you are',
      'read Observation, Condition',
    ]);
  });
});

describe('token store housekeeping', () => {
  it('drops expired grants once many are held', async () => {
    const { TokenStore } = await import('../../../demo/auth/token-store');
    let now = 0;
    const store = new TokenStore({ accessTokenSeconds: 1, now: () => now });
    for (let i = 0; i < 1000; i++) store.issueAccessToken({ clientId: 'c', scope: 's' });
    now = 5_000;
    const { accessToken } = store.issueAccessToken({ clientId: 'c', scope: 's' });
    expect(store.size).toBe(1);
    expect(store.resolveAccessToken(accessToken)).toBeDefined();
  });
});

describe('demo SMART auth server: the picker page under the service security headers', () => {
  it('lets the consent form submit and be redirected to the client, and allows its inline style by hash only', async () => {
    const secured = Fastify();
    registerSecurityHeaders(secured);
    await registerSmartStack(
      secured,
      createSmartStack({ teachingOnly: true, accessTokenSeconds: 600, now: () => clock }),
    );
    const query = authorizeQuery({
      scope: 'launch/patient openid fhirUser patient/*.rs',
      code_challenge: pkcePair().challenge,
    });
    const page = await secured.inject({ method: 'GET', url: authorizePath(query) });
    await secured.close();
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("form-action 'self' http: https:");
    expect(csp).not.toContain('unsafe-inline');
    const style = /<style>([\s\S]*?)<\/style>/.exec(page.body)?.[1] ?? '';
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
