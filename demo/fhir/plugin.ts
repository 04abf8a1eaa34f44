/**
 * The demo FHIR R4 server as a Fastify plugin: `metadata`, SMART discovery, read and search over an in-memory
 * repository, guarded by bearer tokens from the demo SMART auth server. Register it with `prefix: '/fhir'`.
 * Read-only in every mode: writes answer 405.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { classifyError, ISSUE_TYPE, STATUS_OF } from '../../hooks-service/errors';
import { accessFor, type Interaction, type ScopeRestrictions } from '../auth/scopes';
import { smartConfiguration } from '../auth/smart-configuration';
import type { Grant, TokenStore } from '../auth/token-store';
import { originOf } from '../origin';
import { capabilityStatement } from './capability';
import { FhirError, operationOutcome } from './errors';
import { patientIdOf, type MemoryRepository } from './repository';
import { search, withinScopes } from './search';

/**
 * 'smart' (the default) needs a bearer token on every read and search. 'open' also serves a request without one,
 * for tools that cannot get a token from the demo (the CDS Hooks Sandbox prefetches from the browser without one;
 * the SMART Launcher proxies upstream without one): opt-in only (CAIRN_DEMO_FHIR_OPEN), never a default.
 */
export type FhirAccess = 'smart' | 'open';

/** What open mode serves a request without a token as: a user allowed to read and search every type (SMART v2). */
export const OPEN_ACCESS_SCOPE = 'user/*.rs';

export interface FhirServerOptions {
  repository: MemoryRepository;
  /** Validates bearer tokens; required unless `access` is 'open'. */
  tokens?: TokenStore;
  access?: FhirAccess;
  /** Public base of the whole demo (scheme://host[:port]); unset = the URL the request came to. */
  publicUrl?: string;
  authPath?: string;
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const TYPE = /^[A-Z][A-Za-z]+$/;
const FORM = 'application/x-www-form-urlencoded';
const FHIR_JSON_TYPE = 'application/fhir+json';

function bearerGrant(request: FastifyRequest, tokens: TokenStore | undefined): Pick<Grant, 'scope' | 'patient'> {
  const header = request.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  const grant = m?.[1] && tokens ? tokens.resolveAccessToken(m[1]) : undefined;
  if (!grant) throw new FhirError('login', 'a valid bearer token is required');
  return grant;
}

interface Limits {
  /** The patient a patient-scoped token is limited to. */
  compartment?: string;
  restrictions?: ScopeRestrictions;
}

/**
 * The grant a request acts under. In open mode a request without a token gets OPEN_ACCESS_SCOPE; one with a token
 * is still checked like in 'smart' mode (a demo EHR launch keeps its patient), unless there is no token store to
 * check it against (test servers that authenticate in front of this one).
 */
function grantOf(request: FastifyRequest, opts: FhirServerOptions): Pick<Grant, 'scope' | 'patient'> {
  const open = opts.access === 'open' && (!request.headers.authorization || opts.tokens === undefined);
  return open ? { scope: OPEN_ACCESS_SCOPE } : bearerGrant(request, opts.tokens);
}

/** What a token limits this interaction to: one patient's compartment, granular scope parameters, or nothing. */
function limitsFor(request: FastifyRequest, opts: FhirServerOptions, type: string, interaction: Interaction): Limits {
  const grant = grantOf(request, opts);
  const access = accessFor(grant.scope, type, interaction);
  if (!access.allowed) throw new FhirError('forbidden', `the token's scopes do not allow ${interaction} on ${type}`);
  const restrictions = access.restrictions ? { restrictions: access.restrictions } : {};
  if (!access.patientOnly) return restrictions;
  if (!grant.patient) throw new FhirError('forbidden', 'patient scopes without a patient in context');
  return { compartment: grant.patient, ...restrictions };
}

/** `Prefer: handling=strict` (FHIR R4 §3.1.1.4, RFC 7240). */
function prefersStrict(request: FastifyRequest): boolean {
  const prefer = request.headers.prefer;
  const values = Array.isArray(prefer) ? prefer.join(',') : (prefer ?? '');
  return values.split(/[,;]/).some((p) => p.trim().toLowerCase() === 'handling=strict');
}

/** False when the client asks for a format other than JSON only (Accept or `_format`). */
function acceptsJson(request: FastifyRequest): boolean {
  const format = new URL(request.url, 'http://local').searchParams.get('_format');
  if (format !== null) return /json/i.test(format);
  const accept = request.headers.accept;
  return accept === undefined || accept === '' || /json|\*\/\*|application\/\*/i.test(accept);
}

function formParams(body: unknown): [string, string][] {
  if (typeof body === 'string') return [...new URLSearchParams(body).entries()];
  if (body === null || typeof body !== 'object') return [];
  return Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string');
}

function sendFhir(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).header('content-type', FHIR_JSON).header('cache-control', 'no-store').send(body);
}

