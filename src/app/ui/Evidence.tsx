/** Evidence chips (each opens the source resource), the finding's inputs with dates, and its citations. */
import type { Citation, EvidenceRef, FindingInput } from '@reasoning/types';
import { formatMeasure, observationValue, resourceDate, resourceTitle, shortDate } from './describe';

export type OpenResource = (reference: string, opener: HTMLElement) => void;
export type Resolve = (reference: string) => fhir4.Resource | undefined;

/**
 * What a chip says: the engine's label, and for a result its value and date, so two creatinine chips are told
 * apart at a glance ("Creatinine 1.7 mg/dL · 2021-03-31").
 */
export function chipLabel(
  reference: string,
  display: string | undefined,
  resource: fhir4.Resource | undefined,
): string {
  const label = display ?? (resource ? resourceTitle(resource) : reference);
  if (resource?.resourceType !== 'Observation') return label;
  const value = /\d/.test(label) ? undefined : observationValue(resource as fhir4.Observation, false);
  const date = resourceDate(resource);
  return [value ? `${label} ${value}` : label, date && shortDate(date)].filter(Boolean).join(' · ');
}

type ChipProps = EvidenceRef & {
  resolve: Resolve;
  onOpen: OpenResource;
  /** In a table whose row already shows value and date. */ brief?: boolean;
};

/** A button naming a source resource; activating it opens the resource dialog. */
export function EvidenceChip({ reference, display, resolve, onOpen, brief = false }: ChipProps) {
  const resource = resolve(reference);
  const label = brief
    ? (display ?? (resource ? resourceTitle(resource) : reference))
    : chipLabel(reference, display, resource);
  return (
    <button
      type="button"
      class="chip"
      onClick={(e) => onOpen(reference, e.currentTarget)}
      aria-label={`Open source: ${label}`}
    >
      {label}
    </button>
  );
}

export function EvidenceChips({
  evidence,
  resolve,
  onOpen,
}: {
  evidence: EvidenceRef[];
  resolve: Resolve;
  onOpen: OpenResource;
}) {
  if (evidence.length === 0) return null;
  return (
    <ul class="chips" aria-label="Evidence">
      {evidence.map((e) => (
        <li key={e.reference}>
          <EvidenceChip {...e} resolve={resolve} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}

/** Every value the rule used, with its date and source (FDA non-device CDS criterion 4: reviewable basis). */
export function InputsTable({
  inputs,
  resolve,
  onOpen,
}: {
  inputs: FindingInput[];
  resolve: Resolve;
  onOpen: OpenResource;
}) {
  if (inputs.length === 0) return null;
  return (
    <table class="inputs">
      <caption>Inputs</caption>
      <thead>
        <tr>
          <th scope="col">Input</th>
          <th scope="col">Value</th>
          <th scope="col">Date</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {inputs.map((input, i) => (
          <tr key={i}>
            <th scope="row">{input.name}</th>
            <td>
              {typeof input.value === 'number' ? formatMeasure(input.value) : String(input.value)}
              {input.unit ? ` ${input.unit}` : ''}
            </td>
            <td>{shortDate(input.date)}</td>
            <td>
              {input.source ? <EvidenceChip reference={input.source} resolve={resolve} onOpen={onOpen} brief /> : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Citations({ citations }: { citations: Citation[] }) {
  if (citations.length === 0) return null;
  return (
    <section class="citations" aria-label="Sources">
      <h4>Sources</h4>
      <ol>
        {citations.map((c, i) => (
          <li key={i}>
            {c.url && /^https?:\/\//.test(c.url) ? (
              <a href={c.url} target="_blank" rel="noopener noreferrer">
                {c.title}
              </a>
            ) : (
              c.title
            )}{' '}
            ({c.year})
          </li>
        ))}
      </ol>
    </section>
  );
}
