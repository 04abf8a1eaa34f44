/**
 * The service's non-CDS-Hooks APIs, registered the same way by `start:service` and the demo (one home, so the two
 * processes cannot drift): `/api/reasoning` and `/api/app-feedback` for the SMART app, `/api/analytics` for admins.
 */
import type { FastifyInstance } from 'fastify';
import type { AnalyticsConfig } from './analytics/config';
import { analyticsRoutes } from './analytics/plugin';
import { appFeedbackPlugin, createCanReadPatient } from './app-feedback/plugin';
import { reasoningPlugin } from './model/index';
import type { ReasoningService } from './model/reasoning-service';
import { limitAnalyticsRoutes, limitAppRoutes } from './net/rate-limit';
import { createFetchChart } from './prefetch/fetch-chart';
import { createServiceFhirClient, engineFor, type ServerDeps } from './server';
import type { DurableStore } from './store/types';

export interface ServiceApiDeps {
  server: ServerDeps;
  reasoning: ReasoningService;
  store: DurableStore;
  analytics: AnalyticsConfig;
}

export async function registerServiceApis(app: FastifyInstance, deps: ServiceApiDeps): Promise<void> {
  const fhir = createServiceFhirClient(deps.server);
  const allowlist = deps.server.config.fhirAllowlist;
  const limits = deps.server.config.rateLimit;
  // Each group in its own scope, so its rate limit (net/rate-limit.ts) applies to its routes only.
  await app.register(async (scope) => {
    await limitAppRoutes(scope, limits);
    await scope.register(reasoningPlugin, {
      service: deps.reasoning, allowlist, runEngine: deps.server.runEngine ?? engineFor(deps.server.config), fetchChart: createFetchChart(fhir),
    });
    await scope.register(appFeedbackPlugin, { store: deps.store, allowlist, canReadPatient: createCanReadPatient(fhir) });
  });
  await app.register(async (scope) => {
    await limitAnalyticsRoutes(scope, limits);
    await scope.register(analyticsRoutes, { source: deps.store, config: deps.analytics });
  });
}
