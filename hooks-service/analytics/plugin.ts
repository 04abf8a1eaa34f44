/**
 * `GET /api/analytics` (README, "Routes"): per rule and service, cards shown, accepted, overridden and
 * override reasons over a window, with alert-fatigue flags. Admin only: CAIRN_ADMIN_TOKEN unset = no route (404);
 * a missing or wrong bearer = bare 401.
 */
import type { FastifyInstance } from 'fastify';
import { sendError } from '../errors.ts';
import type { AnalyticsSource } from '../store/types.ts';
import { isAdminBearer } from './admin-auth.ts';
import type { AnalyticsConfig } from './config.ts';
import { buildReport } from './report.ts';
import { parseWindow } from './window.ts';

export interface AnalyticsRoutesOptions {
  source: AnalyticsSource;
  config: AnalyticsConfig;
  /** Clock for the default window; injected by tests. */
  now?: () => Date;
}

/** Fastify plugin: `app.register(analyticsRoutes, { source: store, config })`. */
export async function analyticsRoutes(app: FastifyInstance, options: AnalyticsRoutesOptions): Promise<void> {
  const { adminToken } = options.config;
  if (adminToken === undefined) return;
  const now = options.now ?? (() => new Date());

  app.get('/api/analytics', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!isAdminBearer(request.headers.authorization, adminToken)) {
      return sendError(reply, 'UNAUTHENTICATED', '');
    }
    const window = parseWindow(request.query, now());
    if (!window.ok) return sendError(reply, 'INVALID_REQUEST', window.message);
    const rows = await options.source.analytics({ from: window.from, to: window.to });
    return buildReport(rows, window, options.config);
  });
}
