/**
 * Anticoagulation knowledge: when AF warrants oral anticoagulation (2023 ACC/AHA/ACCP/HRS), and apixaban's
 * label dose-reduction criteria for nonvalvular AF.
 */
import type { Citations } from '../types';
import type { DrugClassId } from './drugs';

export const ANTICOAGULATION_GAP = {
  id: 'anticoag-gap-af',
  /** CHA2DS2-VASc at or above which oral anticoagulation is recommended (class 1). */
  threshold: { male: 2, female: 3 },
  /** Classes that count as "anticoagulated" (heparin counts: bridging or inpatient therapy is a decision already made). */
  covering: ['vka', 'doac', 'heparin'] as const satisfies readonly DrugClassId[],
  citations: [
    {
      title:
        '2023 ACC/AHA/ACCP/HRS Guideline for the Diagnosis and Management of Atrial Fibrillation (section 6.3: anticoagulation recommended at annual stroke risk ≥ 2 %, e.g. CHA2DS2-VASc ≥ 2 in men, ≥ 3 in women). Circulation 2024;149:e1-e156',
      url: 'https://doi.org/10.1161/CIR.0000000000001193',
      year: 2023,
    },
    {
      title: 'Lip GYH et al. CHA2DS2-VASc. Chest 2010;137(2):263-72',
      url: 'https://doi.org/10.1378/chest.09-1584',
      year: 2010,
    },
  ] satisfies Citations,
  limitations: [
    'Bleeding risk, prior bleeding, falls, patient preference, contraindications and documented decisions not to anticoagulate are not in the coded record we read.',
    'Anticoagulants obtained outside this record (another health system, over-the-counter lists) are not seen.',
    'Valvular AF (moderate-severe mitral stenosis, mechanical valve) needs warfarin and is not distinguished here.',
    'CHA2DS2-VASc items come only from coded current conditions; the score may be too low when history is in free text.',
  ],
};

export const APIXABAN = {
  id: 'renal-apixaban',
  ingredient: '1364430',
  /** RxNorm SCD apixaban 2.5 MG Oral Tablet (knowledge/drugs/products.ts). */
  reducedProduct: { code: '1364435', display: 'apixaban 2.5 MG Oral Tablet' },
  /** mg per dose of the reduced AF dose. */
  reducedMg: 2.5,
  /** Label: 2.5 mg twice daily when at least two of these apply (nonvalvular AF). */
  criteria: { ageYears: 80, weightKg: 60, creatinineMgDl: 1.5 },
  needed: 2,
  labelDose: '2.5 mg orally twice daily',
  citations: [
    {
      title:
        'ELIQUIS (apixaban) US Prescribing Information, section 2.2 (Recommended dose: nonvalvular AF; dose adjustments)',
      url: 'https://packageinserts.bms.com/pi/pi_eliquis.pdf',
      year: 2021,
    },
  ] satisfies Citations,
  limitations: [
    'Applies to nonvalvular AF; VTE treatment and prophylaxis doses differ and are not checked.',
    'End-stage kidney disease on dialysis is not checked; combined P-gp/strong CYP3A4 inhibitors are a drug-interaction finding and under-dosing (2.5 mg without two criteria) an anticoagulant-stewardship finding.',
  ],
};
