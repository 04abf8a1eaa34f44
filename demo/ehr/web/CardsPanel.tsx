import type { CodingWithDisplay as Coding } from '@cds-hooks/schemas/common';
import type { Link, Suggestion } from '@cds-hooks/schemas/response';
import { byIndicator } from './read-cards';
import { CardView, type ShownCard } from './CardView';

interface Props {
  /** False until a chart is open: before that no hook has run, so "no advice" would be misleading. */
  chartOpen: boolean;
  cards: ShownCard[];
  loading: string | undefined;
  error: string | undefined;
  onAccept: (shown: ShownCard, suggestion: Suggestion) => void;
  onOverride: (shown: ShownCard, reason: Coding | undefined, comment: string) => void;
  onLink: (link: Link) => void;
}

const HOOK_TITLE: Record<string, string> = {
  'patient-view': 'Chart review',
  'order-select': 'Order selection',
  'order-sign': 'Before signing',
  'allergyintolerance-create': 'New allergy',
  'problem-list-item-create': 'New problem',
  'medication-refill': 'Refill',
};

export function CardsPanel({ chartOpen, cards, loading, error, onAccept, onOverride, onLink }: Props) {
  const hooks = [...new Set(cards.map((c) => c.hook))];
  return (
    <aside class="cds" aria-label="Clinical decision support" aria-busy={loading !== undefined}>
      <h2>Decision support</h2>
      {loading && (
        <p class="muted" role="status">
          Asking decision support ({loading})…
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!chartOpen && !loading && <p class="muted">Open a chart to see decision support.</p>}
      {chartOpen && !loading && !error && cards.length === 0 && <p class="muted">No advice for this patient.</p>}
      {hooks.map((hook) => (
        <section class="cds-group" aria-label={HOOK_TITLE[hook] ?? hook}>
          <h3>{HOOK_TITLE[hook] ?? hook}</h3>
          {cards
            .filter((c) => c.hook === hook)
            .sort((a, b) => byIndicator(a.card, b.card))
            .map((c) => (
              <CardView key={c.key} shown={c} onAccept={onAccept} onOverride={onOverride} onLink={onLink} />
            ))}
        </section>
      ))}
    </aside>
  );
}
