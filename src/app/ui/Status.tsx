/** Load progress, the patient banner, and full-screen problems (each with what to do next). */
import type { OAuthRedirectError } from '../smart/oauth-error';
import type { ProblemKind } from '../data/errors';
import { RECORD_TYPES, type RecordType, type TypeLoad } from '../data/load-record';
import { shortDate } from './describe';

const TYPE_LABEL: Record<RecordType, string> = {
  Patient: 'Patient',
  Condition: 'Conditions',
  MedicationRequest: 'Medication orders',
  MedicationStatement: 'Medication statements',
  MedicationAdministration: 'Medication administrations',
  MedicationDispense: 'Pharmacy dispenses',
  AllergyIntolerance: 'Allergies',
  Observation: 'Labs and vitals',
};

export function typeLabel(type: RecordType): string {
  return TYPE_LABEL[type];
}

function loadText(load: TypeLoad): string {
  switch (load.status) {
    case 'pending':
      return 'loading…';
    case 'loaded':
      return `${load.count} loaded`;
    case 'failed':
      return load.problem === 'forbidden' ? 'not permitted' : 'failed';
  }
}

export function LoadProgress({ loads }: { loads: Record<RecordType, TypeLoad> }) {
  const done = RECORD_TYPES.filter((t) => loads[t].status !== 'pending').length;
  const complete = done === RECORD_TYPES.length;
  return (
    <section class={complete ? 'progress done' : 'progress'} aria-label="Record loading">
      <label>
        {complete ? 'Record loaded' : 'Loading the record'}
        <progress max={RECORD_TYPES.length} value={done}>
          {done} of {RECORD_TYPES.length}
        </progress>
      </label>
      <ul class={complete ? 'load-list done' : 'load-list'}>
        {RECORD_TYPES.map((t) => (
          <li key={t} class={`load-${loads[t].status}`}>
            {TYPE_LABEL[t]}: {loadText(loads[t])}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PatientBanner({ patient }: { patient: fhir4.Patient | undefined }) {
  if (!patient) return null;
  const name = patient.name?.[0];
  const display = name ? [name.given?.join(' '), name.family].filter(Boolean).join(' ') : 'Unnamed patient';
  return (
    <header class="banner" aria-label="Patient">
      <strong>{display}</strong> · {patient.gender ?? 'gender unknown'} · born {shortDate(patient.birthDate)}
    </header>
  );
}

const PROBLEM_COPY: Record<ProblemKind, { title: string; body: string }> = {
  'consent-denied': {
    title: 'Access was not granted',
    body: 'Cairn was not given permission to read this record. Relaunch from the EHR and approve access to use it.',
  },
  'authorization-error': {
    title: 'Sign-in was refused',
    body: 'The EHR’s authorization server returned an error. Tell your EHR administrator, quoting the error code below.',
  },
  'no-launch-state': {
    title: 'Launch information is missing',
    body: 'This page was opened without a launch in progress, or the browser frame blocked storage. Relaunch Cairn from the EHR.',
  },
  'session-expired': {
    title: 'Session expired',
    body: 'Your access to this record has expired. Relaunch Cairn from the EHR to continue.',
  },
  'fhir-down': {
    title: 'The FHIR server is not answering',
    body: 'Cairn could not reach the EHR’s FHIR server. Try again in a moment or relaunch from the EHR.',
  },
  forbidden: {
    title: 'Not permitted',
    body: 'The EHR did not permit Cairn to read this patient’s record. Ask your administrator about Cairn’s access.',
  },
  'no-patient': {
    title: 'Patient not found',
    body: 'The patient in context could not be found on the FHIR server. Relaunch Cairn from the patient’s chart.',
  },
  'patient-mismatch': {
    title: 'This window does not match the launched patient',
    body: 'Cairn received another patient’s data for this window and stopped rather than show it. Close this window and relaunch Cairn from the patient’s chart.',
  },
  'launch-failed': {
    title: 'Cairn could not start',
    body: 'The launch did not complete. Relaunch Cairn from the EHR.',
  },
};

/** A full-screen problem with its next step; focus moves to the heading so screen readers announce it. */
export function ProblemScreen({
  kind,
  detail,
  oauth,
}: {
  kind: ProblemKind;
  detail?: string;
  oauth?: OAuthRedirectError;
}) {
  const copy = PROBLEM_COPY[kind];
  return (
    <main class="problem" role="alert" aria-labelledby="problem-h">
      <h1 id="problem-h" tabIndex={-1} ref={(el) => el?.focus()}>
        {copy.title}
      </h1>
      <p>{copy.body}</p>
      {detail && <p class="muted">Details: {detail}</p>}
      {oauth && (
        <>
          {kind === 'consent-denied' && (
            <p>You or your administrator declined access. Relaunch Cairn from the EHR to try again.</p>
          )}
          {/* Text nodes only: the description comes from a URL and must never be read as HTML. */}
          <p>
            Error code: <code>{oauth.code}</code>
          </p>
          {oauth.description && <p class="muted">The server said: {oauth.description}</p>}
          {oauth.uri && <a href={oauth.uri}>More about this error</a>}
        </>
      )}
    </main>
  );
}
