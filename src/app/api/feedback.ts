/**
 * Clinician feedback from the app: `POST /api/app-feedback` with the SMART bearer token. (CDS Hooks feedback at
 * `/cds-services/{id}/feedback` needs the EHR's JWT and a card uuid, which the app has neither of.)
 * The body names the FHIR server and patient so the service can check the token the way `/api/narrative` does
 * (allow-listed server, a read the token must be good for); the service stores ids and the reason, never the token.
 */

export interface AppFeedback {
  findingId: string;
  ruleId: string;
  useful: boolean;
  reason?: string;
}

export type FeedbackResult = 'sent' | 'expired' | 'not-allowed' | 'failed';

/** Sends one feedback record; resolves to what the UI should say, never throws. */
export interface FeedbackTarget {
  fhirServer: string;
  patientId: string;
}

export async function sendFeedback(
  fetchImpl: typeof fetch,
  token: string | undefined,
  feedback: AppFeedback,
  target: FeedbackTarget,
): Promise<FeedbackResult> {
  if (!token) return 'expired';
  try {
    const res = await fetchImpl('/api/app-feedback', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...feedback, ...target }),
    });
    if (res.status === 401) return 'expired';
    // 403: this FHIR server is not on the service's allow-list; retrying will not help.
    if (res.status === 403) return 'not-allowed';
    return res.ok ? 'sent' : 'failed';
  } catch {
    return 'failed';
  }
}
