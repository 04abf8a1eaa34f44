/**
 * `POST /api/narrative` (and its older name `/api/reasoning`, kept so deployed apps keep working): the SMART app
 * asks for the model narrative (docs/architecture.md, "How a SMART launch flows"). It sends its SMART
 * access token (Authorization: Bearer) and FHIR base URL, which must be allow-listed (CAIRN_FHIR_ALLOWLIST):
 * the service fetches the chart itself with that token, so the FHIR server enforces the token's scopes.
 * The token is used for this request only: never stored or logged.
 */
import type { FastifyPluginAsync } from 'fastify';
import { recordDigest } from '@fhir/record-digest';
import type { NarrativeAnswer } from '@model/types';
import type { EngineInput, EngineResult } from '@reasoning/types';
import { sendError } from '../errors';
import { admitSmartCaller } from '../net/smart-caller';
import { FhirAuthError, type FetchChart } from '../prefetch/fetch-chart';
import type { NarrativeService } from './narrative-service';

export interface NarrativePluginOptions {
  service: NarrativeService;
  /** FHIR base URLs the service may call. */
  allowlist: readonly string[];
  /** The chart of one patient from a FHIR server (the service's FHIR fetch helper). */
  fetchChart: FetchChart;
  runEngine: (input: EngineInput) => EngineResult;
  /** ISO clock for the engine. */
  now?: () => string;
  /** How long the app's request waits for the model (default 10 s, under the app's own 12 s timeout). */
  appWaitMs?: number;
}

const bodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['fhirServer', 'patientId'],
  properties: {
    fhirServer: { type: 'string', pattern: '^https?://', maxLength: 2048 },
    // FHIR R4 id datatype: [A-Za-z0-9\-\.]{1,64}
    patientId: { type: 'string', pattern: '^[A-Za-z0-9\\-.]{1,64}$' },
  },
} as const;

const DEFAULT_APP_WAIT_MS = 10_000;

/** The route and the alias it answers at as well. */
export const NARRATIVE_ROUTES = ['/api/narrative', '/api/reasoning'] as const;

export const narrativePlugin: FastifyPluginAsync<NarrativePluginOptions> = async (app, opts) => {
  const now = opts.now ?? (() => new Date().toISOString());
  for (const url of NARRATIVE_ROUTES)
    app.post<{ Body: { fhirServer: string; patientId: string } }>(
      url,
      { schema: { body: bodySchema } },
      async (req, reply) => {
        const { fhirServer, patientId } = req.body;
        const accessToken = admitSmartCaller(req.headers.authorization, fhirServer, opts.allowlist, reply);
        if (accessToken === undefined) return reply;
        let resources: fhir4.Resource[];
        try {
          resources = await opts.fetchChart({ fhirServer, accessToken, patientId });
        } catch (err) {
          // An expired SMART token: a bare 401, as for our own authentication (hooks-service/errors.ts).
          if (err instanceof FhirAuthError) return sendError(reply, 'UNAUTHENTICATED', '');
          req.log.warn({ errorClass: err instanceof Error ? err.name : typeof err }, 'narrative: chart fetch failed');
          return sendError(reply, 'DATA_UNAVAILABLE', 'the FHIR server could not be read');
        }
        const input: EngineInput = { resources, now: now() };
        const result = opts.runEngine(input);
        const narrative = await opts.service.forApp(
          patientId,
          { input, result },
          opts.appWaitMs ?? DEFAULT_APP_WAIT_MS,
        );
        req.log.info(
          {
            model: narrative.model.name,
            source: narrative.source,
            latencyMs: narrative.latencyMs,
            considerations: narrative.considerations.length,
            dropped: narrative.dropped.length,
            chartResources: resources.length,
          },
          'narrative served',
        );
        // The narrative, the findings it covers (`findingIds`) and the chart read it is grounded on (`chart`): the
        // app withholds the text when its own read of the chart differs (issue #15: a proxy had mangled one query).
        const answer: NarrativeAnswer = {
          ...narrative,
          chart: { digest: recordDigest(resources), resources: resources.length },
        };
        return reply.send(answer);
      },
    );
};
