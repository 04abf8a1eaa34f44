import type { Chart, ChartLine } from '../chart';

const when = (date?: string): string => (date ? date.slice(0, 10) : '');

/** A per-line button, e.g. "Refill" on the medication list. */
interface LineAction {
  label: string;
  disabled: boolean;
  onClick: (line: ChartLine) => void;
}

function Section({
  title,
  lines,
  empty,
  action,
}: {
  title: string;
  lines: ChartLine[];
  empty: string;
  action?: LineAction;
}) {
  return (
    <section class="chart-section" aria-label={title}>
      <h3>
        {title} <span class="count">{lines.length}</span>
      </h3>
      {lines.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ul>
          {lines.map((l) => (
            <li>
              <span class="line-text">{l.text}</span>
              {l.detail && (
                <span class="line-detail" {...(l.exact && { title: `Recorded value: ${l.exact}` })}>
                  {l.detail}
                </span>
              )}
              {l.date && <time class="line-date">{when(l.date)}</time>}
              {action && (
                <button
                  type="button"
                  class="btn btn--small line-action"
                  aria-label={`${action.label} ${l.text}`}
                  disabled={action.disabled}
                  onClick={() => action.onClick(l)}
                >
                  {action.label}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PatientBanner({ chart }: { chart: Chart }) {
  const p = chart.patient;
  return (
    <div class="banner" role="region" aria-label="Patient banner">
      <h2 class="banner-name">{p.name}</h2>
      <dl class="banner-facts">
        <div>
          <dt>Age</dt>
          <dd>{p.age ?? '?'} y</dd>
        </div>
        <div>
          <dt>Sex</dt>
          <dd>{p.sex}</dd>
        </div>
        {p.birthDate && (
          <div>
            <dt>DOB</dt>
            <dd>{p.birthDate}</dd>
          </div>
        )}
        {p.mrn && (
          <div>
            <dt>MRN</dt>
            <dd>{p.mrn}</dd>
          </div>
        )}
        <div>
          <dt>Allergies</dt>
          <dd class={chart.allergies.length > 0 ? 'alert-text' : ''}>
            {chart.allergies.length > 0 ? chart.allergies.map((a) => a.text).join(', ') : 'None recorded'}
          </dd>
        </div>
      </dl>
      {p.deceased && <p class="tag tag--dark">Deceased</p>}
    </div>
  );
}

/** `onRefill` gets the active prescription's reference ("MedicationRequest/…") and its chart text. */
export function ChartView({
  chart,
  busy = false,
  onRefill,
}: {
  chart: Chart;
  busy?: boolean;
  onRefill?: (ref: string, text: string) => void;
}) {
  const refill = onRefill && { label: 'Refill', disabled: busy, onClick: (l: ChartLine) => onRefill(l.ref, l.text) };
  return (
    <div class="chart-grid">
      <Section title="Problems" lines={chart.problems} empty="No active problems" />
      <Section
        title="Medications"
        lines={chart.medications}
        empty="No active medications"
        {...(refill && { action: refill })}
      />
      <Section title="Allergies" lines={chart.allergies} empty="No allergies recorded" />
      <Section title="Recent results" lines={chart.results} empty="No results" />
      {chart.history.length > 0 && <Section title="Past history" lines={chart.history} empty="" />}
    </div>
  );
}
