/**
 * The SMART app's calls to the service (`/api/narrative`, `/api/app-feedback`) prove themselves with the app's SMART
 * access token, which the service may only send to an allow-listed FHIR server. One check for both routes.
 */
import type { FastifyReply } from 'fastify';
import { sendError } from '../errors';
import { isAllowedFhirServer } from './access';

const bearerToken = (header: string | undefined) => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];

/**
 * The caller's access token when it has one and names an allow-listed FHIR server; otherwise sends the answer
 * (a bare 401, or 403 with a message for the administrator) and returns undefined.
 */
export function admitSmartCaller(
  authorization: string | undefined, fhirServer: string, allowlist: readonly string[], reply: FastifyReply,
): string | undefined {
  const token = bearerToken(authorization);
  if (!token) {
    sendError(reply, 'UNAUTHENTICATED', '');
    return undefined;
  }
  if (!isAllowedFhirServer(fhirServer, allowlist)) {
    // The request is well-formed and authenticated, but this service may not send the user's token to that server.
    sendError(reply, 'FORBIDDEN', 'This FHIR server is not in CAIRN_FHIR_ALLOWLIST; ask the administrator to add it.');
    return undefined;
  }
  return token;
}
