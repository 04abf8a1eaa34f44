/**
 * The demo SMART authorization server as a Fastify plugin (register with `prefix: '/auth'`): authorize
 * (EHR launch straight through; standalone launch through a user/patient picker), token, JWKS, OIDC discovery.
 * Public clients only, PKCE S256 required. Open registration: any client_id with an http(s) redirect_uri.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { pageHeaders } from '../../hooks-service/web/security-headers';
import { originOf } from '../origin';
import { checkAuthorize, redirectWith, type AuthorizeRequest, type Query } from './authorize-request';
import { jwksOf, type SigningKey } from './keys';
import { escapeHtml, PICKER_STYLE_SOURCE, renderPickerPage, type PickerOption } from './picker-page';
import { grantableScope, hasScope } from './scopes';
import { smartConfiguration } from './smart-configuration';
import { exchangeToken } from './token-endpoint';
import type { TokenStore } from './token-store';

export interface AuthServerOptions {
  tokens: TokenStore;
  /** RS256 key for id_tokens. */
  idTokenKey: SigningKey;
  /** Users offered on the standalone picker, as `Practitioner/<id>` ids. */
  users: () => readonly PickerOption[];
  /** Patients offered when the app asks for `launch/patient`. */
  patients: () => readonly PickerOption[];
  publicUrl?: string;
  fhirPath?: string;
}

const FORM = 'application/x-www-form-urlencoded';

function toQuery(value: unknown): Query {
  if (value === null || typeof value !== 'object') return {};
  const out: Query = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * The picker page: its inline style by hash, and a form that posts here and is then redirected to the client's
 * redirect_uri. Browsers apply form-action to that redirect too, and registration is open (any http(s)
 * redirect_uri), so the form may lead to any http(s) origin; without this the global 'none' policy blocks Allow.
 */
const PICKER_PAGE = pageHeaders([
  "default-src 'none'",
  `style-src ${PICKER_STYLE_SOURCE}`,
  "form-action 'self' http: https:",
  "base-uri 'none'",
]);

function errorPage(reply: FastifyReply, message: string): FastifyReply {
  return reply
    .code(400)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><meta charset="utf-8"><title>Authorization error</title><p>Authorization request rejected: ${escapeHtml(message)}</p>`,
    );
}

export const authServerPlugin: FastifyPluginAsync<AuthServerOptions> = async (app, opts) => {
  const origin = (r: FastifyRequest): string => originOf(r, opts.publicUrl);
  const fhirBase = (r: FastifyRequest): string => `${origin(r)}${opts.fhirPath ?? '/fhir'}`;
  if (!app.hasContentTypeParser(FORM)) {
    app.addContentTypeParser(FORM, { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
  }

  function issueCode(
    reply: FastifyReply,
    req: AuthorizeRequest,
    context: AuthorizeRequest['launch'] & object,
  ): FastifyReply {
    const code = opts.tokens.issueCode({
      clientId: req.clientId,
      redirectUri: req.redirectUri,
      codeChallenge: req.codeChallenge,
      scope: grantableScope(req.scope),
      ...context,
      ...(req.nonce && { nonce: req.nonce }),
    });
    return reply.redirect(redirectWith(req.redirectUri, { code, state: req.state }), 302);
  }

  async function handleAuthorize(request: FastifyRequest, reply: FastifyReply, query: Query, submitted: boolean) {
    const check = checkAuthorize(query, fhirBase(request));
    if (check.kind === 'fatal') return errorPage(reply, check.message);
    if (check.kind === 'redirect-error') {
      return reply.redirect(
        redirectWith(check.redirectUri, {
          error: check.error,
          error_description: check.description,
          state: check.state,
        }),
        302,
      );
    }
    const req = check.request;
    // EHR launch: the user is already signed in to the EHR and the EHR chose the patient; no consent screen.
    if (req.launch && !submitted)
      return issueCode(reply, req, {
        needPatientBanner: false,
        fhirUser: 'Practitioner/demo-clinician',
        ...req.launch,
      });
    const needsPatient = hasScope(req.scope, 'launch/patient') && !req.launch?.patient;
    if (submitted && query.decision === 'deny') {
      return reply.redirect(
        redirectWith(req.redirectUri, {
          error: 'access_denied',
          error_description: 'the user denied access',
          state: req.state,
        }),
        302,
      );
    }
    const users = opts.users();
    const patientOk = !needsPatient || opts.patients().some((p) => p.id === query.patient);
    const userOk = users.some((u) => u.id === query.user);
    if (submitted && query.decision === 'allow' && patientOk && userOk) {
      return issueCode(reply, req, {
        ...req.launch,
        fhirUser: query.user,
        ...(needsPatient && { patient: query.patient }),
      });
    }
    const page = renderPickerPage({
      request: req,
      query,
      users,
      patients: needsPatient ? opts.patients() : [],
      needsPatient,
      ...(submitted && { error: 'Choose who you are and a patient, then Allow — or Deny.' }),
    });
    return reply
      .code(submitted ? 400 : 200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(page);
  }

  app.get('/authorize', { config: PICKER_PAGE }, async (request, reply) =>
    handleAuthorize(request, reply, toQuery(request.query), false),
  );
  app.post('/authorize', { config: PICKER_PAGE }, async (request, reply) =>
    handleAuthorize(request, reply, toQuery(request.body), true),
  );

  app.options('/token', async (_request, reply) =>
    reply
      .header('access-control-allow-origin', '*')
      .header('access-control-allow-headers', 'content-type, authorization')
      .code(204)
      .send(),
  );
  app.post('/token', async (request, reply) => {
    const result = exchangeToken(toQuery(request.body), {
      tokens: opts.tokens,
      idTokenKey: opts.idTokenKey,
      issuer: `${origin(request)}${app.prefix}`,
      fhirBase: fhirBase(request),
    });
    // RFC 6749 §5.1: token responses SHALL NOT be cached.
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache').header('access-control-allow-origin', '*');
    return reply.code(result.ok ? 200 : result.status).send(result.body);
  });

  app.get('/jwks.json', async (_request, reply) =>
    reply.header('access-control-allow-origin', '*').send(jwksOf(opts.idTokenKey)),
  );
  app.get('/.well-known/openid-configuration', async (request, reply) => {
    const config = smartConfiguration(origin(request), app.prefix);
    return reply
      .header('access-control-allow-origin', '*')
      .send({ ...config, subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'] });
  });
};
