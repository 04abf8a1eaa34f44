/** "Useful / not useful (with a reason)" for one finding; the send function is injected. */
import { useState } from 'preact/hooks';
import { NOT_USEFUL_REASONS } from '../../app-config/feedback-reasons';
import type { AppFeedback, FeedbackResult } from '../api/feedback';

export type SendFeedback = (feedback: AppFeedback) => Promise<FeedbackResult>;

const RESULT_TEXT: Record<FeedbackResult, string> = {
  sent: 'Thank you — feedback sent.',
  expired: 'Feedback not sent: the session expired. Relaunch Cairn from the EHR.',
  'not-allowed':
    "Feedback not sent: the Cairn service is not allowed to read this EHR's FHIR server (not on its allow-list). Ask the administrator of the Cairn service to add it.",
  failed: 'Feedback could not be sent. Try again later.',
};

export function Feedback({ findingId, ruleId, send }: { findingId: string; ruleId: string; send: SendFeedback }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<string>(NOT_USEFUL_REASONS[0]);
  const [result, setResult] = useState<FeedbackResult | 'sending' | undefined>(undefined);
  const submit = async (useful: boolean) => {
    setResult('sending');
    setResult(await send(useful ? { findingId, ruleId, useful } : { findingId, ruleId, useful, reason }));
    setAsking(false);
  };
  const selectId = `reason-${findingId}`;
  return (
    <div class="feedback" role="group" aria-label="Was this finding useful?">
      {!asking && (
        <>
          <button type="button" onClick={() => void submit(true)} disabled={result === 'sending'}>
            Useful
          </button>
          <button type="button" onClick={() => setAsking(true)} disabled={result === 'sending'}>
            Not useful
          </button>
        </>
      )}
      {asking && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit(false);
          }}
        >
          <label for={selectId}>Reason</label>
          <select id={selectId} value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
            {NOT_USEFUL_REASONS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <button type="submit">Send feedback</button>
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </form>
      )}
      <p role="status" class="feedback-status">
        {result && result !== 'sending' ? RESULT_TEXT[result] : ''}
      </p>
    </div>
  );
}
