/**
 * What the demo EHR shows about a patient: a one-line list summary and the chart (problems, medications,
 * allergies, recent results). Read straight from the EHR's own store, as an EHR reads its database.
 */
import { ageInYears } from '@fhir/dates';
import type { MemoryRepository } from '../fhir/repository';
import { displayName } from '../smart-stack';
import { formatMeasurement, formatUnit, isCurrentProblem, summaryProblems } from './chart-text';

export interface PatientRow {
  id: string;
  name: string;
  age?: number;
  sex: string;
  deceased: boolean;
  teaching: boolean;
  summary: string;
}

export interface ChartLine {
  ref: string;
  text: string;
  detail?: string;
  /** The value as recorded, when `detail` shows it rounded (offered as a tooltip). */
  exact?: string;
  date?: string;
}

export interface Chart {
  patient: PatientRow & { birthDate?: string; mrn?: string };
  problems: ChartLine[];
  /** Conditions the record still calls active that are past events or "History of …" situations. */
  history: ChartLine[];
  medications: ChartLine[];
  allergies: ChartLine[];
  results: ChartLine[];
}

const textOf = (cc: fhir4.CodeableConcept | undefined): string =>
  (cc?.text ?? cc?.coding?.[0]?.display ?? cc?.coding?.[0]?.code ?? 'unnamed').replace(
    /\s*\((disorder|finding|situation)\)$/,
    '',
  );

const isActive = (cc: fhir4.CodeableConcept | undefined): boolean =>
  cc?.coding?.some((c) => c.code === 'active') ?? false;

function activeProblems(repo: MemoryRepository, id: string): ChartLine[] {
  const seen = new Set<string>();
  return (repo.list('Condition', id) as fhir4.Condition[])
    .filter((c) => isActive(c.clinicalStatus) && !c.abatementDateTime)
    .map((c) => ({ ref: `Condition/${c.id}`, text: textOf(c.code), ...(c.onsetDateTime && { date: c.onsetDateTime }) }))
    .filter((line) => !seen.has(line.text) && seen.add(line.text) !== undefined);
}

function activeMedications(repo: MemoryRepository, id: string): ChartLine[] {
  const seen = new Set<string>();
  return (repo.list('MedicationRequest', id) as fhir4.MedicationRequest[])
    .filter((m) => m.status === 'active')
    .map((m) => ({
      ref: `MedicationRequest/${m.id}`,
      text: textOf(m.medicationCodeableConcept),
      detail: m.dosageInstruction?.[0]?.text,
      date: m.authoredOn,
    }))
    .filter((line) => !seen.has(line.text) && seen.add(line.text) !== undefined)
    .map(({ detail, date, ...line }) => ({ ...line, ...(detail && { detail }), ...(date && { date }) }));
}

