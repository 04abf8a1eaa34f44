/** FHIR errors as OperationOutcome (FHIR R4 §3.1.0.4.1: failed interactions SHOULD return one). */

export type FhirErrorCode = 'invalid' | 'not-found' | 'not-supported' | 'login' | 'forbidden' | 'method-not-allowed';

const STATUS: Record<FhirErrorCode, number> = {
  invalid: 400,
  'not-found': 404,
  'not-supported': 404,
  login: 401,
  forbidden: 403,
  'method-not-allowed': 405,
};

// OperationOutcome.issue.code is from the IssueType value set; 405 has no code of its own there.
const ISSUE: Record<FhirErrorCode, fhir4.OperationOutcomeIssue['code']> = {
  invalid: 'invalid',
  'not-found': 'not-found',
  'not-supported': 'not-supported',
  login: 'login',
  forbidden: 'forbidden',
  'method-not-allowed': 'not-supported',
};

/** One error issue as an OperationOutcome: the body of every refusal this server sends. */
export function operationOutcome(
  code: fhir4.OperationOutcomeIssue['code'],
  diagnostics: string,
): fhir4.OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

export class FhirError extends Error {
  readonly status: number;
  constructor(
    readonly code: FhirErrorCode,
    readonly publicMessage: string,
  ) {
    super(publicMessage);
    this.status = STATUS[code];
  }

  toOperationOutcome(): fhir4.OperationOutcome {
    return operationOutcome(ISSUE[this.code], this.publicMessage);
  }
}
