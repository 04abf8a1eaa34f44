/**
 * `GET /api/analytics` (README, "Routes"): per rule and service, cards shown, accepted, overridden and
 * override reasons over a window, with alert-fatigue flags. Admin only: CAIRN_ADMIN_TOKEN unset = no route (404);
 * a missing or wrong bearer = bare 401.
 */
import type { FastifyInstance } from 'fastify';
import { sendError } from '../errors.ts';
import type { AnalyticsSource } from '../store/types.ts';
import { matchAdminBearer } from './admin-auth.ts';
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
  const { adminToken, previousAdminToken } = options.config;
  if (adminToken === undefined) return;
  const tokens = { adminToken, ...(previousAdminToken !== undefined && { previousAdminToken }) };
  const now = options.now ?? (() => new Date());
  if (previousAdminToken !== undefined)
    app.log.warn(
      'CAIRN_ADMIN_TOKEN_PREVIOUS is set: the previous admin token is still accepted; unset it once the rotation is done',
    );

  app.get('/api/analytics', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const matched = matchAdminBearer(request.headers.authorization, tokens);
    if (matched === undefined) return sendError(reply, 'UNAUTHENTICATED', '');
    // Tells the administrator who still holds the old token before it is retired; the token itself is never logged.
    if (matched === 'previous')
      request.log.warn('admin request with the previous admin token (CAIRN_ADMIN_TOKEN_PREVIOUS)');
    const window = parseWindow(request.query, now());
    if (!window.ok) return sendError(reply, 'INVALID_REQUEST', window.message);
    const rows = await options.source.analytics({ from: window.from, to: window.to });
    return buildReport(rows, window, options.config);
  });
}
