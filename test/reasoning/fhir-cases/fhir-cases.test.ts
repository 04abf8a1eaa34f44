/**
 * The FHIR case table (cases.ts) through runEngine: each family's case fires the expected finding at the expected
 * severity, on the draft order for order-sign cases and on the chart alone for patient-view cases; calibrated
 * non-cards stay silent. The same table runs over HTTP in test/hooks-service/hooks-by-family.int.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runEngine } from '@reasoning/engine';
import { rules } from '@reasoning/registry';
import { ALL_CASES, CASES, type FhirCase } from './cases';
import { NOW } from './ehr';

const run = (c: FhirCase) => runEngine({ resources: [c.patient, ...c.chart], draftOrders: c.drafts ?? [], now: NOW });

describe('FHIR cases per rule family, through runEngine', () => {
  it.each(ALL_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { findings } = run(c);
    for (const id of c.absent ?? []) expect(findings.map((f) => f.ruleId)).not.toContain(id);
    if (!c.expect) return;
    const f = findings.find((x) => x.ruleId === c.expect?.ruleId);
    expect(f, `no ${c.expect.ruleId} among ${findings.map((x) => x.ruleId).join(', ')}`).toBeDefined();
    expect(f?.family).toBe(c.family);
    expect(f?.severity).toBe(c.expect.severity);
    expect(f?.summary).toMatch(c.expect.summary);
    const draftIds = (c.drafts ?? []).map((d) => `MedicationRequest/${d.id}`);
    if (c.hook === 'order-sign') expect(f?.draftRefs.some((r) => draftIds.includes(r))).toBe(true);
    else expect(f?.draftRefs).toEqual([]);
    if (c.namesOnly) expect(JSON.stringify(f?.inputs)).toMatch(/identified from/);
  });

  it('covers every registered rule family with at least one firing case', () => {
    const covered = new Set(CASES.filter((c) => c.expect).map((c) => c.family));
    expect(rules.map((r) => r.family).filter((family) => !covered.has(family))).toEqual([]);
  });
});
