/** Modal dialog showing a source resource: a readable summary, then the JSON on demand. Loaded on first use. */
import { useEffect, useRef } from 'preact/hooks';
import { resourceFacts } from './describe';

export interface ResourceDialogProps {
  reference: string;
  resource: fhir4.Resource | undefined;
  onClose: () => void;
}

export default function ResourceDialog({ reference, resource, onClose }: ResourceDialogProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), [reference]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
    // Keep Tab inside the dialog (WAI-ARIA APG modal dialog pattern): the close button is the only stop we
    // must return to; the details toggle and links sit between.
    if (e.key === 'Tab' && e.currentTarget instanceof HTMLElement) {
      const stops = [...e.currentTarget.querySelectorAll<HTMLElement>('button, summary, a[href]')];
      const first = stops[0];
      const last = stops[stops.length - 1];
      const wrapTo =
        e.shiftKey && document.activeElement === first
          ? last
          : !e.shiftKey && document.activeElement === last
            ? first
            : undefined;
      if (wrapTo !== undefined) {
        e.preventDefault();
        wrapTo.focus();
      }
    }
  };
  return (
    <div class="backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="resource-h" class="dialog" onKeyDown={onKeyDown}>
        <h2 id="resource-h">Source: {reference}</h2>
        {resource ? (
          <>
            <dl class="facts">
              {resourceFacts(resource).map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            <details>
              <summary>Resource JSON</summary>
              <pre>{JSON.stringify(resource, null, 2)}</pre>
            </details>
          </>
        ) : (
          <p>This resource is not in the loaded record (it may be a draft order or outside the loaded data).</p>
        )}
        <button type="button" ref={closeRef} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
