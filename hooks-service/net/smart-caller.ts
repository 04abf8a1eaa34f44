/**
 * The SMART app's calls to the service (`/api/narrative`, `/api/app-feedback`) prove themselves with the app's SMART
 * access token, which the service may only send to an allow-listed FHIR server. One check for both routes.
 */
import type { FastifyReply } from 'fastify';
import { sendError } from '../errors';
import { isAllowedFhirServer } from './access';

/** Log reason code of an allow-list refusal (searchable in the service's logs). */
export const NOT_ALLOWLISTED = 'fhir-server-not-allowlisted';

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

const bearerToken = (header: string | undefined) => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];

/**
 * The caller's access token when it has one and names an allow-listed FHIR server; otherwise sends the answer
 * (a bare 401, or 403 with a message for the administrator) and returns undefined.
 */
export function admitSmartCaller(
  authorization: string | undefined,
  fhirServer: string,
  allowlist: readonly string[],
  reply: FastifyReply,
): string | undefined {
  const token = bearerToken(authorization);
  if (!token) {
    sendError(reply, 'UNAUTHENTICATED', '');
    return undefined;
  }
  if (!isAllowedFhirServer(fhirServer, allowlist)) {
    // The request is well-formed and authenticated, but this service may not send the user's token to that server.
    // Logged with a reason code (never the token); the message says what is wrong and who can fix it.
    reply.log.warn(
      { reason: NOT_ALLOWLISTED, fhirOrigin: originOf(fhirServer) },
      'SMART caller refused: FHIR server not allow-listed',
    );
    sendError(
      reply,
      'FORBIDDEN',
      `Cairn may not call this EHR's FHIR server (${fhirServer}): it is not in the service's CAIRN_FHIR_ALLOWLIST. ` +
        'The administrator of the Cairn service can add it (an entry ending in /* allows every base under a path).',
    );
    return undefined;
  }
  return token;
}
