/**
 * The demo EHR's server side (register with `prefix: '/demo-ehr'`): its JWKS, its own chart API, and the CDS
 * Client proxy that signs each hook and feedback call with the EHR's ES384 key (the key never leaves the server).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { encodeLaunch } from '../auth/launch';
import { jwksOf, type SigningKey } from '../auth/keys';
import type { TokenStore } from '../auth/token-store';
import type { MemoryRepository } from '../fhir/repository';
import { originOf } from '../origin';
import { CATALOG, searchCatalog } from './catalog';
import { callService, discover, sendFeedback, type CdsClientDeps } from './cds-client';
import { chartOf, patientRows } from './chart';
import { DEMO_USER } from './demo-user';
import { hookInputOf, type HookBody } from './hook-input';
import { buildHookRequest, redactForInspector } from './hook-request';
import { fulfilPrefetch } from './prefetch';

export interface DemoEhrOptions {
  repository: MemoryRepository;
  tokens: TokenStore;
  ehrKey: SigningKey;
  /** The EHR's JWT issuer. Fixed, because a CDS service trusts an issuer by name; unset = `{origin}/demo-ehr`. */
  issuer?: string;
  publicUrl?: string;
  now?: () => Date;
  fetch?: typeof fetch;
}

interface DiscoveredService {
  id: string;
  hook: string;
  prefetch?: Record<string, string>;
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function servicesOf(body: unknown): DiscoveredService[] {
  const list = (body as { services?: unknown } | null)?.services;
  if (!Array.isArray(list)) return [];
  return (list as unknown[]).filter((s): s is DiscoveredService => {
    const service = s as { id?: unknown; hook?: unknown } | null;
    return typeof service?.id === 'string' && typeof service.hook === 'string';
  });
}

export const demoEhrPlugin: FastifyPluginAsync<DemoEhrOptions> = async (app, opts) => {
  const origin = (r: FastifyRequest): string => originOf(r, opts.publicUrl);
  const today = (): string => (opts.now ?? (() => new Date()))().toISOString();
  const client = (r: FastifyRequest): CdsClientDeps => ({
    key: opts.ehrKey,
    issuer: opts.issuer ?? `${origin(r)}${app.prefix}`,
    ...(opts.fetch && { fetch: opts.fetch }),
  });
  const serviceUrl = (r: FastifyRequest, asked: unknown): string => (isHttpUrl(asked) ? asked : origin(r));

  app.get('/.well-known/jwks.json', async (_r, reply) =>
    reply.header('access-control-allow-origin', '*').send(jwksOf(opts.ehrKey)),
  );
  app.get('/smart-style.json', async () => ({
    color_background: '#f4f6f8',
    color_highlight: '#1d5fa8',
    font_family_body: 'system-ui, sans-serif',
    dim_border_radius: '6px',
  }));
  app.get('/api/patients', async () => patientRows(opts.repository, today()));
  app.get<{ Params: { id: string } }>('/api/chart/:id', async (request, reply) => {
    const chart = chartOf(opts.repository, request.params.id, today());
    return chart ?? reply.code(404).send({ error: 'unknown patient' });
  });
  app.get<{ Querystring: { q?: string } }>('/api/catalog', async (request) =>
    request.query.q ? searchCatalog(request.query.q) : CATALOG,
  );

  app.get<{ Querystring: { serviceUrl?: string } }>('/api/services', async (request) =>
    discover(client(request), serviceUrl(request, request.query.serviceUrl)),
  );

  app.post<{ Body: HookBody & { serviceUrl?: string } }>('/api/hook', async (request, reply) => {
    const input = hookInputOf(request.body, opts.repository, DEMO_USER, today());
    if (typeof input === 'string') return reply.code(400).send({ error: input });
    const { hook, patientId } = input;
    const base = serviceUrl(request, request.body.serviceUrl);
    const deps = client(request);
    const discovery = await discover(deps, base);
    const fhirServer = `${origin(request)}/fhir`;
    const calls = servicesOf(discovery.body)
      .filter((s) => s.hook === hook)
      .map(async (service) => {
        const { accessToken, expiresIn } = opts.tokens.issueAccessToken({
          clientId: 'cairn-cds-service',
          scope: 'patient/*.rs',
          patient: patientId,
        });
        const auth = {
          access_token: accessToken,
          token_type: 'Bearer' as const,
          expires_in: expiresIn,
          scope: 'patient/*.rs',
          subject: 'cairn-cds-service',
          patient: patientId,
        };
        const context = buildHookRequest(input, fhirServer, auth, {}).context as Record<string, unknown>;
        const prefetch = fulfilPrefetch(opts.repository, fhirServer, service.prefetch ?? {}, context, DEMO_USER);
        const hookRequest = buildHookRequest(input, fhirServer, auth, prefetch);
        const response = await callService(deps, base, service.id, hookRequest);
        return { serviceId: service.id, request: redactForInspector(hookRequest), response };
      });
    return { serviceUrl: base, discoveryStatus: discovery.status, calls: await Promise.all(calls) };
  });

  app.post<{ Body: { serviceUrl?: string; serviceId?: string; feedback?: unknown } }>(
    '/api/feedback',
    async (request, reply) => {
      const { serviceId, feedback } = request.body ?? {};
      if (typeof serviceId !== 'string' || feedback === undefined)
        return reply.code(400).send({ error: 'serviceId and feedback are required' });
      return sendFeedback(client(request), serviceUrl(request, request.body.serviceUrl), serviceId, feedback);
    },
  );

  app.post<{ Body: { patientId?: string; appContext?: string } }>('/api/launch', async (request, reply) => {
    const { patientId, appContext } = request.body ?? {};
    if (typeof patientId !== 'string') return reply.code(400).send({ error: 'patientId is required' });
    const launch = encodeLaunch({
      patient: patientId,
      fhirUser: DEMO_USER,
      needPatientBanner: false,
      smartStyleUrl: `${origin(request)}${app.prefix}/smart-style.json`,
      ...(typeof appContext === 'string' && appContext && { appContext }),
    });
    return { launch, iss: `${origin(request)}/fhir` };
  });
};
