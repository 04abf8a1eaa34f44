/**
 * The service's JSON body parsers: Fastify's own (prototype-poisoning guards, empty-body and syntax errors as 400),
 * behind a nesting bound checked on the raw text, so a body nested thousands of levels deep is a 400 naming the
 * limit instead of a stack overflow in whatever walks it next. Serves application/json and application/fhir+json
 * (the spec's examples send the first; a FHIR-minded client may label the same JSON with the second).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from '@fhir/json-depth';
import { AppError } from '../errors';

const JSON_TYPES = ['application/json', 'application/fhir+json'];

/** Installs the bounded parser for the JSON media types in `app`'s scope (replacing an inherited one). */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  const bounded = (request: FastifyRequest, body: string, done: (err: Error | null, body?: unknown) => void): void => {
    if (jsonNestsDeeperThan(body)) {
      done(new AppError('INVALID_REQUEST', `the JSON body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`));
      return;
    }
    parse(request, body, done);
  };
  for (const type of JSON_TYPES) {
    if (app.hasContentTypeParser(type)) app.removeContentTypeParser(type);
    app.addContentTypeParser(type, { parseAs: 'string' }, bounded);
  }
}
