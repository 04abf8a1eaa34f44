/**
 * Whitelist projection of the chart for a hosted model: codes with their standard names (terminology.ts), structured
 * values and relative days only. Names, identifiers, addresses, telecoms, birth dates, narrative (text.div), notes,
 * comments and every display or text the EHR typed are never read here, so they cannot be copied.
 */
import { ageInYears, daysBetween } from '@fhir/dates';
import type { AliasTable } from './aliases';
import { standardName } from './terminology';
import type { PayloadAllergy, PayloadCoded, PayloadMedication, PayloadObservation, PayloadPatient } from './payload';

const MAX_ITEMS = 40;
const OLDEST_AGE_SHOWN = 89;
const INACTIVE = new Set(['entered-in-error', 'cancelled', 'stopped', 'completed', 'inactive', 'resolved', 'refuted']);

export function minimizePatient(resources: readonly fhir4.Resource[], now: string): PayloadPatient {
  const p = resources.find((r): r is fhir4.Patient => r.resourceType === 'Patient');
  if (!p) return {};
  const out: PayloadPatient = {};
  const deceased = p.deceasedBoolean === true || p.deceasedDateTime !== undefined;
  const age = ageInYears(p.birthDate, p.deceasedDateTime ?? now);
  if (age !== undefined) out.age = age > OLDEST_AGE_SHOWN ? '90 years or older' : `${age} years`;
  if (p.gender) out.sex = p.gender;
  if (deceased) out.deceased = true;
  return out;
}

/**
 * "system|code" pairs and the concept's standard name — or, when the knowledge tables cannot name it, its first
 * code as the display. Coding.display and CodeableConcept.text are the EHR's own words and are never used.
 */
function coded(cc: fhir4.CodeableConcept | undefined): { display: string; codes: string[] } | undefined {
  const codings = (cc?.coding ?? []).filter((c) => c.code);
  if (codings.length === 0) return undefined;
  const codes = codings.map((c) => `${c.system ?? ''}|${c.code ?? ''}`);
  return { display: standardName(codings) ?? codes[0] ?? '', codes };
}

function base(
  r: fhir4.Resource,
  cc: fhir4.CodeableConcept | undefined,
  date: string | undefined,
  ctx: Ctx,
): PayloadCoded | undefined {
  const c = coded(cc);
  if (!c || !r.id) return undefined;
  const item: PayloadCoded = { id: ctx.aliases.alias('R', `${r.resourceType}/${r.id}`), ...c };
  const days = date ? daysBetween(date, ctx.now) : undefined;
  if (days !== undefined) item.daysAgo = days;
  return item;
}

interface Ctx {
  now: string;
  aliases: AliasTable;
}

function statusOf(cc: fhir4.CodeableConcept | undefined): string | undefined {
  return cc?.coding?.find((c) => c.code)?.code;
}

function isMedication(r: fhir4.Resource): r is fhir4.MedicationRequest | fhir4.MedicationStatement {
  return r.resourceType === 'MedicationRequest' || r.resourceType === 'MedicationStatement';
}

function isObservation(r: fhir4.Resource): r is fhir4.Observation {
  return r.resourceType === 'Observation';
}

export function minimizeConditions(resources: readonly fhir4.Resource[], ctx: Ctx): PayloadCoded[] {
  return resources
    .filter((r): r is fhir4.Condition => r.resourceType === 'Condition')
    .filter(
      (c) => !INACTIVE.has(statusOf(c.clinicalStatus) ?? '') && !INACTIVE.has(statusOf(c.verificationStatus) ?? ''),
    )
    .filter((c) => c.abatementDateTime === undefined)
    .flatMap((c) => base(c, c.code, c.onsetDateTime ?? c.recordedDate, ctx) ?? [])
    .slice(0, MAX_ITEMS);
}

export function minimizeMedications(
  resources: readonly fhir4.Resource[],
  drafts: readonly fhir4.Resource[],
  ctx: Ctx,
): PayloadMedication[] {
  const one = (r: fhir4.Resource, draft: boolean): PayloadMedication | undefined => {
    if (!isMedication(r)) return undefined;
    const m = r;
    if (!draft && m.status !== 'active') return undefined;
    const date = m.resourceType === 'MedicationRequest' ? m.authoredOn : (m.effectiveDateTime ?? m.dateAsserted);
    const item = base(m, m.medicationCodeableConcept, date, ctx);
    if (!item) return undefined;
    const dosage = m.resourceType === 'MedicationRequest' ? m.dosageInstruction : m.dosage;
    const q = dosage?.[0]?.doseAndRate?.[0]?.doseQuantity;
    const med: PayloadMedication = { ...item, status: m.status, draft };
    if (q?.value !== undefined) med.dose = `${q.value} ${q.unit ?? q.code ?? ''}`.trim();
    return med;
  };
  return [...drafts.flatMap((r) => one(r, true) ?? []), ...resources.flatMap((r) => one(r, false) ?? [])].slice(
    0,
    MAX_ITEMS,
  );
}

export function minimizeAllergies(resources: readonly fhir4.Resource[], ctx: Ctx): PayloadAllergy[] {
  return resources
    .filter((r): r is fhir4.AllergyIntolerance => r.resourceType === 'AllergyIntolerance')
    .filter(
      (a) => !INACTIVE.has(statusOf(a.verificationStatus) ?? '') && !INACTIVE.has(statusOf(a.clinicalStatus) ?? ''),
    )
    .flatMap((a): PayloadAllergy[] => {
      const item = base(a, a.code, a.recordedDate, ctx);
      if (!item) return [];
      const reactions = (a.reaction ?? []).flatMap((x) => x.manifestation.flatMap((m) => coded(m)?.display ?? []));
      return [{ ...item, ...(a.criticality ? { criticality: a.criticality } : {}), reactions }];
    })
    .slice(0, MAX_ITEMS);
}

/** Latest numeric value per code (valueQuantity and components), newest first; strings and notes are skipped. */
export function minimizeObservations(resources: readonly fhir4.Resource[], ctx: Ctx): PayloadObservation[] {
  const latest = new Map<string, fhir4.Observation>();
  for (const r of resources) {
    if (!isObservation(r) || INACTIVE.has(r.status)) continue;
    const key = coded(r.code)?.codes.join(',');
    const date = r.effectiveDateTime ?? r.issued;
    if (!key || !date) continue;
    const prev = latest.get(key);
    if (!prev || (prev.effectiveDateTime ?? prev.issued ?? '') < date) latest.set(key, r);
  }
  return [...latest.values()]
    .sort((a, b) => (b.effectiveDateTime ?? b.issued ?? '').localeCompare(a.effectiveDateTime ?? a.issued ?? ''))
    .flatMap((o): PayloadObservation[] => {
      const item = base(o, o.code, o.effectiveDateTime ?? o.issued, ctx);
      const value = observationValue(o);
      return item && value ? [{ ...item, value }] : [];
    })
    .slice(0, MAX_ITEMS);
}

function observationValue(o: fhir4.Observation): string | undefined {
  // Two decimals are enough for reasoning and keep the payload small (Synthea values carry 14 digits).
  const q = (x: fhir4.Quantity | undefined) =>
    x?.value === undefined ? undefined : `${Math.round(x.value * 100) / 100} ${x.unit ?? x.code ?? ''}`.trim();
  const own = q(o.valueQuantity);
  if (own) return own;
  const parts = (o.component ?? []).flatMap((c) => {
    const v = q(c.valueQuantity);
    const name = coded(c.code)?.display;
    return v && name ? [`${name} ${v}`] : [];
  });
  return parts.length > 0 ? parts.join('; ') : undefined;
}
