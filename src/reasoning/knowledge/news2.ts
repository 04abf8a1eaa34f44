/**
 * NEWS2 scoring bands (Royal College of Physicians. National Early Warning Score (NEWS) 2, 2017, chart 1).
 * Each band is "value ≤ upTo → points", checked in order; the last band has upTo Infinity.
 * SpO2 uses scale 1 (scale 2 is for prescribed hypercapnic targets, which we cannot see in the record).
 */
import type { Citations } from '../types';

export const NEWS2_CITATIONS: Citations = [
  {
    title:
      'Royal College of Physicians. National Early Warning Score (NEWS) 2: Standardising the assessment of acute-illness severity in the NHS. London: RCP, 2017',
    url: 'https://www.rcp.ac.uk/improving-care/resources/national-early-warning-score-news-2/',
    year: 2017,
  },
];

export interface Band {
  upTo: number;
  points: number;
}

export interface News2Parameter {
  key: string;
  name: string;
  /** Analyte key (knowledge/labs) the value comes from; undefined when the record has no analyte for it. */
  analyte?: string;
  unit: string;
  bands: readonly Band[];
}

export const NEWS2_PARAMETERS: readonly News2Parameter[] = [
  {
    key: 'rr',
    name: 'Respiration rate',
    analyte: 'respiratory-rate',
    unit: '/min',
    bands: [
      { upTo: 8, points: 3 },
      { upTo: 11, points: 1 },
      { upTo: 20, points: 0 },
      { upTo: 24, points: 2 },
      { upTo: Infinity, points: 3 },
    ],
  },
  {
    key: 'spo2',
    name: 'SpO2 (scale 1)',
    analyte: 'spo2',
    unit: '%',
    bands: [
      { upTo: 91, points: 3 },
      { upTo: 93, points: 2 },
      { upTo: 95, points: 1 },
      { upTo: Infinity, points: 0 },
    ],
  },
  // Air or supplemental oxygen: 2 points on oxygen. Not available as an analyte in our facts yet.
  { key: 'o2', name: 'Air or oxygen', unit: '', bands: [] },
  {
    key: 'sbp',
    name: 'Systolic blood pressure',
    analyte: 'systolic-bp',
    unit: 'mmHg',
    bands: [
      { upTo: 90, points: 3 },
      { upTo: 100, points: 2 },
      { upTo: 110, points: 1 },
      { upTo: 219, points: 0 },
      { upTo: Infinity, points: 3 },
    ],
  },
  {
    key: 'pulse',
    name: 'Pulse',
    analyte: 'heart-rate',
    unit: '/min',
    bands: [
      { upTo: 40, points: 3 },
      { upTo: 50, points: 1 },
      { upTo: 90, points: 0 },
      { upTo: 110, points: 1 },
      { upTo: 130, points: 2 },
      { upTo: Infinity, points: 3 },
    ],
  },
  // Consciousness (ACVPU): alert 0, new confusion/V/P/U 3. Not available as an analyte in our facts yet.
  { key: 'acvpu', name: 'Consciousness (ACVPU)', unit: '', bands: [] },
  {
    key: 'temp',
    name: 'Temperature',
    analyte: 'body-temperature',
    unit: '°C',
    bands: [
      { upTo: 35.0, points: 3 },
      { upTo: 36.0, points: 1 },
      { upTo: 38.0, points: 0 },
      { upTo: 39.0, points: 1 },
      { upTo: Infinity, points: 2 },
    ],
  },
];

/** Aggregate 5–6, or 3 in any single parameter: urgent response; 7 or more: emergency response (RCP 2017). */
export const NEWS2_THRESHOLDS = { urgent: 5, emergency: 7, redParameter: 3 } as const;

/** Points for a value: the first band whose upper bound it does not exceed. */
export function pointsFor(bands: readonly Band[], value: number): number {
  return bands.find((b) => value <= b.upTo)?.points ?? 0;
}
