/**
 * Adding to the chart: record an allergy (fires allergyintolerance-create) or a problem (problem-list-item-create)
 * from the pick lists of chart-entries.ts. Refills are started from the medication list (ChartView).
 */
import { useState } from 'preact/hooks';
import {
  ALLERGY_CHOICES,
  PROBLEM_CHOICES,
  REACTION_CHOICES,
  type ChartChoice,
  type Criticality,
  type NewAllergy,
} from '../chart-entries';
import type { ChartAddition } from './use-session';

interface Props {
  busy: boolean;
  added: ChartAddition[];
  onAddAllergy: (entry: NewAllergy) => void;
  onAddProblem: (problem: ChartChoice) => void;
}

const CRITICALITY: { value: Criticality | ''; label: string }[] = [
  { value: '', label: 'Not stated' },
  { value: 'low', label: 'Low' },
  { value: 'high', label: 'High' },
  { value: 'unable-to-assess', label: 'Unable to assess' },
];

const at = <T,>(list: readonly T[], index: string): T | undefined => (index === '' ? undefined : list[Number(index)]);

export function ChartEntries({ busy, added, onAddAllergy, onAddProblem }: Props) {
  const [substance, setSubstance] = useState('0');
  const [criticality, setCriticality] = useState<Criticality | ''>('');
  const [reaction, setReaction] = useState('');
  const [problem, setProblem] = useState('0');

  const recordAllergy = () => {
    const chosen = at(ALLERGY_CHOICES, substance);
    if (!chosen) return;
    const manifestation = at(REACTION_CHOICES, reaction);
    onAddAllergy({
      substance: chosen,
      ...(criticality && { criticality }),
      ...(manifestation && { reaction: manifestation }),
    });
  };
  const addProblem = () => {
    const chosen = at(PROBLEM_CHOICES, problem);
    if (chosen) onAddProblem(chosen);
  };

  return (
    <section class="entries" aria-label="Add to chart">
      <h2>Add to chart</h2>
      <div class="row">
        <label class="field field--grow">
          Allergy to
          <select value={substance} onChange={(e) => setSubstance(e.currentTarget.value)}>
            {ALLERGY_CHOICES.map((c, i) => (
              <option value={String(i)}>{c.display}</option>
            ))}
          </select>
        </label>
        <label class="field">
          Criticality
          <select value={criticality} onChange={(e) => setCriticality(e.currentTarget.value as Criticality | '')}>
            {CRITICALITY.map((c) => (
              <option value={c.value}>{c.label}</option>
            ))}
          </select>
        </label>
        <label class="field">
          Reaction
          <select value={reaction} onChange={(e) => setReaction(e.currentTarget.value)}>
            <option value="">Not stated</option>
            {REACTION_CHOICES.map((r, i) => (
              <option value={String(i)}>{r.display}</option>
            ))}
          </select>
        </label>
        <button type="button" class="btn btn--primary" disabled={busy} onClick={recordAllergy}>
          Record allergy
        </button>
      </div>
      <div class="row">
        <label class="field field--grow">
          Problem
          <select value={problem} onChange={(e) => setProblem(e.currentTarget.value)}>
            {PROBLEM_CHOICES.map((c, i) => (
              <option value={String(i)}>{c.display}</option>
            ))}
          </select>
        </label>
        <button type="button" class="btn btn--primary" disabled={busy} onClick={addProblem}>
          Add problem
        </button>
      </div>
      {added.length > 0 && (
        <>
          <h3>Added this session</h3>
          <ul class="drafts drafts--signed" aria-label="Added this session">
            {added.map((a) => (
              <li data-hook={a.hook}>
                <span>{a.label}</span>
                <span class="tag">{a.hook}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
