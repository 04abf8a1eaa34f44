/**
 * The service's non-CDS-Hooks APIs: `/api/narrative` and `/api/app-feedback` for the SMART app, `/api/analytics`
 * for administrators. buildServer registers them from the same dependencies as the hooks, so `start:service` and
 * the demo cannot drift and nothing is built twice.
 */
import type { FastifyInstance } from 'fastify';
import type { AnalyticsConfig } from './analytics/config';
import { analyticsRoutes } from './analytics/plugin';
import { APP_FEEDBACK_ROUTE, appFeedbackPlugin, createCanReadPatient } from './app-feedback/plugin';
import { narrativePlugin } from './model/index';
import { NARRATIVE_ROUTES } from './model/narrative-route';
import type { NarrativeService } from './model/narrative-service';
import { installCors } from './net/cors';
import { limitAnalyticsRoutes, limitAppRoutes } from './net/rate-limit';
import { createFetchChart } from './prefetch/fetch-chart';
import type { ServiceDeps } from './server';
import type { DurableStore } from './store/types';

/** What only the APIs need beyond the hooks' dependencies. */
export interface ServiceApis {
  narrative: NarrativeService;
  store: DurableStore;
  analytics: AnalyticsConfig;
  /** CAIRN_APP_ORIGINS: origins serving the SMART app apart from this service, allowed by CORS on the app's APIs. */
  appOrigins?: readonly string[];
}

export function registerServiceApis(app: FastifyInstance, deps: ServiceDeps, apis: ServiceApis): void {
  const allowlist = deps.config.fhirAllowlist;
  const limits = deps.config.rateLimit;
  // Each group in its own scope, so its rate limit (net/rate-limit.ts) applies to its routes only.
  void app.register(async (scope) => {
    // Only the listed origins: these APIs act with a clinician's SMART token (net/cors.ts).
    installCors(scope, [...NARRATIVE_ROUTES, APP_FEEDBACK_ROUTE], {
      origins: apis.appOrigins ?? [],
      methods: 'POST, OPTIONS',
    });
    await limitAppRoutes(scope, limits);
    await scope.register(narrativePlugin, {
      service: apis.narrative,
      allowlist,
      runEngine: deps.runEngine,
      fetchChart: createFetchChart(deps.fhir, deps.config.fhirBudgetMs),
      now: () => deps.clock().toISOString(),
    });
    await scope.register(appFeedbackPlugin, {
      store: apis.store,
      allowlist,
      canReadPatient: createCanReadPatient(deps.fhir),
    });
  });
  void app.register(async (scope) => {
    await limitAnalyticsRoutes(scope, limits);
    await scope.register(analyticsRoutes, { source: apis.store, config: apis.analytics });
  });
}
