/**
 * AllergyIntolerance → AllergyFact. refuted / entered-in-error and inactive/resolved allergies are skipped with the
 * reason. The substance code is mapped to RxNorm ingredients and drug classes (knowledge/drugs/allergens.ts); food
 * and environmental allergies are kept with empty ingredient lists (rules ignore them).
 */
import type { AllergyFact, AllergyVerification, Code } from '../facts';
import { codingsOf, firstCode, labelOf, RXNORM, SNOMED } from '@fhir/codings';
import { allergenOf, ANAPHYLAXIS_SNOMED } from '../knowledge/drugs';
import { skip, subjectOf, type NormalizeContext } from './context';

const VERIFICATIONS: readonly AllergyVerification[] = [
  'confirmed',
  'unconfirmed',
  'presumed',
  'refuted',
  'entered-in-error',
];

function mapSubstance(codes: readonly Code[]): { ingredients: string[]; classes: string[] } {
  const ingredients = new Set<string>();
  const classes = new Set<string>();
  for (const c of codes) {
    const sys = c.system === RXNORM ? 'rxnorm' : c.system === SNOMED ? 'snomed' : undefined;
    const hit = sys ? allergenOf(sys, c.code) : undefined;
    hit?.ingredients.forEach((i) => ingredients.add(i));
    hit?.classes.forEach((k) => classes.add(k));
  }
  return { ingredients: [...ingredients].sort(), classes: [...classes].sort() };
}

function reactionsOf(a: fhir4.AllergyIntolerance): { reactions: string[]; severe: boolean } {
  const reactions: string[] = [];
  let severe = false;
  for (const r of a.reaction ?? []) {
    if (r.severity === 'severe') severe = true;
    for (const m of r.manifestation) {
      reactions.push(labelOf(m));
      if (codingsOf(m).some((c) => c.system === SNOMED && c.code === ANAPHYLAXIS_SNOMED)) severe = true;
    }
  }
  return { reactions, severe };
}

export function normalizeAllergy(ctx: NormalizeContext, a: fhir4.AllergyIntolerance): AllergyFact | undefined {
  const v = firstCode(a.verificationStatus);
  const verification: AllergyVerification = VERIFICATIONS.includes(v as AllergyVerification)
    ? (v as AllergyVerification)
    : 'unknown';
  if (verification === 'refuted' || verification === 'entered-in-error') {
    skip(ctx, a, `verificationStatus ${verification}`);
    return undefined;
  }
  const clinical = firstCode(a.clinicalStatus);
  if (clinical === 'inactive' || clinical === 'resolved') {
    skip(ctx, a, `clinicalStatus ${clinical}`);
    return undefined;
  }
  const codes = codingsOf(a.code);
  if (codes.length === 0) {
    skip(ctx, a, 'allergy without a coded substance: cannot be matched to drugs');
    return undefined;
  }
  const { ingredients, classes } = mapSubstance(codes);
  const { reactions, severe } = reactionsOf(a);
  const fact: AllergyFact = {
    ref: subjectOf(a),
    codes,
    display: labelOf(a.code),
    verification,
    category: [...(a.category ?? [])],
    ingredients,
    classes,
    reactions,
    severeReaction: severe,
  };
  if (a.criticality) fact.criticality = a.criticality;
  const date = a.recordedDate ?? a.onsetDateTime;
  if (date) fact.date = date;
  return fact;
}
