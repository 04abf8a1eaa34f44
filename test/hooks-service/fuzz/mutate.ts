/**
 * fast-check arbitraries that break valid CDS Hooks bodies and FHIR resources the way hostile or buggy clients
 * do: any element replaced by a value of another JSON type, null, a huge or deep value, unicode and NUL strings,
 * or removed; and raw JSON text with a duplicated key. Paths reach into prefetch resources too.
 */
import fc from 'fast-check';

export type Path = (string | number)[];

/** Every element's path (objects and arrays included), down to `maxDepth`. */
export function pathsOf(value: unknown, maxDepth = 12, at: Path = []): Path[] {
  if (at.length >= maxDepth || typeof value !== 'object' || value === null) return [at];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => pathsOf((value as Record<string | number, unknown>)[k], maxDepth, [...at, k]))];
}

const REMOVE = Symbol('remove');

/** A copy of `value` with the element at `path` replaced (or removed). */
export function replaceAt(value: unknown, path: Path, by: unknown): unknown {
  if (path.length === 0) return by === REMOVE ? null : by;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Path];
  if (rest.length === 0 && by === REMOVE) delete copy[head];
  else copy[head] = replaceAt(copy[head], rest, by);
  return copy;
}

/** Nesting written straight into the JSON text (JSON.stringify itself would overflow on a deep object). */
class Deep {
  constructor(readonly levels: number) {}
  toJSON(): string {
    return `\u0001deep:${this.levels}`;
  }
}
const deep = (levels: number) => new Deep(levels);
const deepText = (levels: number) =>
  `${'{"a":['.repeat(Math.ceil(levels / 2))}"leaf"${']}'.repeat(Math.ceil(levels / 2))}`;

/** Values that do not belong where they land. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, REMOVE, true, false, 0, -1, 1e308, -0, '', ' ', '\u0000', 'null', '[]', '{}', [], {}, [null], {
    resourceType: 'Bundle',
  }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 10 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom(10_000, 200_000).map((n) => 'x'.repeat(n)),
  fc.constantFrom(20, 127, 140, 5000).map(deep),
  fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

/** One mutation of `valid`: a path and what goes there. */
export function mutationOf(valid: unknown, maxDepth?: number): fc.Arbitrary<{ path: Path; by: unknown }> {
  const paths = pathsOf(valid, maxDepth);
  return fc.record({ path: fc.constantFrom(...paths), by: oddValue });
}

/**
 * JSON text of a mutated body; with `duplicate`, a top-level key repeated at the end with a wrong value (the last
 * one wins in JSON.parse, so the body must then be refused, not half-read).
 */
export function bodyText(valid: unknown, m: { path: Path; by: unknown }, duplicate: string | undefined): string {
  const text = (JSON.stringify(replaceAt(valid, m.path, m.by)) ?? 'null').replace(
    /"\\u0001deep:(\d+)"/g,
    (_all, n: string) => deepText(Number(n)),
  );
  if (duplicate === undefined || !text.startsWith('{"') || text === '{}') return text;
  return `${text.slice(0, -1)},${JSON.stringify(duplicate)}:"duplicate"}`;
}

export const describeMutation = (m: { path: Path; by: unknown }): string => {
  const shown =
    typeof m.by === 'symbol'
      ? '(removed)'
      : m.by instanceof Deep
        ? `(nested ${m.by.levels} levels)`
        : (JSON.stringify(m.by) ?? String(m.by)).slice(0, 80);
  return `${m.path.join('.') || '$'} = ${shown}`;
};
