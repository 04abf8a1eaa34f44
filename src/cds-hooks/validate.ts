/**
 * Compiled validators for the wire schemas, with messages that say what is wrong and where (for a clear 400).
 * Input stays `unknown` until one of these accepts it (docs/architecture.md, "Contracts").
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CommonJS; under ESM interop its function may sit on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);

const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv);

export interface Validator<T> {
  (value: unknown): value is T;
  /** A one-line description of the first problem, e.g. "/context/patientId must match pattern …". */
  explain(value: unknown): string;
}

function describe(errors: ErrorObject[] | null | undefined, root: string): string {
  const e = errors?.[0];
  if (!e) return `${root} is not valid`;
  const at = `${root}${e.instancePath}`;
  if (e.keyword === 'required') return `${at} is missing "${String(e.params.missingProperty)}"`;
  if (e.keyword === 'additionalProperties') return `${at} has an unexpected property "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'type' && e.params.type !== 'null') return `${at} must be ${String(e.params.type)}`;
  return `${at} ${e.message ?? 'is not valid'}`;
}

/** A validator for a TypeBox schema; `root` names the value in messages ("request", "card"). */
export function compile<S extends TSchema>(schema: S, root: string): Validator<Static<S>> {
  const fn: ValidateFunction = ajv.compile(schema);
  const check = ((value: unknown) => fn(value)) as Validator<Static<S>>;
  check.explain = (value: unknown) => (fn(value) ? '' : describe(fn.errors, root));
  return check;
}