function allergies(repo: MemoryRepository, id: string): ChartLine[] {
  return (repo.list('AllergyIntolerance', id) as fhir4.AllergyIntolerance[]).map((a) => ({
    ref: `AllergyIntolerance/${a.id}`,
    text: textOf(a.code),
    detail: [
      a.category?.join(', '),
      a.criticality && `criticality ${a.criticality}`,
      a.reaction?.[0]?.manifestation?.[0]?.text,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
}

function valueText(o: fhir4.Observation, format: (n: number) => string = formatMeasurement): string {
  const q = o.valueQuantity;
  if (q) return `${q.value === undefined ? '' : format(q.value)} ${formatUnit(q.unit ?? '')}`.trim();
  if (o.valueCodeableConcept) return textOf(o.valueCodeableConcept);
  const parts = o.component?.map((c) => c.valueQuantity?.value).filter((v): v is number => v !== undefined);
  return parts && parts.length > 0 ? parts.map(format).join('/') : '';
}

function resultLine(o: fhir4.Observation): ChartLine {
  const detail = valueText(o);
  const exact = valueText(o, String);
  return {
    ref: `Observation/${o.id}`,
    text: textOf(o.code),
    detail,
    ...(exact !== detail && { exact }),
    ...(o.effectiveDateTime && { date: o.effectiveDateTime }),
  };
}

/** The newest result per test, laboratory first, newest first. */
function recentResults(repo: MemoryRepository, id: string, limit = 14): ChartLine[] {
  const newest = new Map<string, fhir4.Observation>();
  for (const o of repo.list('Observation', id) as fhir4.Observation[]) {
    const key = o.code.coding?.[0]?.code ?? textOf(o.code);
    const prev = newest.get(key);
    if (!prev || (o.effectiveDateTime ?? '') > (prev.effectiveDateTime ?? '')) newest.set(key, o);
  }
  const isLab = (o: fhir4.Observation): boolean =>
    o.category?.some((c) => c.coding?.some((x) => x.code === 'laboratory')) ?? false;
  return [...newest.values()]
    .sort(
      (a, b) =>
        Number(isLab(b)) - Number(isLab(a)) || (b.effectiveDateTime ?? '').localeCompare(a.effectiveDateTime ?? ''),
    )
    .slice(0, limit)
    .map(resultLine);
}

/** Allergies belong in a list line as in a banner (they change what may be prescribed): drug allergies first. */
function allergySummary(repo: MemoryRepository, id: string): string {
  const list = repo.list('AllergyIntolerance', id) as fhir4.AllergyIntolerance[];
  const isDrug = (a: fhir4.AllergyIntolerance): number => Number(a.category?.includes('medication') ?? false);
  const first = [...list].sort((a, b) => isDrug(b) - isDrug(a))[0];
  if (!first) return '';
  const name = textOf(first.code)
    .replace(/^allergy to /i, '')
    .replace(/ allergy$/i, '');
  return ` · allergy: ${name}${list.length > 1 ? ` +${list.length - 1}` : ''}`;
}

function row(repo: MemoryRepository, p: fhir4.Patient, now: string): PatientRow {
  const problems = activeProblems(repo, p.id ?? '').map((l) => l.text);
  const meds = activeMedications(repo, p.id ?? '').length;
  const age = ageInYears(p.birthDate, p.deceasedDateTime ?? now);
  const listed = summaryProblems(problems);
  const allergyNote = allergySummary(repo, p.id ?? '');
  return {
    id: p.id ?? '',
    name: displayName(p),
    sex: p.gender ?? 'unknown',
    deceased: Boolean(p.deceasedDateTime),
    teaching: p.id?.startsWith('teach-') ?? false,
    ...(age !== undefined && { age }),
    summary: `${listed.length > 0 ? listed.join(', ') : 'No chronic problems'} · ${meds} active med${meds === 1 ? '' : 's'}${allergyNote}`,
  };
}

/** Every patient, teaching cases first, with a one-line clinical summary. */
export function patientRows(repo: MemoryRepository, now: string): PatientRow[] {
  const rows = (repo.list('Patient') as fhir4.Patient[]).map((p) => row(repo, p, now));
  return rows.sort((a, b) => Number(b.teaching) - Number(a.teaching) || a.name.localeCompare(b.name));
}

export function chartOf(repo: MemoryRepository, id: string, now: string): Chart | undefined {
  const p = repo.read('Patient', id) as fhir4.Patient | undefined;
  if (!p) return undefined;
  const mrn =
    p.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR'))?.value ?? p.identifier?.[0]?.value;
  return {
    patient: { ...row(repo, p, now), ...(p.birthDate && { birthDate: p.birthDate }), ...(mrn && { mrn }) },
    problems: activeProblems(repo, id).filter((l) => isCurrentProblem(l.text)),
    history: activeProblems(repo, id).filter((l) => !isCurrentProblem(l.text)),
    medications: activeMedications(repo, id),
    allergies: allergies(repo, id),
    results: recentResults(repo, id),
  };
}
