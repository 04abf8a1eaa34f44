import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/reasoning/types';
import { toCard, toCards } from '../../../hooks-service/protocol/cards';
import { selectFindings } from '../../../hooks-service/protocol/select-findings';
import { assertValidCdsResponse } from '../support/assert-cds-response';

let n = 0;
const ctx = {
  baseUrl: 'https://cairn.example',
  newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
};

function makeFinding(over: Partial<Finding> = {}): Finding {
  return {
    id: 'ddi-x:1',
    ruleId: 'ddi-x',
    family: 'drug-interactions',
    severity: 'warning',
    summary: 'Drug A + drug B: risk',
    action: 'Stop drug B.',
    detail: 'Why it matters.',
    evidence: [{ reference: 'MedicationRequest/a' }],
    inputs: [
      { name: 'Creatinine', value: 1.4, unit: 'mg/dL', date: '2021-03-01T10:00:00Z', source: 'Observation/c' },
      { name: 'On drug A', value: true },
    ],
    citations: [{ title: 'A drug label', url: 'https://example.org/label', year: 2020 }],
    suggestions: [],
    draftRefs: [],
    ...over,
  };
}

describe('cards as a projection of findings', () => {
  it('renders inputs with their dates, citations and limits into the detail', () => {
    const card = toCard(makeFinding({ limitations: ['No doses considered.'] }), ctx);
    expect(card.detail).toContain('- Creatinine: 1.4 mg/dL (2021-03-01)');
    expect(card.detail).toContain('- On drug A: true (undated)');
    expect(card.detail).toContain('[A drug label](https://example.org/label), 2020');
    expect(card.detail).toContain('- No doses considered.');
  });

  it('takes the source label from the rule registry and never leaves optional elements empty', () => {
    const card = toCard(makeFinding(), ctx);
    expect(card.source.label).toMatch(/^Drug–drug interactions/);
    expect(card.suggestions).toBeUndefined();
    expect(card.selectionBehavior).toBeUndefined();
    assertValidCdsResponse({ cards: [card] });
  });

  it('splits a delete of several drafts into one action per relative reference (resourceId is a string)', () => {
    const card = toCard(
      makeFinding({
        suggestions: [
          {
            label: 'Remove both',
            actions: [
              { type: 'delete', description: 'Remove', resourceId: ['MedicationRequest/a', 'MedicationRequest/b'] },
            ],
          },
        ],
      }),
      ctx,
    );
    expect(card.suggestions?.[0]?.actions).toEqual([
      { type: 'delete', description: 'Remove', resourceId: 'MedicationRequest/a' },
      { type: 'delete', description: 'Remove', resourceId: 'MedicationRequest/b' },
    ]);
    expect(card.selectionBehavior).toBe('at-most-one');
    assertValidCdsResponse({ cards: [card] });
  });

  it('clips an over-long summary below 140 characters', () => {
    expect(toCard(makeFinding({ summary: 'x'.repeat(200) }), ctx).summary.length).toBeLessThan(140);
  });

  it('drops a suggestion whose delete cannot name its draft (no id), keeping the warning card', () => {
    const card = toCard(
      makeFinding({
        suggestions: [
          {
            label: 'Remove',
            actions: [{ type: 'delete', description: 'Remove', resourceId: ['MedicationRequest (no id)'] }],
          },
          {
            label: 'Replace',
            isRecommended: true,
            actions: [
              { type: 'delete', description: 'Remove', resourceId: ['MedicationRequest (no id)'] },
              { type: 'create', description: 'Add', resource: { resourceType: 'MedicationRequest' } },
            ],
          },
        ],
      }),
      ctx,
    );
    expect(card.suggestions).toBeUndefined();
    expect(card.selectionBehavior).toBeUndefined();
    expect(card.summary).toBe('Drug A + drug B: risk');
    assertValidCdsResponse({ cards: [card] });
  });

  it('marks at most one suggestion recommended on an at-most-one card', () => {
    const remove = { type: 'delete' as const, description: 'Remove', resourceId: ['MedicationRequest/a'] };
    const card = toCard(
      makeFinding({
        suggestions: [
          { label: 'A', isRecommended: true, actions: [remove] },
          { label: 'B', isRecommended: true, actions: [remove] },
          { label: 'C', actions: [remove] },
        ],
      }),
      ctx,
    );
    expect(card.selectionBehavior).toBe('at-most-one');
    expect(card.suggestions?.map((s) => s.isRecommended)).toEqual([true, false, undefined]);
  });

  it('emits one card per finding id and no two cards with the same summary', () => {
    const cards = toCards(
      [makeFinding(), makeFinding(), makeFinding({ id: 'ddi-x:2' }), makeFinding({ id: 'other', summary: 'Other' })],
      ctx,
    );
    expect(cards.map((c) => c.card.summary)).toEqual(['Drug A + drug B: risk', 'Other']);
  });

  it('binds each card to the rule of the finding it was built from, not to a position', () => {
    const cards = toCards(
      [
        makeFinding(),
        makeFinding({ id: 'y:1', ruleId: 'rule-y' }),
        makeFinding({ id: 'z:1', ruleId: 'rule-z', summary: 'Z' }),
      ],
      ctx,
    );
    expect(cards.map((c) => [c.card.summary, c.ruleId])).toEqual([
      ['Drug A + drug B: risk', 'ddi-x'],
      ['Z', 'rule-z'],
    ]);
  });
});

describe('which findings a hook speaks about', () => {
  const chart = makeFinding({ id: 'chart' });
  const onA = makeFinding({ id: 'a', draftRefs: ['MedicationRequest/a'] });
  const onB = makeFinding({ id: 'b', draftRefs: ['MedicationRequest/b'] });
  it.each([
    ['patient-view', [], ['chart']],
    ['order-select', ['MedicationRequest/b'], ['b']],
    ['order-sign', [], ['a', 'b']],
  ] as const)('%s with selections %j → %j', (hook, selections, ids) => {
    expect(selectFindings(hook, [chart, onA, onB], { selections }).map((f) => f.id)).toEqual(ids);
  });
});
