import { describe, expect, it } from 'vitest';
import {
  formatMeasurement,
  formatUnit,
  isChronicProblem,
  isCurrentProblem,
  summaryProblems,
} from '../../../demo/ehr/chart-text';

describe('patient list summary', () => {
  it('leaves out past events Synthea leaves active and "History of" situations', () => {
    const synthea = [
      'Rupture of appendix',
      'Appendicitis',
      'History of appendectomy',
      'Seizure disorder',
      'History of single seizure',
      'Epilepsy',
      'Hypertension',
      'Body mass index 30+ - obesity',
      'Prediabetes',
      'Coronary Heart Disease',
    ];
    expect(summaryProblems(synthea)).toEqual(['Coronary Heart Disease', 'Seizure disorder', 'Hypertension']);
  });

  it.each([
    'Miscarriage in first trimester',
    'Cardiac Arrest',
    'History of cardiac arrest (situation)',
    'Streptococcal sore throat',
  ])('does not call %s a current chronic problem', (text) => {
    expect(isChronicProblem(text)).toBe(false);
  });

  it('names one condition per group, the ones that change prescribing first', () => {
    expect(
      summaryProblems(['Hypertension', 'Diabetes', 'Diabetic renal disease', 'Chronic kidney disease stage 1', 'Gout']),
    ).toEqual(['Chronic kidney disease stage 1', 'Diabetes', 'Hypertension']);
    expect(summaryProblems(['Osteoarthritis of knee', 'Gout'])).toEqual(['Osteoarthritis of knee', 'Gout']);
    expect(summaryProblems(['Appendicitis'])).toEqual([]);
  });
});

describe('measured values in the chart', () => {
  it.each([
    [97.59468734415469, '97.6'],
    [1.2345, '1.23'],
    [0.01234, '0.0123'],
    [1234.5, '1235'],
    [140, '140'],
    [5, '5'],
    [-2.345, '-2.35'],
  ])('shows %s as %s', (value, shown) => {
    expect(formatMeasurement(value)).toBe(shown);
  });
});

describe('chart wording', () => {
  it('writes UCUM annotations as words', () => {
    expect(formatUnit('mL/min/{1.73_m2}')).toBe('mL/min/1.73 m²');
    expect(formatUnit('mg/dL')).toBe('mg/dL');
  });

  it('keeps low-signal findings current but moves "History of …" out of the problem list', () => {
    expect(isCurrentProblem('Prediabetes')).toBe(true);
    expect(isCurrentProblem('History of appendectomy')).toBe(false);
  });
});
