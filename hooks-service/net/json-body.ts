/**
 * The service's body parsers for application/json, application/fhir+json and text/plain. They read the body
 * themselves for two reasons:
 *  - an over-limit body is answered 413 only after the client finished sending it (up to a cap). Answering while
 *    the client still writes, then closing, makes the kernel reset the connection, and the reset can destroy the
 *    413 before the client reads it (it sees a dropped connection instead of an answer);
 *  - JSON nesting is bounded on the raw text before parsing, so a body nested thousands of levels deep is a 400
 *    naming the limit instead of a stack overflow in whatever walks it next.
 * Parsing is `parseJsonText`, Fastify's own way (secure-json-parse refusing __proto__ and constructor keys); the
 * hook routes may instead take the text as it came (`JsonText`), to be parsed where the reasoning runs.
 */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse as secureJsonParse } from 'secure-json-parse';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from '@fhir/json-depth';
import { AppError } from '../errors';

const JSON_TYPES = ['application/json', 'application/fhir+json'];

/** How much of an over-limit body is read and discarded so the client can read its 413, and for how long. */
export const DRAIN_CAP_BYTES = 64 * 1024 * 1024;
export const DRAIN_MAX_MS = 15_000;

type Done = (err: Error | null, body?: unknown) => void;

function tooLarge(limit: number): AppError {
  return new AppError(
    'TOO_LARGE',
    `the request body is larger than this service accepts (${limit} bytes, CDS_BODY_LIMIT)`,
  );
}

/**
 * Reads the body as UTF-8 text up to `limit` bytes. Past the limit the rest is read and discarded until the
 * client is done (or DRAIN_CAP_BYTES / DRAIN_MAX_MS pass), then TOO_LARGE.
 */
function readText(
  payload: Readable,
  limit: number,
  declaredLength: number,
  done: (err: Error | null, text?: string) => void,
): void {
  if (declaredLength > limit + DRAIN_CAP_BYTES) return done(tooLarge(limit));
  const chunks: Buffer[] = [];
  let received = 0;
  let timer: NodeJS.Timeout | undefined;
  const finish = (err: Error | null): void => {
    payload.off('data', onData).off('end', onEnd).off('error', finish);
    clearTimeout(timer);
    if (err) return done(err);
    if (received > limit) return done(tooLarge(limit));
    // A body that arrived in one chunk (most do) is decoded in place, without the copy a concat makes.
    const [only] = chunks;
    done(null, (chunks.length === 1 && only ? only : Buffer.concat(chunks, received)).toString('utf8'));
  };
  const onEnd = (): void => finish(null);
  function onData(chunk: Buffer | string): void {
    received += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (received <= limit) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    else if (timer === undefined) {
      chunks.length = 0;
      timer = setTimeout(() => finish(null), DRAIN_MAX_MS);
    }
    if (received > limit + DRAIN_CAP_BYTES) finish(null);
  }
  payload.on('data', onData).on('end', onEnd).on('error', finish);
  payload.resume();
}

/**
 * A JSON body's value, or AppError INVALID_REQUEST: nested deeper than MAX_JSON_DEPTH, empty, not JSON, or carrying
 * a `__proto__` or `constructor.prototype` key (prototype poisoning).
 */
export function parseJsonText(text: string): unknown {
  if (jsonNestsDeeperThan(text))
    throw new AppError(
      'INVALID_REQUEST',
      `the JSON body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`,
    );
  try {
    if (text.length > 0) return secureJsonParse(text, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    // The message of a syntax error quotes the body.
  }
  throw new AppError('INVALID_REQUEST', 'the body is not valid JSON');
}

/** A JSON body not parsed yet (installJsonBodyParser with `parse: false`). */
export class JsonText {
  constructor(readonly text: string) {}
}

const limitOf = (app: FastifyInstance, request: FastifyRequest): number =>
  request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 1024 * 1024;

/**
 * Installs the parsers in `app`'s scope (replacing inherited ones for the same media types). `parse: false` leaves
 * JSON bodies as JsonText, for a route that parses them elsewhere.
 */
export function installJsonBodyParser(app: FastifyInstance, options: { parse?: boolean } = {}): void {
  const reader =
    (then: (request: FastifyRequest, text: string, done: Done) => void) =>
    (request: FastifyRequest, payload: IncomingMessage, done: Done): void => {
      readText(payload, limitOf(app, request), Number(request.headers['content-length'] ?? 0), (err, text) =>
        err ? done(err) : then(request, text ?? '', done),
      );
    };
  const json = reader((_request, text, done) => {
    if (options.parse === false) return done(null, new JsonText(text));
    let body: unknown;
    try {
      body = parseJsonText(text);
    } catch (e) {
      return done(e as Error);
    }
    done(null, body);
  });
  for (const type of JSON_TYPES) replaceParser(app, type, json);
  replaceParser(
    app,
    'text/plain',
    reader((_request, text, done) => done(null, text)),
  );
}

function replaceParser(
  app: FastifyInstance,
  type: string,
  parser: (request: FastifyRequest, payload: IncomingMessage, done: Done) => void,
): void {
  if (app.hasContentTypeParser(type)) app.removeContentTypeParser(type);
  app.addContentTypeParser(type, parser);
}
