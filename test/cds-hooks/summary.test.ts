import { describe, expect, it } from 'vitest';
import { clipSummary, MAX_SUMMARY } from '@cds-hooks/summary';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('card summary clipping (spec: "<140-character summary")', () => {
  it('keeps a summary that fits, as one line', () => {
    expect(clipSummary('Warfarin + naproxen:\n  bleeding risk')).toBe('Warfarin + naproxen: bleeding risk');
  });

  it('cuts a long summary at a word boundary and marks the cut with an ellipsis', () => {
    const out = clipSummary(words(40));
    expect(out.length).toBeLessThanOrEqual(MAX_SUMMARY);
    expect(out.endsWith('…')).toBe(true);
    expect(words(40).startsWith(out.slice(0, -1))).toBe(true);
    expect(words(40)[out.length - 1]).toBe(' ');
  });

  it('drops a dangling separator before the ellipsis', () => {
    const out = clipSummary(`${'a'.repeat(120)} - ${'b'.repeat(40)}`);
    expect(out).toBe(`${'a'.repeat(120)}…`);
  });

  it('cuts mid-word only when there is no word boundary near the limit', () => {
    const out = clipSummary('x'.repeat(300));
    expect(out).toBe(`${'x'.repeat(MAX_SUMMARY - 1)}…`);
  });

  it('never splits a surrogate pair and stays under 140 UTF-16 code units', () => {
    const out = clipSummary('💊'.repeat(100));
    expect(out.length).toBeLessThanOrEqual(MAX_SUMMARY);
    expect(/[\uD800-\uDBFF]…$/.test(out)).toBe(false);
    expect(() => encodeURIComponent(out)).not.toThrow();
  });

  it.each([139, 140, 141, 200])('holds the limit for a %i-character summary', (n) => {
    expect(clipSummary(`${words(60)}`.slice(0, n)).length).toBeLessThan(140);
  });
});
