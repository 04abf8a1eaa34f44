/**
 * Compiled validators for the wire schemas, with messages that say what is wrong and where (for a clear 400).
 * Input stays `unknown` until one of these accepts it (docs/architecture.md, "Contracts").
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CommonJS; under ESM interop its function may sit on `.default`.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

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
  if (e.keyword === 'additionalProperties')
    return `${at} has an unexpected property "${String(e.params.additionalProperty)}"`;
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

/**
 * Where a string (value or property name) holding U+0000 sits, as a JSON pointer under `root`, or undefined.
 * PostgreSQL text and jsonb cannot hold a NUL character, so a body bound for the store is checked before it gets
 * there: the caller learns which field to fix (400) instead of the write failing (500). Iterative: the body's
 * depth is bounded by the parser, but this walk must not depend on that.
 */
export function nulCharacterAt(value: unknown, root: string): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [v, at] = next;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return `${root}${at}`;
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, child] of Object.entries(v)) {
        const path = `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (k.includes('\u0000')) return `${root}${at} (a property name)`;
        stack.push([child, path]);
      }
    }
  }
  return undefined;
}

/** The 400 message for a NUL character at `path`. */
export const nulMessage = (path: string): string => `${path} contains a NUL character (U+0000), which cannot be stored`;
