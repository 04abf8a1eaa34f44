/** Patient → PatientFacts: age at `now` (or at death), administrative sex, deceased flag. */
import type { PatientFacts, Sex } from '../facts';
import { ageInYears, parseFhirDate } from '@fhir/dates';
import { subjectOf, type NormalizeContext } from './context';

const SEXES: readonly Sex[] = ['male', 'female', 'other', 'unknown'];

export function normalizePatient(ctx: NormalizeContext, patients: readonly fhir4.Patient[]): PatientFacts | undefined {
  const p = patients[0];
  if (!p) return undefined;
  if (patients.length > 1)
    ctx.skipped.push({
      subject: subjectOf(patients[1] as fhir4.Patient),
      reason: 'more than one Patient in the input; the first one is used',
    });
  const deathDate =
    typeof p.deceasedDateTime === 'string' && parseFhirDate(p.deceasedDateTime) !== undefined
      ? p.deceasedDateTime
      : undefined;
  const deceased = p.deceasedBoolean === true || deathDate !== undefined;
  const at = deathDate && parseFhirDate(deathDate)! < ctx.nowMs ? deathDate : ctx.now;
  const ageYears = ageInYears(p.birthDate, at);
  if (ageYears === undefined)
    ctx.skipped.push({ subject: subjectOf(p), reason: 'birthDate missing or unparseable: age unknown' });
  const sex = SEXES.includes(p.gender as Sex) ? (p.gender as Sex) : 'unknown';
  const facts: PatientFacts = { ref: subjectOf(p), sex, deceased };
  if (ageYears !== undefined) facts.ageYears = ageYears;
  if (p.birthDate) facts.birthDate = p.birthDate;
  return facts;
}
