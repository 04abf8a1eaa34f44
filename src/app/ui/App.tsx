/** The Cairn app for one launched patient: banner, load progress, findings, scores, model narrative. */
import { useCallback, useMemo } from 'preact/hooks';
import { sendFeedback as postFeedback } from '../api/feedback';
import type { FhirSession } from '../data/session';
import { readLaunchContext } from '../smart/launch-context';
import { agreedNarrative } from '../state/narrative-agreement';
import { useRecord, type RunEngine } from '../state/use-record';
import { useEvidenceDialog, useNarrative, useSessionAlive, useSmartStyle } from './app-hooks';
import type { SendFeedback } from './Feedback';
import { Findings } from './Findings';
import { lazyComponent } from './lazy';
import { Narrative } from './Narrative';
import { ScoreList } from './ScoreList';
import { LoadProgress, PatientBanner, ProblemScreen } from './Status';

const ResourceDialog = lazyComponent(() => import('./ResourceDialog'));

export interface AppProps {
  session: FhirSession;
  loadEngine: () => Promise<RunEngine>;
  fetchImpl: typeof fetch;
  /** The engine's clock (ISO dateTime); injected so tests are deterministic. */
  now: () => string;
  narrativeTimeoutMs?: number;
  /** How often to check (and refresh, where offered) the access token; EHR tokens live about ten minutes. */
  sessionCheckMs?: number;
}

function ExpiredNotice() {
  return (
    <p role="alert" class="expired">
      Session expired: what is shown stays readable but will not update, and feedback cannot be sent. Relaunch Cairn
      from the EHR.
    </p>
  );
}

export function App(props: AppProps) {
  const { session, fetchImpl } = props;
  const context = useMemo(() => readLaunchContext(session.context), [session]);
  const record = useRecord(session, props.loadEngine, props.now);
  const narrative = useNarrative(session, fetchImpl, props.narrativeTimeoutMs);
  const alive = useSessionAlive(session, props.sessionCheckMs ?? 60_000);
  const dialog = useEvidenceDialog(record.resources);
  const { resources, result, complete, engineError } = record;
  // The narrative's text only once it is about the same chart as the findings above it (issue #15).
  const shownNarrative = useMemo(
    () => agreedNarrative(narrative, { resources, result, complete, engineError }),
    [narrative, resources, result, complete, engineError],
  );
  useSmartStyle(context.smartStyleUrl, fetchImpl);
  const send = useCallback<SendFeedback>(
    async (f) =>
      postFeedback(fetchImpl, await session.accessToken(), f, {
        fhirServer: session.serverUrl,
        patientId: session.patientId,
      }),
    [fetchImpl, session],
  );

  if (record.fatal) return <ProblemScreen kind={record.fatal} />;
  const { resolve, onOpen } = dialog;
  const patient = record.resources.find((r): r is fhir4.Patient => r.resourceType === 'Patient');
  // Checked on every render, not only at load: nothing is shown unless it is the launched patient's record.
  if (patient && patient.id !== session.patientId) return <ProblemScreen kind="patient-mismatch" />;
  const findingIds = new Set(record.result?.findings.map((f) => f.id) ?? []);
  const linkedMissing = context.findingId && record.complete && record.result && !findingIds.has(context.findingId);
  return (
    <>
      {context.needPatientBanner && <PatientBanner patient={patient} />}
      <main aria-hidden={dialog.open ? 'true' : undefined} data-patient-id={session.patientId}>
        <h1 class="app-title">Cairn</h1>
        {!alive && <ExpiredNotice />}
        <LoadProgress loads={record.loads} />
        {linkedMissing && (
          <p role="note">
            The finding the EHR card pointed to no longer applies to the current record; all findings are shown.
          </p>
        )}
        <Findings {...record} resolve={resolve} onOpen={onOpen} sendFeedback={send} focusId={context.findingId} />
        {record.result && <ScoreList scores={record.result.scores} resolve={resolve} onOpen={onOpen} />}
        <Narrative state={shownNarrative} resolve={resolve} onOpen={onOpen} findingIds={findingIds} />
      </main>
      {dialog.open && (
        <ResourceDialog
          reference={dialog.open.reference}
          resource={resolve(dialog.open.reference)}
          onClose={dialog.close}
        />
      )}
    </>
  );
}
