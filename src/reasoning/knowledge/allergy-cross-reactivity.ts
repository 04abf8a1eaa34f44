/**
 * Drug allergy knowledge: when an allergy to one drug or class applies to another drug.
 * Figures from the 2022 AAAAI/ACAAI drug allergy practice parameter (Khan et al.) and Shenoy et al., JAMA 2019.
 */
import type { Citation, Citations, Severity } from '../types';
import type { DrugClassId } from './drugs/classes';

export const KHAN_2022: Citation = {
  title:
    'Khan DA, Banerji A, Blumenthal KG, et al. Drug allergy: a 2022 practice parameter update. J Allergy Clin Immunol 2022;150(6):1333-93',
  url: 'https://doi.org/10.1016/j.jaci.2022.08.028',
  year: 2022,
};
export const SHENOY_2019: Citation = {
  title:
    'Shenoy ES, Macy E, Rowe T, Blumenthal KG. Evaluation and management of penicillin allergy: a review. JAMA 2019;321(2):188-99',
  url: 'https://doi.org/10.1001/jama.2018.19283',
  year: 2019,
};

export interface CrossReactivity {
  id: string;
  /** Allergy recorded to this class… */
  allergyClass: DrugClassId;
  /** …and a medication of this class. */
  drugClass: DrugClassId;
  /** Reported cross-reactivity, for the detail text. */
  figure: string;
  /** True when the practice parameter allows giving the drug without testing or extra precautions in most cases. */
  lowRisk: boolean;
  /** Card summary phrase; the beta-lactam entries derive theirs from the cross-reactivity rate. */
  brief?: string;
  /** Severity for a new order, when the entry fixes it (NSAID cross-reactivity: warning). */
  draftSeverity?: Severity;
  /** A drug also in this class is judged by another entry instead (celecoxib among the NSAIDs). */
  unlessDrugClass?: DrugClassId;
  /** What to do, one plain-text line: the finding's action. */
  guidance: string;
  citations: Citations;
  limitations: string[];
}

/**
 * Aminopenicillins and aminocephalosporins share an identical R1 side chain: amoxicillin/ampicillin ↔ cephalexin
 * (also cefadroxil, cefaclor, cefprozil — not in our drug table yet). RxNorm ingredient CUIs.
 */
export const SIMILAR_R1_SIDE_CHAIN: readonly (readonly string[])[] = [['723', '733', '2231']];

const SIDE_CHAIN_LIMIT =
  'Side-chain similarity is checked for amoxicillin/ampicillin ↔ cephalexin only; an allergy recorded to "penicillin" (class) cannot tell which penicillin reacted.';

export const CROSS_REACTIVITY: readonly CrossReactivity[] = [
  {
    id: 'allergy-penicillin-cephalosporin',
    allergyClass: 'penicillin',
    drugClass: 'cephalosporin',
    lowRisk: false,
    figure: 'about 1–2 % overall, higher when the R1 side chain is the same (e.g. amoxicillin and cephalexin)',
    guidance:
      'With a non-anaphylactic penicillin history, cephalosporins may be given without testing. After anaphylaxis, prefer a cephalosporin with a dissimilar side chain or evaluate first (allergy referral, test dose).',
    citations: [KHAN_2022, SHENOY_2019],
    limitations: [SIDE_CHAIN_LIMIT],
  },
  {
    id: 'allergy-cephalosporin-penicillin',
    allergyClass: 'cephalosporin',
    drugClass: 'penicillin',
    lowRisk: false,
    figure: 'low (about 1–2 %), mostly with shared R1 side chains',
    guidance:
      'Penicillins with a dissimilar side chain can usually be given; with a shared side chain or a severe history, evaluate first.',
    citations: [KHAN_2022],
    limitations: [SIDE_CHAIN_LIMIT],
  },
  {
    id: 'allergy-penicillin-carbapenem',
    allergyClass: 'penicillin',
    drugClass: 'carbapenem',
    lowRisk: true,
    figure: 'under 1 %',
    guidance: 'The practice parameter suggests carbapenems may be given without testing or additional precautions.',
    citations: [KHAN_2022, SHENOY_2019],
    limitations: [],
  },
];

export const ALLERGY_LIMITATIONS: readonly string[] = [
  'Only allergies coded with RxNorm or the SNOMED CT penicillin codes are matched; free-text allergies are not read.',
  'Aztreonam is not flagged for penicillin allergy (no cross-reactivity); its shared side chain with ceftazidime is not yet checked.',
];
