/**
 * One error type for the service's edges and one table from error code to HTTP status (docs/architecture.md, "Contracts").
 * Only `publicMessage` ever reaches a client, and only for 4xx; 5xx bodies carry no message or stack.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type ErrorCode =
  | 'INVALID_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_LARGE'
  | 'RATE_LIMITED'
  | 'DATA_UNAVAILABLE'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  INVALID_REQUEST: 400,
  // A bare 401: no detail, so a probing client learns nothing about which check failed (spec §Trusting CDS Clients).
  UNAUTHENTICATED: 401,
  // Authenticated and well-formed, but not permitted (e.g. the service may not send the token to that FHIR server).
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  // RFC 9110 §15.5.6: the route exists but not for this method; the handler sets the required Allow header.
  METHOD_NOT_ALLOWED: 405,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_LARGE: 413,
  // RFC 6585 §4: too many requests in a window; the Retry-After header says when to come back.
  RATE_LIMITED: 429,
  // CDS Hooks 2.0 §HTTP Status Codes: 412 when the service cannot obtain the FHIR data it needs.
  DATA_UNAVAILABLE: 412,
  // RFC 9110 §15.6.4: a dependency of ours (the store) is down; nothing was done, so the client may retry.
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Seconds a client is asked to wait before retrying a 503 (RFC 9110 §10.2.3 Retry-After). */
export const UNAVAILABLE_RETRY_AFTER_S = 10;

/** An expected failure at an edge: the code picks the status, the message is safe to show to the client. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    readonly publicMessage: string,
  ) {
    super(`${code}: ${publicMessage}`);
  }
}

/** Fastify's own error codes for bad input, mapped so malformed input is never a 5xx. */
const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_REQUEST',
  FST_ERR_VALIDATION: 'INVALID_REQUEST',
};

const GENERIC_MESSAGE: Readonly<Record<ErrorCode, string>> = {
  INVALID_REQUEST: 'the request is not valid',
  UNAUTHENTICATED: '',
  FORBIDDEN: 'not permitted',
  NOT_FOUND: 'not found',
  METHOD_NOT_ALLOWED: 'method not allowed',
  UNSUPPORTED_MEDIA_TYPE: 'send the request as application/json',
  TOO_LARGE: 'the request body is larger than this service accepts',
  RATE_LIMITED: 'too many requests; retry later',
  DATA_UNAVAILABLE: 'the FHIR data this service needs is not available',
  UNAVAILABLE: 'the service store is unavailable; nothing was stored, retry later',
  INTERNAL: 'internal error',
};

/** Code and public message for anything thrown inside a route. */
export function classifyError(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.publicMessage };
  const fastifyCode = (error as Partial<FastifyError> | undefined)?.code;
  const mapped = fastifyCode ? FASTIFY_CODES[fastifyCode] : undefined;
  if (mapped === 'INVALID_REQUEST' && fastifyCode !== 'FST_ERR_VALIDATION') {
    return { code: mapped, message: 'the body is not valid JSON' };
  }
  if (mapped) return { code: mapped, message: GENERIC_MESSAGE[mapped] };
  const status = (error as Partial<FastifyError> | undefined)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return { code: 'INVALID_REQUEST', message: GENERIC_MESSAGE.INVALID_REQUEST };
  return { code: 'INTERNAL', message: '' };
}

/** FHIR R4 IssueType for each code (https://hl7.org/fhir/R4/valueset-issue-type.html). */
export const ISSUE_TYPE: Readonly<Record<ErrorCode, fhir4.OperationOutcomeIssue['code']>> = {
  INVALID_REQUEST: 'invalid',
  UNAUTHENTICATED: 'login',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not-found',
  METHOD_NOT_ALLOWED: 'not-supported',
  UNSUPPORTED_MEDIA_TYPE: 'not-supported',
  TOO_LARGE: 'too-costly',
  RATE_LIMITED: 'throttled',
  DATA_UNAVAILABLE: 'incomplete',
  UNAVAILABLE: 'transient',
  INTERNAL: 'exception',
};

/**
 * The error body a route scope answers with. `json` is `{error, message}`: CDS Hooks 2.0 defines no error body, and
 * clients in the field today (and the app APIs' own clients) read that one. `operation-outcome` is CDS Hooks 3.0's.
 */
export type ErrorBodyStyle = 'json' | 'operation-outcome';

declare module 'fastify' {
  interface FastifyReply {
    /** Set per scope by `answerErrorsAs`; absent = `json`. */
    errorBodyStyle?: ErrorBodyStyle;
  }
}

/**
 * CDS Hooks 3.0 §Returning OperationOutcome: a non-2xx answer SHOULD carry an OperationOutcome, with the readable
 * message in `details.text` and the service's error code in `diagnostics`.
 */
function operationOutcome(code: ErrorCode, text: string): object {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: ISSUE_TYPE[code], details: { text }, diagnostics: code }],
  };
}

/** A 5xx says nothing more than its code, except the 503, which says what was not done. */
function errorBody(reply: FastifyReply, code: ErrorCode, message: string): object {
  const publicMessage = STATUS_OF[code] >= 500 && code !== 'UNAVAILABLE' ? undefined : message;
  if (reply.errorBodyStyle === 'operation-outcome')
    return operationOutcome(code, publicMessage || GENERIC_MESSAGE[code]);
  return publicMessage === undefined ? { error: code } : { error: code, message: publicMessage };
}

/**
 * Sends an error. A 401 is bare (no detail, so a probing client learns nothing about which check failed); a 5xx carries
 * no message or stack; a 503 says what was not done and when to retry.
 */
export function sendError(reply: FastifyReply, code: ErrorCode, message: string): FastifyReply {
  const status = STATUS_OF[code];
  if (code === 'UNAUTHENTICATED') return reply.code(status).header('www-authenticate', 'Bearer').send();
  if (code === 'UNAVAILABLE') reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_S));
  return reply.code(status).send(errorBody(reply, code, message));
}

/** The one error handler, for the plugin's own scope (other plugins in the same instance keep theirs). */
export function installScopedErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { code, message } = classifyError(error);
    // Only the class and code: error messages can echo request content (docs/architecture.md, "Contracts": no PHI in logs).
    const log = { errorCode: code, errorClass: error instanceof Error ? error.name : typeof error };
    if (STATUS_OF[code] >= 500) request.log.error(log, 'request failed');
    else request.log.info(log, 'request refused');
    return sendError(reply, code, message);
  });
}

/**
 * Makes every error answered in this scope (its routes, their hooks, and unknown paths under its prefix) carry
 * `style`'s body: the scope says which body, so no path is matched against a copy of its prefix. A non-default
 * style needs a prefixed scope (Fastify keys not-found handlers by prefix; the root's stays JSON).
 */
export function answerErrorsAs(scope: FastifyInstance, style: ErrorBodyStyle): void {
  if (style === 'json') return;
  scope.decorateReply('errorBodyStyle', style);
  scope.setNotFoundHandler((_request, reply) => sendError(reply, 'NOT_FOUND', 'no such route'));
}

/** The error handler and a JSON 404 for unknown routes, at the root of an instance buildServer owns. */
export function installErrorHandling(app: FastifyInstance): void {
  installScopedErrorHandler(app);
  app.setNotFoundHandler((_request, reply) => sendError(reply, 'NOT_FOUND', 'no such route'));
}
