// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALLERGY_CHOICES, PROBLEM_CHOICES, REACTION_CHOICES, type NewAllergy } from '../../../demo/ehr/chart-entries';
import type { Chart } from '../../../demo/ehr/chart';
import { ChartEntries } from '../../../demo/ehr/web/ChartEntries';
import { ChartView } from '../../../demo/ehr/web/ChartView';

afterEach(cleanup);

const select = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('demo EHR: adding to the chart', () => {
  it('records the allergy chosen, with criticality and reaction only when stated', () => {
    const onAddAllergy = vi.fn<(entry: NewAllergy) => void>();
    render(<ChartEntries busy={false} added={[]} onAddAllergy={onAddAllergy} onAddProblem={vi.fn()} />);
    const sulfa = ALLERGY_CHOICES.findIndex((c) => c.code === '10831');
    select('Allergy to', String(sulfa));
    fireEvent.click(screen.getByRole('button', { name: 'Record allergy' }));
    expect(onAddAllergy).toHaveBeenLastCalledWith({ substance: ALLERGY_CHOICES[sulfa] });

    select('Criticality', 'high');
    select('Reaction', '0');
    fireEvent.click(screen.getByRole('button', { name: 'Record allergy' }));
    expect(onAddAllergy).toHaveBeenLastCalledWith({
      substance: ALLERGY_CHOICES[sulfa],
      criticality: 'high',
      reaction: REACTION_CHOICES[0],
    });
  });

  it('adds the problem chosen, and lists what was added this session', () => {
    const onAddProblem = vi.fn();
    const added = [{ id: 1, hook: 'problem-list-item-create', label: 'Problem: Pregnancy' }];
    render(<ChartEntries busy={false} added={added} onAddAllergy={vi.fn()} onAddProblem={onAddProblem} />);
    select('Problem', '1');
    fireEvent.click(screen.getByRole('button', { name: 'Add problem' }));
    expect(onAddProblem).toHaveBeenCalledWith(PROBLEM_CHOICES[1]);
    expect(screen.getByRole('list', { name: 'Added this session' }).textContent).toContain('Problem: Pregnancy');
  });

  it('offers no second call while a hook is running', () => {
    render(<ChartEntries busy added={[]} onAddAllergy={vi.fn()} onAddProblem={vi.fn()} />);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Record allergy' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Add problem' }).disabled).toBe(true);
  });

  it('refills a medication from its line in the chart, naming the prescription', () => {
    const onRefill = vi.fn();
    const chart: Chart = {
      patient: { id: 'p1', name: 'Test Patient', sex: 'female', deceased: false, teaching: true, summary: '' },
      problems: [],
      history: [],
      medications: [{ ref: 'MedicationRequest/rx1', text: 'Spironolactone 25 MG Oral Tablet' }],
      allergies: [],
      results: [],
    };
    render(<ChartView chart={chart} onRefill={onRefill} />);
    fireEvent.click(screen.getByRole('button', { name: 'Refill Spironolactone 25 MG Oral Tablet' }));
    expect(onRefill).toHaveBeenCalledWith('MedicationRequest/rx1', 'Spironolactone 25 MG Oral Tablet');
  });
});
