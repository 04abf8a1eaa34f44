/**
 * CHA2DS2-VASc weights (Lip et al., Chest 2010;137:263-72), as used by the 2023 ACC/AHA/ACCP/HRS AF guideline.
 * Items are coded conditions (knowledge/conditions.ts), age bands and sex category.
 */
import type { Citations } from '../types';
import {
  DIABETES,
  HEART_FAILURE,
  HYPERTENSION,
  STROKE_TIA_THROMBOEMBOLISM,
  VASCULAR_DISEASE,
  type ConditionSet,
} from './conditions';

export const CHA2DS2_VASC_CITATIONS: Citations = [
  {
    title:
      'Lip GYH et al. Refining clinical risk stratification for predicting stroke and thromboembolism in atrial fibrillation using a novel risk factor-based approach: the Euro Heart Survey on Atrial Fibrillation. Chest 2010;137(2):263-72',
    url: 'https://doi.org/10.1378/chest.09-1584',
    year: 2010,
  },
  {
    title:
      '2023 ACC/AHA/ACCP/HRS Guideline for the Diagnosis and Management of Atrial Fibrillation. Circulation 2024;149:e1-e156',
    url: 'https://doi.org/10.1161/CIR.0000000000001193',
    year: 2023,
  },
];

export interface ConditionItem {
  letter: string;
  set: ConditionSet;
  points: number;
}

export const CHA2DS2_VASC_CONDITIONS: readonly ConditionItem[] = [
  { letter: 'C', set: HEART_FAILURE, points: 1 },
  { letter: 'H', set: HYPERTENSION, points: 1 },
  { letter: 'D', set: DIABETES, points: 1 },
  { letter: 'S2', set: STROKE_TIA_THROMBOEMBOLISM, points: 2 },
  { letter: 'V', set: VASCULAR_DISEASE, points: 1 },
];

/** Age: 75 and over 2 points ("A2"), 65–74 one point ("A"). */
export const AGE_BANDS = { twoPoints: 75, onePoint: 65 } as const;

/** Female sex category: 1 point ("Sc"). */
export const FEMALE_POINTS = 1;

export const CHA2DS2_VASC_LIMITATIONS: readonly string[] = [
  'Items come from coded, current problem-list conditions only: a history recorded in notes, or under a SNOMED CT code we do not list, counts as "not recorded" (the score can be too low).',
  'Coronary artery disease without a recorded myocardial infarction is not counted as vascular disease (Lip 2010 definition; ESC 2020 also counts angiographically significant CAD).',
  'Hypertension is counted from the diagnosis, not from blood pressure readings.',
];
