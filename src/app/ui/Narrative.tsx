/**
 * The model narrative, always in its own section and always labeled with what produced it (EU AI Act Art. 13;
 * docs/architecture.md: model text is always labeled model-generated). Claims link to the findings and resources they cite.
 * The text is shown only once it agrees with this screen's read of the chart (state/narrative-agreement.ts).
 */
import type { Consideration } from '@model/types';
import type { ShownNarrative } from '../state/narrative-agreement';
import { Citations, EvidenceChip, type OpenResource, type Resolve } from './Evidence';
import { findingAnchor } from './FindingCard';

interface ClaimLinks {
  resolve: Resolve;
  onOpen: OpenResource;
  findingIds: ReadonlySet<string>;
}

const STATUS_TEXT = {
  loading: 'Asking the model for a narrative… The findings above do not depend on it.',
  off: 'The model narrative is turned off for this site. The findings above are complete without it.',
  'not-allowed':
    "No model narrative: the Cairn service is not allowed to read this EHR's FHIR server (it is not on the service's allow-list). " +
    'Ask the administrator of the Cairn service to add it. The findings above are complete without it.',
  timeout: 'The model did not answer in time. The findings above are complete without it.',
  expired:
    'The model narrative needs a current session: relaunch Cairn from the EHR. The findings above are complete without it.',
  error: 'The model narrative is unavailable right now. The findings above are complete without it.',
  checking:
    'The model narrative has arrived; it is shown once this screen has read the whole chart, so the two can be ' +
    'checked against each other. The findings above do not depend on it.',
  withheld:
    "Model narrative withheld: the Cairn service read a different version of this patient's chart than this screen " +
    'did (a proxy may have altered a query, part of the chart could not be read here, or the chart changed in ' +
    'between), so its text could contradict the findings above. The findings above are still valid: they come ' +
    "from this screen's own read. Reloading Cairn may fix it.",
} as const;

// A FHIR relative reference (R4 §2.3.0 "Resource references"); any other evidence id names a finding.
const RESOURCE_REF = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;

/**
 * A finding id is a link to its card even before the in-browser engine has drawn the cards: the server's narrative
 * often arrives first, and a raw id ("ddi-raas-potassium-sparing:29046|9997") means nothing to a clinician.
 */
function isFindingRef(evidence: string, findingIds: ReadonlySet<string>): boolean {
  return findingIds.has(evidence) || !RESOURCE_REF.test(evidence);
}

function ClaimEvidence({ evidence, links }: { evidence: string[]; links: ClaimLinks }) {
  if (evidence.length === 0) return null;
  return (
    <ul class="chips" aria-label="Evidence for this claim">
      {evidence.map((e) => (
        <li key={e}>
          {isFindingRef(e, links.findingIds) ? (
            <a class="chip" href={`#${findingAnchor(e)}`}>
              See finding
            </a>
          ) : (
            <EvidenceChip reference={e} resolve={links.resolve} onOpen={links.onOpen} />
          )}
        </li>
      ))}
    </ul>
  );
}

function ClaimItem({ claim, links }: { claim: Consideration; links: ClaimLinks }) {
  return (
    <li>
      <span class="claim-kind">{claim.kind.replace('-', ' ')}</span> {claim.text}
      {claim.origin === 'engine' && <span class="muted"> (from Cairn's rules)</span>}
      <ClaimEvidence evidence={claim.evidence} links={links} />
      {claim.citations.length > 0 && <Citations citations={claim.citations} />}
    </li>
  );
}

export function Narrative({ state, ...links }: { state: ShownNarrative } & ClaimLinks) {
  return (
    <section class="narrative" aria-labelledby="narrative-h" aria-busy={state.status === 'loading'}>
      <h2 id="narrative-h">Model narrative</h2>
      {state.status !== 'ready' ? (
        <p role="status" data-reason={state.status === 'withheld' ? state.reason : undefined}>
          {STATUS_TEXT[state.status]}
        </p>
      ) : (
        <>
          <p class="model-label">
            <strong>{state.reasoning.label}</strong>
            <br />
            Model: {state.reasoning.model.name}
            {state.reasoning.model.version ? `, version ${state.reasoning.model.version}` : ''}
          </p>
          <p>{state.reasoning.assessment}</p>
          {state.reasoning.escalation && (
            <div class="escalation" role="note">
              <strong>{state.reasoning.escalation.text}</strong>
              <ClaimEvidence evidence={state.reasoning.escalation.evidence} links={links} />
            </div>
          )}
          <ol class="claims">
            {[...state.reasoning.considerations]
              .sort((a, b) => a.rank - b.rank)
              .map((c) => (
                <ClaimItem key={c.rank} claim={c} links={links} />
              ))}
          </ol>
        </>
      )}
    </section>
  );
}
