/**
 * 405 for the other methods on the CDS Hooks routes. RFC 9110 §15.5.6: 405 means the method is known but not
 * supported by the target resource, and "The origin server MUST generate an Allow header field in a 405
 * response". A GET on a service URL is a common probe (and a common client mistake); 404 would wrongly say the
 * service does not exist. An unknown service id stays a 404 whatever the method.
 */
import type { FastifyInstance, FastifyRequest, HTTPMethods } from 'fastify';
import { AppError } from '../errors';

// HEAD follows GET: Fastify exposes a HEAD route for every GET route.
const OTHERS: readonly HTTPMethods[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

export interface MethodRoute {
  url: string;
  /** Methods the route serves (OPTIONS is always served, for CORS preflights). */
  allow: readonly HTTPMethods[];
  /** Throws NOT_FOUND when the path names nothing (an unknown service id). */
  check?: (request: FastifyRequest) => void;
}

export function installMethodNotAllowed(app: FastifyInstance, routes: readonly MethodRoute[]): void {
  for (const route of routes) {
    const allowHeader = [...route.allow, ...(route.allow.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
    app.route({
      method: OTHERS.filter((m) => !route.allow.includes(m)),
      url: route.url,
      handler: async (request, reply) => {
        route.check?.(request);
        reply.header('allow', allowHeader);
        throw new AppError('METHOD_NOT_ALLOWED', `use ${route.allow.join(' or ')} on this URL`);
      },
    });
  }
}
