/**
 * `POST /api/app-feedback`: "useful / not useful" from the SMART app. The app has no EHR JWT and no card uuid,
 * so it proves itself with its SMART access token: the FHIR server must be allow-listed and the token must be
 * good for a read of that patient (the FHIR server, not us, decides). Stored as feedback of the pseudo-service
 * `cairn-app` so analytics count it beside card feedback. The token is used once and never stored or logged.
 */
import type { FastifyPluginAsync } from 'fastify';
import { sendError } from '../errors';
import { admitSmartCaller } from '../net/smart-caller';
import { FhirUnavailable, type FhirClient } from '../prefetch/fhir-client';
import { nulCharacterAt, nulMessage } from '@cds-hooks/validate';
import { readQuery } from '@fhir/query';
import { NOT_USEFUL_REASONS } from '../../src/app-config/feedback-reasons';
import type { FeedbackRecord, Store } from '../store/types';

export const APP_FEEDBACK_SERVICE = 'cairn-app';
export const APP_FEEDBACK_ROUTE = '/api/app-feedback';

export interface AppFeedbackBody {
  findingId: string;
  ruleId: string;
  useful: boolean;
  reason?: string;
  fhirServer: string;
  patientId: string;
}

export interface AppFeedbackOptions {
  store: Pick<Store, 'saveFeedback'>;
  allowlist: readonly string[];
  /** Resolves true when the token may read Patient/{patientId} at the server, false when it is refused. */
  canReadPatient: (args: { fhirServer: string; accessToken: string; patientId: string }) => Promise<boolean>;
  now?: () => string;
}

const bodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['findingId', 'ruleId', 'useful', 'fhirServer', 'patientId'],
  properties: {
    findingId: { type: 'string', minLength: 1, maxLength: 512 },
    ruleId: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,127}$' },
    useful: { type: 'boolean' },
    // One of the app's choices: analytics count reasons by their text, so free text (a patient's details) is refused.
    reason: { type: 'string', enum: [...NOT_USEFUL_REASONS] },
    fhirServer: { type: 'string', pattern: '^https?://', maxLength: 2048 },
    patientId: { type: 'string', pattern: '^[A-Za-z0-9\\-.]{1,64}$' },
  },
} as const;

/** The feedback row for one app verdict: useful counts as accepted, not useful as overridden with the reason. */
export function toFeedbackRecord(body: AppFeedbackBody, at: string): FeedbackRecord {
  return {
    serviceId: APP_FEEDBACK_SERVICE,
    card: body.findingId,
    outcome: body.useful ? 'accepted' : 'overridden',
    acceptedSuggestions: [],
    ...(!body.useful && { overrideReason: { display: body.reason ?? 'not useful' } }),
    outcomeTimestamp: at,
    ruleId: body.ruleId,
  };
}

/** Token check through a FHIR read: refused (401/403) or no such patient means "no"; outages throw. */
export function createCanReadPatient(fhir: FhirClient): AppFeedbackOptions['canReadPatient'] {
  return async ({ fhirServer, accessToken, patientId }) => {
    try {
      const found = await fhir.run({ fhirServer, accessToken, query: readQuery('Patient', patientId) });
      return found.some((r) => r.resourceType === 'Patient' && r.id === patientId);
    } catch (e) {
      if (e instanceof FhirUnavailable && e.refusedToken) return false;
      throw e;
    }
  };
}

export const appFeedbackPlugin: FastifyPluginAsync<AppFeedbackOptions> = async (app, opts) => {
  const now = opts.now ?? (() => new Date().toISOString());
  app.post<{ Body: AppFeedbackBody }>(APP_FEEDBACK_ROUTE, { schema: { body: bodySchema } }, async (req, reply) => {
    const nul = nulCharacterAt(req.body, 'body');
    if (nul !== undefined) return sendError(reply, 'INVALID_REQUEST', nulMessage(nul));
    const { fhirServer, patientId } = req.body;
    const accessToken = admitSmartCaller(req.headers.authorization, fhirServer, opts.allowlist, reply);
    if (accessToken === undefined) return reply;
    let allowedToWrite: boolean;
    try {
      allowedToWrite = await opts.canReadPatient({ fhirServer, accessToken, patientId });
    } catch (e) {
      if (!(e instanceof FhirUnavailable)) throw e;
      return sendError(reply, 'DATA_UNAVAILABLE', 'the FHIR server could not confirm the access token');
    }
    if (!allowedToWrite) return sendError(reply, 'UNAUTHENTICATED', '');
    const result = await opts.store.saveFeedback([toFeedbackRecord(req.body, now())]);
    req.log.info(
      { ruleId: req.body.ruleId, useful: req.body.useful, inserted: result.inserted },
      'app feedback stored',
    );
    return reply.send({ stored: result.inserted + result.duplicates });
  });
};
