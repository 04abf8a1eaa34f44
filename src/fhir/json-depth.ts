/**
 * A bound on JSON nesting, checked on the text before it is parsed. FHIR R4 resources nest a few levels deep
 * (a Bundle entry's resource, its CodeableConcept, Coding, Extension within extension); nothing clinical needs
 * more than a few dozen. A document nested thousands of levels deep is an attack or a bug, and every recursive
 * walk over it (bundle flattening, validators, JSON.stringify) would overflow the stack, so it is refused first.
 */

/** The deepest nesting of objects and arrays accepted anywhere (service bodies, FHIR responses, bundles). */
export const MAX_JSON_DEPTH = 128;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Index of the quote closing the string opened at `open`, or -1. A quote after an odd run of backslashes is escaped. */
function closingQuote(text: string, open: number): number {
  for (let q = text.indexOf('"', open + 1); q !== -1; q = text.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
  return -1;
}

/** True when `text`, read as JSON, nests objects/arrays deeper than `max`. Brackets inside strings do not count. */
export function jsonNestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the whole string with indexOf (native, fast) instead of a loop over its characters: on a 30 KB FHIR
      // body that is most of the text, and this check runs on every request body.
      i = closingQuote(text, i);
      if (i === -1) return false;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}
