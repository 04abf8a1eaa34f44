/** Scores the engine reports alongside findings: eGFR always (null with a reason when not calculable), CHA2DS2-VASc
 * for atrial fibrillation, NEWS2 when vital signs from the last 24 h exist. */
import type { Facts } from '../facts';
import type { Score } from '../types';
import { computeEgfr } from './egfr-ckd-epi-2021';
import { computeCha2ds2Vasc } from './cha2ds2-vasc';
import { computeNews2 } from './news2';

export { ckdEpi2021, computeEgfr, gfrCategory, type EgfrResult } from './egfr-ckd-epi-2021';
export { cockcroftGault, computeCrcl, type CrclResult } from './cockcroft-gault';
export { computeCha2ds2Vasc } from './cha2ds2-vasc';
export { computeNews2 } from './news2';

export function computeScores(facts: Facts): Score[] {
  return [computeEgfr(facts).score, computeCha2ds2Vasc(facts), computeNews2(facts)].filter(
    (s): s is Score => s !== undefined,
  );
}
