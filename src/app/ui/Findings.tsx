/**
 * The findings list and what it means when it is empty. Rule: never say "no findings" until every resource type
 * has loaded, and never present a partial record as an all-clear (a wrong all-clear is worse than no answer).
 */
import { mostUrgentFirst } from '@cds-hooks/severity';
import type { EngineResult, Finding } from '@reasoning/types';
import type { RecordType } from '../data/load-record';
import type { OpenResource, Resolve } from './Evidence';
import type { SendFeedback } from './Feedback';
import { FindingCard } from './FindingCard';
import { typeLabel } from './Status';

export interface FindingsProps {
  result?: EngineResult | undefined;
  complete: boolean;
  failed: RecordType[];
  engineError: boolean;
  resources: readonly fhir4.Resource[];
  resolve: Resolve;
  onOpen: OpenResource;
  sendFeedback: SendFeedback;
  focusId: string | undefined;
}

function sorted(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => mostUrgentFirst(a.severity, b.severity));
}

function EmptyState({
  complete,
  failed,
  engineReady,
  unidentified,
}: {
  complete: boolean;
  failed: RecordType[];
  engineReady: boolean;
  unidentified: number;
}) {
  if (!complete || !engineReady) return <p role="status">Checking the record… findings appear here as data arrives.</p>;
  if (failed.length > 0) {
    return (
      <p role="status" class="warning-text">
        No findings in the data that loaded — this is not an all-clear: {failed.map(typeLabel).join(', ')} could not be
        loaded.
      </p>
    );
  }
  if (unidentified > 0) {
    return (
      <p role="status" class="warning-text">
        No findings from Cairn’s rules — this is not an all-clear: {unidentified} medication
        {unidentified === 1 ? '' : 's'} could not be identified and {unidentified === 1 ? 'was' : 'were'} not checked
        (listed below).
      </p>
    );
  }
  return <p role="status">No findings from Cairn’s rules for this record.</p>;
}

/** Medications Cairn could not identify: shown open, because nothing was checked for them. */
function Unidentified({ result }: { result: EngineResult }) {
  if (result.unidentified.length === 0) return null;
  return (
    <section aria-labelledby="unidentified-h" class="unidentified">
      <h3 id="unidentified-h">Not recognised — not checked ({result.unidentified.length})</h3>
      <p>
        Cairn could not identify these medications, so no interaction, allergy, dose or duplicate check ran for them:
      </p>
      <ul>
        {result.unidentified.map((m) => (
          <li key={m.ref}>
            {m.display}
            {m.isDraft ? ' (draft order)' : ''}
            {m.codes.length > 0 ? ` — code ${m.codes.map((c) => c.code).join(', ')}` : ' — no code'}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NotEvaluated({ result }: { result: EngineResult }) {
  if (result.skipped.length === 0) return null;
  return (
    <details class="skipped">
      <summary>Not evaluated ({result.skipped.length})</summary>
      <ul>
        {result.skipped.map((s, i) => (
          <li key={i}>
            {s.subject}: {s.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function Findings(props: FindingsProps) {
  const { result, complete, failed, engineError, focusId } = props;
  const findings = result ? sorted(result.findings) : [];
  return (
    <section aria-labelledby="findings-h" aria-busy={!complete}>
      <h2 id="findings-h">Findings{!complete && findings.length > 0 ? ' (provisional — still loading)' : ''}</h2>
      {engineError && (
        <p role="alert">Cairn’s reasoning engine could not run on this record, so no conclusions can be shown.</p>
      )}
      {complete && failed.length > 0 && findings.length > 0 && (
        <p role="note" class="warning-text">
          Incomplete record: {failed.map(typeLabel).join(', ')} could not be loaded. Findings that depend on them may be
          missing, or may not hold (e.g. an “untreated” finding when medications are unknown): check the chart.
        </p>
      )}
      {findings.length === 0 && !engineError ? (
        <EmptyState
          complete={complete}
          failed={failed}
          engineReady={result !== undefined}
          unidentified={result?.unidentified.length ?? 0}
        />
      ) : (
        findings.map((f) => (
          <FindingCard
            key={f.id}
            finding={f}
            resources={props.resources}
            resolve={props.resolve}
            onOpen={props.onOpen}
            sendFeedback={props.sendFeedback}
            provisional={!complete}
            focused={f.id === focusId}
          />
        ))
      )}
      {result && <Unidentified result={result} />}
      {result && complete && <NotEvaluated result={result} />}
    </section>
  );
}
