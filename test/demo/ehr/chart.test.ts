import { describe, expect, it } from 'vitest';
import { chartOf, patientRows } from '../../../demo/ehr/chart';
import { MemoryRepository } from '../../../demo/fhir/repository';
import { loadDemoResources } from '../../../demo/patients/load';

const repo = new MemoryRepository(loadDemoResources({ teachingOnly: true }));
const NOW = '2021-04-01T12:00:00Z';

describe('demo EHR chart', () => {
  it('summarises each patient on one line', () => {
    const row = patientRows(repo, NOW).find((r) => r.id === 'teach-ckd4-metformin');
    expect(row).toMatchObject({ name: 'Rosa Delgado', age: 68, sex: 'female', teaching: true });
    expect(row?.summary).toBe('Chronic kidney disease stage 4, Diabetes · 1 active med');
    const allergic = patientRows(repo, NOW).find((r) => r.id === 'teach-penicillin-allergy');
    expect(allergic?.summary).toBe('No chronic problems · 0 active meds · allergy: Penicillin G');
  });

  it('shows the newest result per test, newest first, with allergies and problems', () => {
    const chart = chartOf(repo, 'teach-penicillin-allergy', NOW);
    expect(chart?.allergies[0]).toMatchObject({
      text: 'Penicillin G',
      detail: 'medication · criticality high · Hives and lip swelling',
    });
    const aki = chartOf(repo, 'teach-aki', NOW);
    expect(aki?.results).toEqual([
      expect.objectContaining({ text: 'Creatinine', detail: '1.7 mg/dL', date: '2021-03-31T06:40:00Z' }),
    ]);
    expect(chartOf(repo, 'nobody', NOW)).toBeUndefined();
  });

  it('lists past events Synthea leaves active under past history, not problems, and rounds values', () => {
    const full = new MemoryRepository(loadDemoResources());
    const withAppendix = patientRows(full, NOW)
      .map((r) => chartOf(full, r.id, NOW))
      .find((c) => c?.history.some((l) => l.text === 'Appendicitis'));
    expect(withAppendix?.problems.map((l) => l.text)).not.toContain('Appendicitis');
    const values = (withAppendix?.results ?? []).map((l) => l.detail ?? '');
    expect(values.every((v) => !/\.\d{4,}/.test(v))).toBe(true);
    expect(values.some((v) => v.includes('{'))).toBe(false);
  });
});
