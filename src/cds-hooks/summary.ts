/**
 * Card.summary (CDS Hooks 2.0 §Card Attributes): "One-sentence, <140-character summary message". Engine summaries
 * are written to fit; this is the safety net. It counts UTF-16 code units (never more than code points, so the
 * limit holds whichever way a client counts), never splits a surrogate pair, cuts at a word boundary when one is
 * near, and marks the cut with an ellipsis so a clipped warning never reads as the whole message.
 */

export const MAX_SUMMARY = 139;

/** How far back from the limit a word boundary may be before a mid-word cut is the lesser evil. */
const MAX_BACKTRACK = 30;

/** The text as one line, clipped to `max` UTF-16 code units with "…" when it had to be cut. */
export function clipSummary(text: string, max = MAX_SUMMARY): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  let head = '';
  for (const ch of line) {
    if (head.length + ch.length > max - 1) break;
    head += ch;
  }
  const space = head.lastIndexOf(' ');
  const cutAtWord =
    space > 0 && head.length - space <= MAX_BACKTRACK && line[head.length] !== ' ' ? head.slice(0, space) : head;
  return `${cutAtWord.replace(/[\s,;:–—-]+$/u, '')}…`;
}