export const fhirServerPlugin: FastifyPluginAsync<FhirServerOptions> = async (app, opts) => {
  const authPath = opts.authPath ?? '/auth';
  const baseOf = (request: FastifyRequest): string => `${originOf(request, opts.publicUrl)}${app.prefix}`;

  // Bearer tokens, no cookies: any origin may call (SMART apps run in the browser; CORS per FHIR §3.1.0.1.6).
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-headers', 'authorization, content-type, accept');
    reply.header('access-control-expose-headers', 'location, content-location');
    // A sandbox page on a public https origin reading this loopback server: Chrome's Private Network Access
    // preflight asks first (WICG private-network-access). Only an open server has anything to offer such a page.
    if (opts.access === 'open' && request.headers['access-control-request-private-network'] === 'true')
      reply.header('access-control-allow-private-network', 'true');
    if (request.method === 'OPTIONS') return reply.code(204).send();
    // FHIR R4 http.html §3.1.0.1.10 (content types): JSON only here, so a request for XML alone gets 406.
    if (!acceptsJson(request)) {
      return sendFhir(
        reply,
        406,
        new FhirError('not-supported', 'this server speaks application/fhir+json only').toOperationOutcome(),
      );
    }
  });
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof FhirError) {
      // RFC 6750 §3: a presented token that is unknown or expired is "invalid_token"; missing scopes "insufficient_scope".
      if (error.status === 401) {
        const presented = request.headers.authorization !== undefined;
        reply.header('www-authenticate', `Bearer realm="cairn-demo"${presented ? ', error="invalid_token"' : ''}`);
      }
      if (error.status === 403 && /scopes/.test(error.publicMessage))
        reply.header('www-authenticate', 'Bearer realm="cairn-demo", error="insufficient_scope"');
      return sendFhir(reply, error.status, error.toOperationOutcome());
    }
    // The framework's own refusals before a route ran (an unreadable, unsupported or oversized body) stay 4xx.
    const { code, message } = classifyError(error);
    if (STATUS_OF[code] < 500) return sendFhir(reply, STATUS_OF[code], operationOutcome(ISSUE_TYPE[code], message));
    request.log.error({ err: { code: (error as { code?: string }).code } }, 'fhir route failed');
    return sendFhir(reply, 500, new FhirError('invalid', 'internal error').toOperationOutcome());
  });

  app.options('/*', async (_request, reply) => reply.code(204).send());
  // A read-only server: writes are refused with 405 and an OperationOutcome (FHIR R4 http.html §3.1.0.4.1),
  // and any other unknown path answers like a FHIR server, not with the web framework's own 404 body.
  const refuseWrite = async (): Promise<never> => {
    throw new FhirError('method-not-allowed', 'this demo FHIR server is read-only');
  };
  // A write's FHIR JSON body is never read, so it reaches the 405 rather than a 415 (the service parses it itself).
  if (!app.hasContentTypeParser(FHIR_JSON_TYPE))
    app.addContentTypeParser(FHIR_JSON_TYPE, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.route({ method: ['PUT', 'PATCH', 'DELETE'], url: '/:type/:id', handler: refuseWrite });
  app.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url: '/:type', handler: refuseWrite });
  app.setNotFoundHandler(async (_request, reply) =>
    sendFhir(reply, 404, new FhirError('not-found', 'no such FHIR endpoint').toOperationOutcome()),
  );
  app.get('/metadata', async (request, reply) =>
    sendFhir(reply, 200, capabilityStatement(baseOf(request), `${originOf(request, opts.publicUrl)}${authPath}`)),
  );
  app.get('/.well-known/smart-configuration', async (request, reply) =>
    reply.header('cache-control', 'no-store').send(smartConfiguration(originOf(request, opts.publicUrl), authPath)),
  );

  app.get<{ Params: { type: string; id: string } }>('/:type/:id', async (request, reply) => {
    const { type, id } = request.params;
    if (!TYPE.test(type)) throw new FhirError('not-supported', 'unknown resource type');
    const { compartment, restrictions } = limitsFor(request, opts, type, 'read');
    const resource = opts.repository.read(type, id);
    if (!resource) throw new FhirError('not-found', `${type}/${id} is not known`);
    const owner = patientIdOf(resource);
    if (compartment !== undefined && owner !== undefined && owner !== compartment) {
      throw new FhirError('forbidden', 'the access token does not cover this patient');
    }
    if (!withinScopes(type, resource, restrictions))
      throw new FhirError('forbidden', 'the granted scopes do not cover this resource');
    return sendFhir(reply, 200, resource);
  });

  function runSearch(request: FastifyRequest, reply: FastifyReply, type: string, params: [string, string][]) {
    if (!TYPE.test(type)) throw new FhirError('not-supported', 'unknown resource type');
    const { compartment, restrictions } = limitsFor(request, opts, type, 'search');
    const bundle = search(opts.repository, {
      type,
      params,
      base: baseOf(request),
      strict: prefersStrict(request),
      ...(compartment !== undefined && { compartment }),
      ...(restrictions && { restrictions }),
    });
    return sendFhir(reply, 200, bundle);
  }

  const queryOf = (request: FastifyRequest): [string, string][] => [
    ...new URL(request.url, 'http://local').searchParams.entries(),
  ];
  app.get<{ Params: { type: string } }>('/:type', async (request, reply) =>
    runSearch(request, reply, request.params.type, queryOf(request)),
  );
  // FHIR R4 §3.1.0.7 (http.html#search): search by POST to [type]/_search with a form body; URL parameters count too.
  if (!app.hasContentTypeParser(FORM))
    app.addContentTypeParser(FORM, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post<{ Params: { type: string } }>('/:type/_search', async (request, reply) =>
    runSearch(request, reply, request.params.type, [...queryOf(request), ...formParams(request.body)]),
  );
};
