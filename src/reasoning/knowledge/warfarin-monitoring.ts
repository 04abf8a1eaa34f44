/**
 * Warfarin monitoring: how often the INR should be measured and which INR values need action, from the ACCP
 * antithrombotic guideline (Holbrook et al., CHEST 2012, 9th ed.), with the warfarin label as a second source.
 */
import type { Citations } from '../types';

export const WARFARIN_MONITORING = {
  /**
   * Recommendation 3.1: for patients with consistently stable INRs, INR testing "up to every 12 weeks" rather than
   * every 4 weeks (Grade 2B). 12 weeks is the longest interval the guideline endorses, so a gap beyond it is overdue
   * for any patient; unstable patients need far more frequent tests, which we cannot tell apart here.
   */
  overdueAfterDays: 84,
  /** Recommendations 9.1–9.2: INR 4.5–10 without bleeding — hold/reduce, no routine vitamin K (2B); INR > 10 — oral vitamin K (2C). */
  highFrom: 4.5,
  veryHighAbove: 10,
  /** A very high INR is an emergency only while it is current; an older value is history (project policy). */
  criticalWithinDays: 7,
  /** INRs shown as the trend. */
  trendLength: 3,
  citations: [
    {
      title:
        'Holbrook A, et al. Evidence-based management of anticoagulant therapy: Antithrombotic Therapy and Prevention of Thrombosis, 9th ed: ACCP Evidence-Based Clinical Practice Guidelines. Chest 2012;141(2 Suppl):e152S-e184S (recommendation 3.1: INR testing up to every 12 weeks when stable, Grade 2B; 9.1-9.2: INR 4.5-10 without bleeding, no routine vitamin K, Grade 2B; INR > 10, oral vitamin K, Grade 2C)',
      url: 'https://doi.org/10.1378/chest.11-2295',
      year: 2012,
    },
    {
      title:
        'Warfarin (Coumadin) US prescribing information (DailyMed), section 2.1 Individualized dosing (periodic INR monitoring)',
      url: 'https://dailymed.nlm.nih.gov',
      year: 2022,
    },
  ] satisfies Citations,
  limitations: [
    'INR results from outside laboratories or home monitors that are not in this record are not seen.',
    'Target range is assumed to be 2.0–3.0; mechanical valves and some indications use 2.5–3.5.',
    'Bleeding is not read: an INR above range with bleeding needs urgent reversal regardless of these thresholds.',
    'Only chart warfarin orders are checked; an order over a year old may no longer be taken (shown as information).',
  ],
};
