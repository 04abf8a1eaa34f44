/**
 * A summary alone must carry the point: a narrow EHR sidebar (Oracle Health's patient-view, docs/administrators.md)
 * may show it and little more. Checked on every finding the engine makes on charts as EHRs send them.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SUMMARY } from '@cds-hooks/summary';
import { ingredientName } from '@reasoning/knowledge/drugs';
import { normalize } from '@reasoning/normalize';
import { rules } from '@reasoning/registry';
import { ehrFindings, type EhrFinding } from './support/ehr-findings';

const all = ehrFindings();

/** AKI lists drugs to review as evidence; its point is the creatinine rise, not a drug. */
const NOT_ABOUT_A_DRUG = new Set(['acute-kidney-injury']);

/** The drugs a finding's evidence names: as Cairn identified them (ingredients) and as the order wrote them. */
function drugNames({ finding, input }: EhrFinding): string[] {
  const facts = normalize(input);
  const refs = new Set(finding.evidence.map((e) => e.reference));
  return [...facts.drafts, ...facts.medications]
    .filter((m) => refs.has(m.ref))
    .flatMap((m) => [...m.ingredients.map(ingredientName), ...m.display.split(/[^A-Za-z]+/)])
    .filter((w) => w.length >= 5)
    .map((w) => w.toLowerCase());
}

describe('a summary alone carries the point', () => {
  it('checks findings of every rule family', () => {
    const families = new Set(all.map((x) => x.finding.family));
    expect(rules.map((r) => r.family).filter((f) => !families.has(f))).toEqual([]);
  });

  it(`fits on one line of at most ${MAX_SUMMARY} characters`, () => {
    for (const { chart, finding } of all) {
      expect(finding.summary.length, `${chart}: ${finding.summary}`).toBeLessThanOrEqual(MAX_SUMMARY);
      expect(finding.summary, chart).not.toMatch(/\n/);
    }
  });

  it('is never clipped before its point; a NEWS2 summary clipped in its list of red parameters keeps the response', () => {
    for (const { chart, finding } of all.filter((x) => x.finding.summary.endsWith('…'))) {
      expect(finding.family, `${chart}: ${finding.summary}`).toBe('early-warning');
      expect(finding.summary).toMatch(/^NEWS2 [^;]*: (emergency|urgent) response[^;]*; red: /);
    }
  });

  it('names the drug a medication finding is about', () => {
    const aboutDrugs = all.filter((x) => !NOT_ABOUT_A_DRUG.has(x.finding.family) && drugNames(x).length > 0);
    expect(aboutDrugs.length).toBeGreaterThan(50);
    for (const x of aboutDrugs) {
      const summary = x.finding.summary.toLowerCase();
      expect(
        drugNames(x).some((n) => summary.includes(n)),
        `${x.chart}: "${x.finding.summary}" names none of ${drugNames(x).join(', ')}`,
      ).toBe(true);
    }
  });
});
