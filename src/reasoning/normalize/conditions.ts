/**
 * Condition → ConditionFact. Current = clinicalStatus active/recurrence/relapse (or absent, as US Core allows for
 * problem-list items without status) and no abatement. entered-in-error / refuted are recorded as skipped; resolved,
 * inactive and abated conditions are history, not current problems, and are silently left out.
 */
import type { Code, ConditionFact } from '../facts';
import { codingsOf, firstCode, ICD10CM, labelOf, SNOMED } from '@fhir/codings';
import { skip, subjectOf, type NormalizeContext } from './context';

const ACTIVE = new Set(['active', 'recurrence', 'relapse']);

function isAbated(c: fhir4.Condition): boolean {
  return Boolean(c.abatementDateTime ?? c.abatementPeriod ?? c.abatementAge ?? c.abatementRange ?? c.abatementString);
}

export function normalizeCondition(ctx: NormalizeContext, c: fhir4.Condition): ConditionFact | undefined {
  const verification = firstCode(c.verificationStatus);
  if (verification === 'entered-in-error' || verification === 'refuted') {
    skip(ctx, c, `verificationStatus ${verification}`);
    return undefined;
  }
  const status = firstCode(c.clinicalStatus);
  if ((status !== undefined && !ACTIVE.has(status)) || isAbated(c)) return undefined;
  const codes: Code[] = codingsOf(c.code).filter((x) => x.system === SNOMED || x.system === ICD10CM);
  if (codes.length === 0) {
    skip(ctx, c, 'no SNOMED CT or ICD-10-CM code');
    return undefined;
  }
  const fact: ConditionFact = { ref: subjectOf(c), codes, display: labelOf(c.code) };
  if (c.onsetDateTime ?? c.onsetPeriod?.start) fact.onset = c.onsetDateTime ?? c.onsetPeriod?.start;
  if (c.recordedDate) fact.recorded = c.recordedDate;
  return fact;
}
