/** The demo EHR page: patient list, chart, order entry, decision-support cards, the SMART app, the inspector. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PatientRow } from '../chart';
import { api } from './api';
import { AppPanel } from './AppPanel';
import { CardsPanel } from './CardsPanel';
import { ChartEntries } from './ChartEntries';
import type { Link } from '@cds-hooks/schemas/response';
import { ChartView, PatientBanner } from './ChartView';
import { Inspector } from './Inspector';
import { OrderEntry } from './OrderEntry';
import { PatientList } from './PatientList';
import { useSession } from './use-session';

function App() {
  const [patients, setPatients] = useState<PatientRow[]>([]);
  const [listError, setListError] = useState(false);
  const [app, setApp] = useState<{ title: string; url: string } | undefined>();
  const s = useSession();

  const loadPatients = () => {
    setListError(false);
    api.patients().then(setPatients, () => setListError(true));
  };
  useEffect(loadPatients, []);

  async function openLink(link: Link) {
    if (link.type === 'absolute') return void window.open(link.url, '_blank', 'noopener');
    if (!s.chart) return;
    const { launch, iss } = await api.launch(s.chart.patient.id, link.appContext);
    const url = new URL(link.url, window.location.href);
    url.searchParams.set('iss', iss);
    url.searchParams.set('launch', launch);
    setApp({ title: link.label, url: url.toString() });
  }

  const open = (id: string) => {
    setApp(undefined);
    void s.openPatient(id);
  };

  return (
    <div class="ehr">
      <header class="topbar">
        <span class="brand">
          Cairn <span>demo EHR</span>
        </span>
        <span class="topbar-note">Synthetic patients only</span>
        <span class="user">Dr. Demo Clinician</span>
      </header>
      <div class="layout">
        {listError ? (
          <p class="patients error" role="alert">
            The patient list could not be loaded.{' '}
            <button type="button" class="btn btn--small" onClick={loadPatients}>
              Retry
            </button>
          </p>
        ) : (
          <PatientList patients={patients} {...(s.chart && { selected: s.chart.patient.id })} onOpen={open} />
        )}
        <main class="workspace">
          {s.chart ? (
            <>
              <PatientBanner chart={s.chart} />
              <ChartView chart={s.chart} busy={s.loading !== undefined} onRefill={s.refill} />
              <ChartEntries
                busy={s.loading !== undefined}
                added={s.added}
                onAddAllergy={s.addAllergy}
                onAddProblem={s.addProblem}
              />
              <OrderEntry
                drafts={s.drafts}
                signed={s.signed}
                busy={s.loading !== undefined}
                awaitingSign={s.awaitingSign}
                onAdd={s.addOrder}
                onRemove={s.removeOrder}
                onSign={() => void s.sign()}
                onConfirmSign={s.confirmSign}
              />
            </>
          ) : (
            <p class="empty">Choose a patient to open the chart.</p>
          )}
        </main>
        <CardsPanel
          chartOpen={s.chart !== undefined}
          cards={s.cards}
          loading={s.loading}
          error={s.error}
          onAccept={s.accept}
          onOverride={s.override}
          onLink={(l) => void openLink(l)}
        />
      </div>
      {app && <AppPanel title={app.title} url={app.url} onClose={() => setApp(undefined)} />}
      <Inspector log={s.log} serviceUrl={s.serviceUrl} onServiceUrl={s.setServiceUrl} />
    </div>
  );
}

const root = document.getElementById('root');
if (root) render(<App />, root);
