/**
 * The CDS Hooks routes as one Fastify plugin: discovery, service calls and feedback, behind the client-JWT check,
 * with CORS for browser-based clients (spec §Cross-Origin Resource Sharing). Register it in any Fastify instance
 * (buildServer does; the demo may register it in its own).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { createAuthHook, type AuthHookOptions } from '../auth/plugin';
import { AppError, installScopedErrorHandler } from '../errors';
import { installJsonBodyParser } from '../net/json-body';
import { limitCdsRoutes, type RateLimitConfig } from '../net/rate-limit';
import { installCors } from './cors';
import { handleFeedback } from './feedback';
import { handleHook, type HookDeps } from './handle-hook';
import { installMethodNotAllowed } from './method-not-allowed';
import { serviceById, SERVICES, toDiscovery, type ServiceDefinition } from './services';

export interface CdsHooksPluginOptions {
  hook: HookDeps;
  auth: AuthHookOptions;
  bodyLimit: number;
  rateLimit: RateLimitConfig;
}

function findService(request: FastifyRequest<{ Params: { id: string } }>): ServiceDefinition {
  const service = serviceById(request.params.id);
  if (!service) throw new AppError('NOT_FOUND', 'no CDS service with that id');
  return service;
}

export const cdsHooksPlugin: FastifyPluginAsync<CdsHooksPluginOptions> = async (app, opts) => {
  installScopedErrorHandler(app);
  installCors(app, ['/cds-services', '/cds-services/:id', '/cds-services/:id/feedback']);
  // application/json and application/fhir+json, depth-bounded; any other media type stays a 415.
  installJsonBodyParser(app);
  const failures = await limitCdsRoutes(app, opts.rateLimit);
  app.addHook('onRequest', createAuthHook({ ...opts.auth, ...(failures && { failures }) }));
  const baseUrl = (request: FastifyRequest): string => opts.auth.publicUrl ?? `${request.protocol}://${request.host}`;

  installMethodNotAllowed(app, [
    { url: '/cds-services', allow: ['GET'] },
    { url: '/cds-services/:id', allow: ['POST'], check: (r) => findService(r as FastifyRequest<{ Params: { id: string } }>) },
    { url: '/cds-services/:id/feedback', allow: ['POST'], check: (r) => findService(r as FastifyRequest<{ Params: { id: string } }>) },
  ]);

  app.get('/cds-services', async (_request, reply) => reply.header('cache-control', 'no-store').send({ services: SERVICES.map(toDiscovery) }));

  app.post<{ Params: { id: string } }>('/cds-services/:id', { bodyLimit: opts.bodyLimit }, async (request, reply) => {
    const service = findService(request);
    const response = await handleHook(service, request.body, { issuer: request.cdsIssuer, baseUrl: baseUrl(request), log: request.log }, opts.hook);
    return reply.header('cache-control', 'no-store').send(response);
  });

  app.post<{ Params: { id: string } }>('/cds-services/:id/feedback', { bodyLimit: opts.bodyLimit }, async (request, reply) => {
    const service = findService(request);
    const counts = await handleFeedback(service, request.body, opts.hook.store);
    request.log.info({ serviceId: service.id, ...counts }, 'feedback stored');
    return reply.code(200).send();
  });
};
