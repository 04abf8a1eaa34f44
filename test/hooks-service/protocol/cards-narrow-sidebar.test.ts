/**
 * A card read in a narrow sidebar (Oracle Health shows patient-view cards there, docs/administrators.md): the
 * detail's first line says what to do, then the rationale, then the basis and the sources. Checked on every finding
 * the engine makes on charts as EHRs send them, so every rule family is held to it.
 */
import { describe, expect, it } from 'vitest';
import { rules } from '@reasoning/registry';
import { toCard } from '../../../hooks-service/protocol/cards';
import { ehrFindings } from '../../reasoning/support/ehr-findings';

let n = 0;
const ctx = {
  baseUrl: 'https://cairn.example',
  newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
};
const all = ehrFindings().map((x) => ({ ...x, card: toCard(x.finding, ctx) }));

describe('a card in a narrow sidebar', () => {
  it('is checked for every rule family', () => {
    const families = new Set(all.map((x) => x.finding.family));
    expect(rules.map((r) => r.family).filter((f) => !families.has(f))).toEqual([]);
  });

  it("starts its detail with what to do: the finding's action, on the first line", () => {
    for (const { chart, finding, card } of all) {
      expect(card.detail?.split('\n')[0], `${chart}: ${finding.ruleId}`).toBe(`**What to do:** ${finding.action}`);
    }
  });

  it('says what to do in one plain line, once: the rationale does not repeat it', () => {
    for (const { chart, finding, card } of all) {
      const at = `${chart}: ${finding.ruleId}`;
      expect(finding.action, at).toMatch(/^[A-Z][^\n*_`#]+[.)]$/);
      expect(card.detail?.split(finding.action).length, at).toBe(2);
      expect(finding.detail, at).not.toMatch(/What to (consider|do)|What the source says/);
    }
  });

  it('puts the rationale after the action, then what it was based on, then the sources', () => {
    for (const { chart, finding, card } of all) {
      const detail = card.detail ?? '';
      const order = [`**What to do:**`, finding.detail.trim().split('\n')[0] ?? '', '**Based on**', '**Sources**'];
      const positions = order.map((part) => detail.indexOf(part));
      expect(
        positions.every((p) => p >= 0),
        `${chart}: ${finding.ruleId}`,
      ).toBe(true);
      expect(
        [...positions].sort((a, b) => a - b),
        `${chart}: ${finding.ruleId}`,
      ).toEqual(positions);
    }
  });
});
