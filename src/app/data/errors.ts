/** Maps launch and FHIR failures to the screens the clinician sees (docs/architecture.md, "Contracts": clear screens, not blank frames). */

export type ProblemKind =
  | 'consent-denied'
  | 'authorization-error'
  | 'no-launch-state'
  | 'session-expired'
  | 'fhir-down'
  | 'forbidden'
  | 'no-patient'
  | 'patient-mismatch'
  | 'launch-failed';

/**
 * An answer holding another patient's resources than the one this window launched for. The window must never show
 * them: embedded browsers that share storage between app instances, or a confused proxy, could otherwise put one
 * patient's data in another patient's window.
 */
export class PatientMismatch extends Error {
  override readonly name = 'PatientMismatch';
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Classifies an error thrown by fhirclient's ready() (the redirect back from the authorization server). */
export function classifyLaunchError(error: unknown): ProblemKind {
  const message = messageOf(error);
  // RFC 6749 §4.1.2.1: a refused authorization comes back as `error=access_denied` on the redirect URI.
  if (/access_denied/.test(message)) return 'consent-denied';
  if (/No 'state' parameter|No state found/i.test(message)) return 'no-launch-state';
  return classifyFhirError(error) === 'fhir-down' ? 'fhir-down' : 'launch-failed';
}

/** Classifies an error from a FHIR request (fhirclient HttpError carries `status`). */
export function classifyFhirError(error: unknown): ProblemKind {
  if (error instanceof PatientMismatch) return 'patient-mismatch';
  const status = statusOf(error);
  const message = messageOf(error);
  if (status === 401 || /session expired|re-?launch/i.test(message)) return 'session-expired';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'no-patient';
  if (status !== undefined) return status >= 500 ? 'fhir-down' : 'launch-failed';
  // No HTTP status: the request never got an answer (browser fetch throws TypeError; node-fetch a FetchError).
  return error instanceof TypeError || /fetch|network|ECONN|timed? ?out|abort/i.test(message) ? 'fhir-down' : 'launch-failed';
}
