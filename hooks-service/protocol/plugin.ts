/**
 * The CDS Hooks routes as one Fastify plugin: discovery, service calls and feedback, behind the client-JWT check,
 * with CORS for browser-based clients (spec §Cross-Origin Resource Sharing). Register it in any Fastify instance
 * (buildServer does; the demo may register it in its own).
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { createAuthHook, type AuthHookOptions } from '../auth/plugin';
import { answerErrorsAs, installScopedErrorHandler } from '../errors';
import { installCors } from '../net/cors';
import { installJsonBodyParser, JsonText } from '../net/json-body';
import { limitCdsRoutes, type RateLimitConfig } from '../net/rate-limit';
import { handleFeedback } from './feedback';
import { handleHook, type HookDeps } from './handle-hook';
import { installMethodNotAllowed } from './method-not-allowed';
import { EDITIONS, servicesCalled, toDiscovery, type Edition, type ServiceDefinition } from './services';

export interface CdsHooksPluginOptions {
  hook: HookDeps;
  auth: AuthHookOptions;
  bodyLimit: number;
  rateLimit: RateLimitConfig;
}

type ServiceRequest = FastifyRequest<{ Params: { id: string } }>;

const findServices = (edition: Edition, request: ServiceRequest): ServiceDefinition[] =>
  servicesCalled(edition.prefix, request.params.id);

export const cdsHooksPlugin: FastifyPluginAsync<CdsHooksPluginOptions> = async (app, opts) => {
  installScopedErrorHandler(app);
  installCors(
    app,
    EDITIONS.flatMap((e) => [
      `${e.prefix}/cds-services`,
      `${e.prefix}/cds-services/:id`,
      `${e.prefix}/cds-services/:id/feedback`,
    ]),
    // Any origin: CDS Hooks clients are arbitrary browsers (net/cors.ts).
    { origins: 'any', methods: 'GET, POST, OPTIONS' },
  );
  // application/json and application/fhir+json, depth-bounded; any other media type stays a 415.
  installJsonBodyParser(app);
  const failures = await limitCdsRoutes(app, opts.rateLimit);
  app.addHook('onRequest', createAuthHook({ ...opts.auth, ...(failures && { failures }) }));
  const baseUrl = (request: FastifyRequest): string => opts.auth.publicUrl ?? `${request.protocol}://${request.host}`;

  // One scope per edition, prefixed with its own prefix: the scope, not a path pattern, picks the error body.
  for (const edition of EDITIONS) {
    void app.register(
      async (scope) => {
        answerErrorsAs(scope, edition.errorBody);
        routesFor(scope, edition, opts, baseUrl);
      },
      { prefix: edition.prefix },
    );
  }
};

function routesFor(
  app: FastifyInstance,
  edition: Edition,
  opts: CdsHooksPluginOptions,
  baseUrl: (r: FastifyRequest) => string,
): void {
  // Relative to the edition's scope, which carries its prefix.
  const root = '/cds-services';
  const check = (r: FastifyRequest) => {
    findServices(edition, r as ServiceRequest);
  };
  installMethodNotAllowed(app, [
    { url: root, allow: ['GET'] },
    { url: `${root}/:id`, allow: ['POST'], check },
    { url: `${root}/:id/feedback`, allow: ['POST'], check },
  ]);

  const discovery = { services: edition.services.map((s) => toDiscovery(s, edition)) };
  app.get(root, async (_request, reply) => reply.header('cache-control', 'no-store').send(discovery));

  // In its own scope: with a reasoning pool, its JSON bodies stay text for the worker to parse.
  void app.register(async (scope) => {
    if (opts.hook.bodyAsText) installJsonBodyParser(scope, { parse: false });
    scope.post<{ Params: { id: string } }>(`${root}/:id`, { bodyLimit: opts.bodyLimit }, async (request, reply) => {
      const services = findServices(edition, request);
      const body = request.body instanceof JsonText ? { text: request.body.text } : { value: request.body };
      const response = await handleHook(
        { edition: edition.prefix, services },
        body,
        { issuer: request.cdsIssuer, baseUrl: baseUrl(request), log: request.log },
        opts.hook,
      );
      return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(response);
    });
  });

  // Feedback is per service id (§Feedback): under the shared id it covers the cards of all its hooks.
  app.post<{ Params: { id: string } }>(
    `${root}/:id/feedback`,
    { bodyLimit: opts.bodyLimit },
    async (request, reply) => {
      const [service] = findServices(edition, request) as [ServiceDefinition];
      const counts = await handleFeedback(service, request.body, opts.hook.store);
      request.log.info({ serviceId: service.id, ...counts }, 'feedback stored');
      return reply.code(200).send();
    },
  );
}
