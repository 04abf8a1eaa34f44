/**
 * Allergy classes beyond the beta-lactams: NSAIDs and aspirin, sulfonamides, opioids. Each entry says how likely
 * a reaction to the allergen predicts one to the ordered drug, so a low-risk order gets an info card showing the
 * allergy was considered and why it is low risk, instead of silence or an alarm. Same shape as the beta-lactam table.
 */
import type { Citation } from '../types';
import type { CrossReactivity } from './allergy-cross-reactivity';
import { KHAN_2022 } from './allergy-cross-reactivity';

const STROM_2003: Citation = {
  title:
    'Strom BL, et al. Absence of cross-reactivity between sulfonamide antibiotics and sulfonamide nonantibiotics. N Engl J Med 2003;349:1628-35',
  url: 'https://doi.org/10.1056/NEJMoa022963',
  year: 2003,
};
const KOWALSKI_2013: Citation = {
  title:
    'Kowalski ML, et al. Classification and practical approach to the diagnosis and management of hypersensitivity to nonsteroidal anti-inflammatory drugs. Allergy 2013;68:1219-32',
  url: 'https://doi.org/10.1111/all.12260',
  year: 2013,
};

const NSAID_LIMIT =
  'The record rarely says whether the NSAID reaction was cross-reactive (respiratory disease, urticaria with several NSAIDs) or to one drug only; the entry assumes it may be cross-reactive.';

export const ALLERGY_CLASS_ENTRIES: readonly CrossReactivity[] = [
  {
    id: 'allergy-nsaid-cross-reactive',
    allergyClass: 'nsaid',
    drugClass: 'nsaid',
    unlessDrugClass: 'cox2-selective',
    lowRisk: false,
    draftSeverity: 'warning',
    brief: 'NSAIDs that inhibit COX-1 often cross-react',
    figure:
      'common in cross-reactive NSAID hypersensitivity (respiratory disease, urticaria/angioedema), which is the usual kind',
    guidance:
      'Avoid other COX-1 inhibiting NSAIDs unless the reaction was shown to be to this one drug only; a COX-2 selective NSAID (celecoxib) or acetaminophen at usual doses is usually tolerated.',
    citations: [KHAN_2022, KOWALSKI_2013],
    limitations: [NSAID_LIMIT],
  },
  {
    id: 'allergy-aspirin-nsaid',
    allergyClass: 'salicylate',
    drugClass: 'nsaid',
    unlessDrugClass: 'cox2-selective',
    lowRisk: false,
    draftSeverity: 'warning',
    brief: 'aspirin and COX-1 inhibiting NSAIDs often cross-react',
    figure:
      'common: aspirin-exacerbated respiratory disease and cross-reactive urticaria extend to all COX-1 inhibitors',
    guidance:
      'Avoid COX-1 inhibiting NSAIDs; celecoxib is tolerated by most patients with aspirin-exacerbated respiratory disease.',
    citations: [KHAN_2022, KOWALSKI_2013],
    limitations: [NSAID_LIMIT],
  },
  {
    id: 'allergy-nsaid-cox2',
    allergyClass: 'nsaid',
    drugClass: 'cox2-selective',
    lowRisk: true,
    brief: 'allergy considered — COX-2 selective, usually tolerated',
    figure: 'low: celecoxib is tolerated by most patients with cross-reactive NSAID hypersensitivity',
    guidance:
      'Usually safe; after a severe or single-NSAID (possibly IgE) reaction, give the first dose under observation.',
    citations: [KHAN_2022, KOWALSKI_2013],
    limitations: [NSAID_LIMIT],
  },
  {
    id: 'allergy-aspirin-cox2',
    allergyClass: 'salicylate',
    drugClass: 'cox2-selective',
    lowRisk: true,
    brief: 'allergy considered — COX-2 selective, usually tolerated',
    figure: 'low: celecoxib is tolerated by most patients with aspirin-exacerbated respiratory disease',
    guidance: 'Usually safe; give the first dose under observation after a severe reaction.',
    citations: [KHAN_2022, KOWALSKI_2013],
    limitations: [NSAID_LIMIT],
  },
  {
    id: 'allergy-sulfonamide-nonantibiotic',
    allergyClass: 'sulfonamide-antibiotic',
    drugClass: 'sulfonamide-nonantibiotic',
    lowRisk: true,
    brief: 'allergy considered — non-antibiotic sulfonamide, no cross-reactivity',
    figure:
      'no structural cross-reactivity: the antibiotic reactions depend on the N4 arylamine and N1 ring that diuretics and celecoxib lack; the small excess risk follows a general tendency to drug allergy',
    guidance:
      'Furosemide, thiazides and celecoxib may be given; a sulfonamide antibiotic allergy is not a reason to avoid them.',
    citations: [STROM_2003, KHAN_2022],
    limitations: [],
  },
  {
    id: 'allergy-opioid-other-opioid',
    allergyClass: 'opioid',
    drugClass: 'opioid',
    lowRisk: true,
    brief: 'allergy considered — most opioid reactions are not allergic',
    figure:
      'low: most recorded opioid "allergies" are pseudoallergic (direct histamine release: itching, flushing, urticaria) or side effects (nausea); true IgE-mediated allergy is rare',
    guidance:
      'A different opioid can usually be given, preferably one that releases less histamine (e.g. fentanyl or hydromorphone rather than morphine or codeine); after anaphylaxis, avoid the culprit and seek allergy advice.',
    citations: [KHAN_2022],
    limitations: [
      'Whether the recorded reaction was pseudoallergic or a side effect is taken from the reaction text only.',
    ],
  },
];
