/**
 * Opioid safety: morphine milligram equivalents (CDC 2022 conversion factors, as encoded by the CDC/HL7 MME
 * calculator's clinical conversion-factor CodeSystem) and the opioid + gabapentinoid pair (FDA 2019). The opioid +
 * benzodiazepine pair lives with the label interactions (drug-interactions-labels.ts).
 */
import type { Citation, Citations } from '../types';
import type { InteractionEntry } from './drug-interactions';
import { STALE_ORDER_LIMIT } from './limitations';

export const CDC_2022: Citation = {
  title:
    'Dowell D, et al. CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022. MMWR Recomm Rep 2022;71(3):1-95 (recommendations 4, 5 and 11; MME conversion table)',
  url: 'https://doi.org/10.15585/mmwr.rr7103a1',
  year: 2022,
};
const MME_IG: Citation = {
  title: 'HL7/CDC Opioid MME Calculator IG (cqframework opioid-mme-r4): CDCMMEClinicalConversionFactors',
  url: 'https://github.com/cqframework/opioid-mme-r4',
  year: 2023,
};
const FDA_GABAPENTINOIDS_2019: Citation = {
  title:
    'FDA Drug Safety Communication: serious breathing difficulties with gabapentin and pregabalin in patients with respiratory risk factors, including opioid use',
  url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-warns-about-serious-breathing-problems-seizure-and-nerve-pain-medicines-gabapentin-neurontin',
  year: 2019,
};

export const MME_CITATIONS: Citations = [CDC_2022, MME_IG];

/**
 * MME per mg/day (oral) by RxNorm ingredient CUI; fentanyl is per mcg/h of a transdermal patch. Ingredients
 * without a factor (buprenorphine, which CDC excludes; meperidine, pentazocine, levorphanol, not in the encoded
 * table) leave the total unknown rather than wrong.
 */
export const MME_FACTORS: Readonly<Record<string, { name: string; factor: number; transdermalPerMcgHour?: boolean }>> =
  {
    '2670': { name: 'codeine', factor: 0.15 },
    '4337': { name: 'fentanyl', factor: 2.4, transdermalPerMcgHour: true },
    '5489': { name: 'hydrocodone', factor: 1 },
    '3423': { name: 'hydromorphone', factor: 5 },
    '6813': { name: 'methadone', factor: 4.7 },
    '7052': { name: 'morphine', factor: 1 },
    '7804': { name: 'oxycodone', factor: 1.5 },
    '7814': { name: 'oxymorphone', factor: 3 },
    '787390': { name: 'tapentadol', factor: 0.4 },
    '10689': { name: 'tramadol', factor: 0.2 },
  };

/** CDC 2022: reassess benefits and risks before ≥ 50 MME/day; avoid or carefully justify ≥ 90 MME/day. */
export const MME_THRESHOLDS = { reassess: 50, high: 90 } as const;

export const OPIOID_PAIR_ENTRIES: readonly InteractionEntry[] = [
  {
    id: 'ddi-opioid-gabapentinoid',
    harm: 'respiratory depression (FDA 2019 warning)',
    title: 'Opioid + gabapentin/pregabalin',
    a: { classes: ['opioid'], label: 'opioid' },
    b: { classes: ['gabapentinoid'], label: 'gabapentin/pregabalin' },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Gabapentinoids add CNS and respiratory depression to opioids; opioid-related death is higher with concurrent gabapentin, more so at higher gabapentin doses. FDA (2019) added warnings for patients on opioids and the elderly.',
    management:
      'Start the gabapentinoid at the lowest dose and titrate slowly (renal dose), counsel on sedation and breathing, consider naloxone; CDC 2022 asks to weigh the combination carefully.',
    citations: [FDA_GABAPENTINOIDS_2019, CDC_2022],
    limitations: [STALE_ORDER_LIMIT],
  },
];
