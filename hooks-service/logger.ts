/**
 * The service logger: pino with redaction as a backstop (docs/architecture.md, "Contracts": no PHI in logs). What we log on purpose is ids, counts,
 * timings, rule ids and error codes; `redact` removes anything sensitive that slips into a log object anyway,
 * and the request serializer keeps only the method and the path without its query string.
 */
import { LogController, type FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';

export const REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  'fhirAuthorization',
  '*.fhirAuthorization',
  'access_token',
  '*.access_token',
  'prefetch',
  '*.prefetch',
  'context',
  '*.context',
  'body',
  '*.body',
  'token',
  '*.token',
];

interface LoggedRequest {
  method?: string;
  url?: string;
  id?: string;
}

/** A pino logger for the service; tests pass a destination to capture lines. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, path: (req.url ?? '').split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Fastify's request log lines, with "incoming request" at debug: "request completed" (request id, status, response
 * time) is the access line at info, so a call costs one line instead of two (a third of the log volume of a hook call,
 * and each line is built, redacted and written on the event loop).
 */
export class AccessLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }
}
