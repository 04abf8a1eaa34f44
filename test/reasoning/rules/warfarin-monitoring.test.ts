import { describe, expect, it } from 'vitest';
import { normalize } from '@reasoning/normalize';
import { warfarinMonitoringRule } from '@reasoning/rules/warfarin-monitoring';
import type { Finding } from '@reasoning/types';
import { makeDraft, makeInput, makeMedicationRequest, makeObservation, RX } from '../support/fhir-builders';

const run = (chart: fhir4.Resource[], drafts: fhir4.Resource[] = []): Finding[] =>
  warfarinMonitoringRule.evaluate(normalize(makeInput(chart, drafts))).findings;
const warfarin = (authoredOn = '2021-01-10') => makeMedicationRequest({ code: RX.warfarin5, id: 'w1', authoredOn });
const inr = (value: number, date: string, id?: string, loinc = '6301-6') =>
  makeObservation({ loinc, value, unit: '{INR}', date, ...(id ? { id } : {}) });

describe('warfarin-monitoring: INR overdue (CHEST 2012: at most every 12 weeks)', () => {
  it.each([
    ['no INR ever, recent order → warning', [warfarin()], 'warning', 'no INR on record'],
    [
      'last INR 85 days ago → warning',
      [warfarin(), inr(2.4, '2021-01-06T00:00:00Z')],
      'warning',
      'last INR 2.4 on 2021-01-06',
    ],
    ['no INR, order over a year old → info', [warfarin('2015-05-01')], 'info', 'no INR on record'],
  ])('%s', (_name, chart, severity, text) => {
    const f = run(chart).filter((x) => x.ruleId === 'warfarin-inr-overdue');
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe(severity);
    expect(f[0]?.summary).toContain(text);
    expect(f[0]?.summary.length).toBeLessThan(140);
    expect(f[0]?.id).toBe('warfarin-inr-overdue:MedicationRequest/w1');
    expect(f[0]?.family).toBe('warfarin-monitoring');
  });

  it.each([
    ['INR 84 days ago (boundary)', [warfarin(), inr(2.5, '2021-01-07T00:00:00Z')]],
    ['INR last week (LOINC 34714-6)', [warfarin(), inr(2.5, '2021-03-25T00:00:00Z', undefined, '34714-6')]],
    ['no warfarin', [makeMedicationRequest({ code: RX.apixaban5 })]],
    ['warfarin stopped', [makeMedicationRequest({ code: RX.warfarin5, status: 'stopped' })]],
  ])('does not fire: %s', (_name, chart) => {
    expect(run(chart).filter((x) => x.ruleId === 'warfarin-inr-overdue')).toEqual([]);
  });

  it('suggests a draft INR order (LOINC 6301-6) for the patient', () => {
    const create = run([warfarin()])[0]?.suggestions[0]?.actions[0];
    expect(create?.type).toBe('create');
    if (create?.type === 'create') {
      expect(create.resource).toMatchObject({
        resourceType: 'ServiceRequest',
        status: 'draft',
        subject: { reference: 'Patient/p1' },
      });
      expect((create.resource as fhir4.ServiceRequest).code?.coding?.[0]?.code).toBe('6301-6');
    }
  });

  it('does not ask for monitoring of a first warfarin draft (new start)', () => {
    expect(run([], [makeDraft({ code: RX.warfarin5 })])).toEqual([]);
  });
});

describe('warfarin-monitoring: INR above range (CHEST 2012, 9.1-9.2)', () => {
  it.each([
    ['INR 4.4 → nothing', 4.4, '2021-03-30T00:00:00Z', undefined],
    ['INR 4.5 (boundary) → warning', 4.5, '2021-03-30T00:00:00Z', 'warning'],
    ['INR 7.2 → warning', 7.2, '2021-03-30T00:00:00Z', 'warning'],
    ['INR 10 (boundary, not above 10) → warning', 10, '2021-03-30T00:00:00Z', 'warning'],
    ['INR 11.5 this week → critical', 11.5, '2021-03-30T00:00:00Z', 'critical'],
    ['INR 11.5 a month ago → warning (no longer current)', 11.5, '2021-03-01T00:00:00Z', 'warning'],
  ])('%s', (_name, value, date, severity) => {
    const f = run([warfarin(), inr(2.6, '2021-02-15T00:00:00Z', 'inr-old'), inr(value, date, 'inr-new')]).filter(
      (x) => x.ruleId === 'warfarin-inr-high',
    );
    if (!severity) {
      expect(f).toEqual([]);
      return;
    }
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe(severity);
    expect(f[0]?.id).toBe('warfarin-inr-high:Observation/inr-new');
    expect(f[0]?.inputs.filter((i) => i.name.startsWith('INR')).map((i) => i.value)).toEqual([value, 2.6]);
    expect(f[0]?.detail).toContain('INR trend');
  });

  it('ignores a high INR older than 12 weeks (the overdue finding names it instead)', () => {
    const ids = run([warfarin(), inr(6, '2020-10-01T00:00:00Z')]).map((f) => f.ruleId);
    expect(ids).toEqual(['warfarin-inr-overdue']);
  });

  it('marks a draft warfarin order on a high INR as the draft it concerns', () => {
    const f = run([warfarin(), inr(6, '2021-03-30T00:00:00Z')], [makeDraft({ code: RX.warfarin5, id: 'd1' })]).find(
      (x) => x.ruleId === 'warfarin-inr-high',
    );
    expect(f?.draftRefs).toEqual(['MedicationRequest/d1']);
  });
});
