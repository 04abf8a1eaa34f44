/**
 * QT prolongation: the drugs are the CredibleMeds "Known Risk of TdP" category (class `qt-prolonging` on the
 * ingredient table); these are the patient factors that raise the risk, with their thresholds and sources.
 */
import type { Citation, Citations } from '../types';
import { drugLabel } from './drug-label';

export const CREDIBLEMEDS: Citation = {
  title: 'CredibleMeds QTdrugs List, Known Risk of TdP category (AZCERT; list as of 2024-06)',
  url: 'https://crediblemeds.org',
  year: 2024,
};
export const DREW_2010: Citation = {
  title:
    'Drew BJ, et al. Prevention of torsade de pointes in hospital settings: AHA/ACCF scientific statement. Circulation 2010;121:1047-60',
  url: 'https://doi.org/10.1161/CIRCULATIONAHA.109.192704',
  year: 2010,
};
export const FDA_CITALOPRAM_2011: Citation = {
  title:
    'FDA Drug Safety Communication: abnormal heart rhythms with high doses of Celexa (citalopram), revised recommendations',
  url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-revised-recommendations-celexa-citalopram-hydrobromide-related',
  year: 2011,
};

export const QT_CITATIONS: Citations = [CREDIBLEMEDS, DREW_2010];

export const QT_THRESHOLDS = {
  /** QTc at or above which the risk of torsades is high (Drew 2010: QTc > 500 ms). */
  qtcHighMs: 500,
  /** Hypokalemia (mmol/L) and hypomagnesemia (mg/dL; about 0.7 mmol/L), both to be corrected (Drew 2010). */
  potassiumLow: 3.5,
  magnesiumLow: 1.7,
  /** An ECG or electrolyte this old no longer describes the patient now. */
  qtcRecentDays: 365,
  electrolyteRecentDays: 30,
} as const;

/** Citalopram daily dose caps (FDA 2011; Celexa label section 2.2): 40 mg; 20 mg over 60 years. */
export const CITALOPRAM_CAP = {
  cui: '2556',
  maxMg: 40,
  olderMaxMg: 20,
  olderThanYears: 60,
  citations: [
    FDA_CITALOPRAM_2011,
    drugLabel('Citalopram (Celexa)', 2023, 'section 2.2 and 5.2 QT prolongation'),
  ] as Citations,
} as const;
