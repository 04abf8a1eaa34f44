/** One finding: severity, summary, what to do, why, inputs with dates, evidence chips, trend plots, citations, feedback. */
import { useEffect, useRef } from 'preact/hooks';
import type { Finding } from '@reasoning/types';
import { Citations, EvidenceChips, InputsTable, type OpenResource, type Resolve } from './Evidence';
import { Feedback, type SendFeedback } from './Feedback';
import { lazyComponent } from './lazy';
import { Markdown } from './Markdown';
import { trendsFor } from './trend';

const TrendPlot = lazyComponent(() => import('./TrendPlot'), <p class="muted">Loading trend…</p>);

/** The element id of a finding's heading; narrative claims link to it. Finding ids may hold any character. */
export function findingAnchor(id: string): string {
  return `finding-${id.replace(/\s+/g, '_')}`;
}

const SEVERITY_TEXT = { critical: 'Critical', warning: 'Warning', info: 'Info' } as const;

export interface FindingCardProps {
  finding: Finding;
  resources: readonly fhir4.Resource[];
  resolve: Resolve;
  onOpen: OpenResource;
  sendFeedback: SendFeedback;
  provisional: boolean;
  /** Opened from a CDS card link for this finding: expand it and move focus here. */
  focused: boolean;
}

export function FindingCard({
  finding,
  resources,
  resolve,
  onOpen,
  sendFeedback,
  provisional,
  focused,
}: FindingCardProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focused || !ref.current) return;
    ref.current.scrollIntoView?.({ block: 'start' });
    ref.current.focus();
  }, [focused]);
  const headingId = findingAnchor(finding.id);
  const trends = trendsFor(finding, resources);
  return (
    <article
      ref={ref}
      class={`finding sev-${finding.severity}${focused ? ' focused' : ''}`}
      aria-labelledby={headingId}
      tabIndex={-1}
      data-finding-id={finding.id}
    >
      <h3 id={headingId}>
        <span class={`badge sev-${finding.severity}`}>{SEVERITY_TEXT[finding.severity]}</span> {finding.summary}
        {provisional && <span class="badge provisional"> Provisional</span>}
      </h3>
      <p class="finding-action">
        <strong>What to do:</strong> {finding.action}
      </p>
      <EvidenceChips evidence={finding.evidence} resolve={resolve} onOpen={onOpen} />
      <details open={focused || finding.severity === 'critical'}>
        <summary>Why</summary>
        <Markdown source={finding.detail} />
        {finding.limitations && finding.limitations.length > 0 && (
          <section aria-label="Limitations">
            <h4>Limitations</h4>
            <ul>
              {finding.limitations.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          </section>
        )}
        <InputsTable inputs={finding.inputs} resolve={resolve} onOpen={onOpen} />
        {trends.map((series) => (
          <TrendPlot key={series.title} series={series} />
        ))}
        <Citations citations={finding.citations} />
      </details>
      <Feedback findingId={finding.id} ruleId={finding.ruleId} send={sendFeedback} />
    </article>
  );
}
