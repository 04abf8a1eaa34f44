/**
 * One CDS card as an EHR shows it: indicator (colour plus word, never colour alone), summary, source,
 * detail, suggestions with accept buttons, links (SMART links open the app beside the chart), and an
 * override with a coded reason. What the clinician did is shown on the card and reported as feedback.
 */
import { useState } from 'preact/hooks';
import type { CodingWithDisplay as Coding } from '@cds-hooks/schemas/common';
import type { Card, Link, Suggestion } from '@cds-hooks/schemas/response';
import { Markdown } from '../../../src/app/ui/Markdown';

export interface ShownCard {
  key: string;
  serviceId: string;
  hook: string;
  card: Card;
  outcome?: { kind: 'accepted'; label: string } | { kind: 'overridden'; reason: string };
}

interface Props {
  shown: ShownCard;
  onAccept: (shown: ShownCard, suggestion: Suggestion) => void;
  onOverride: (shown: ShownCard, reason: Coding | undefined, comment: string) => void;
  onLink: (link: Link) => void;
}

const LABEL = { critical: 'Critical', warning: 'Warning', info: 'Info' } as const;

function OverrideForm({
  reasons,
  onSubmit,
  onCancel,
}: {
  reasons: Coding[];
  onSubmit: (r: Coding | undefined, c: string) => void;
  onCancel: () => void;
}) {
  const [code, setCode] = useState('');
  const [comment, setComment] = useState('');
  const reason = reasons.find((r) => r.code === code);
  return (
    <form
      class="override"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(reason, comment);
      }}
    >
      {reasons.length > 0 && (
        <label class="field">
          Reason
          <select required value={code} onChange={(e) => setCode(e.currentTarget.value)}>
            <option value="" disabled>
              Choose a reason…
            </option>
            {reasons.map((r) => (
              <option value={r.code}>{r.display}</option>
            ))}
          </select>
        </label>
      )}
      <label class="field">
        Comment (optional)
        <input type="text" value={comment} maxLength={500} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <div class="row">
        <button type="submit" class="btn btn--primary">
          Submit override
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Outcome({ outcome }: { outcome: NonNullable<ShownCard['outcome']> }) {
  return (
    <p class={`outcome outcome--${outcome.kind}`} role="status">
      {outcome.kind === 'accepted' ? `Accepted: ${outcome.label}` : `Overridden: ${outcome.reason}`}
    </p>
  );
}

export function CardView({ shown, onAccept, onOverride, onLink }: Props) {
  const { card, outcome } = shown;
  const [overriding, setOverriding] = useState(false);
  return (
    <article
      class={`card card--${card.indicator}${outcome ? ' card--done' : ''}`}
      aria-label={`${LABEL[card.indicator]}: ${card.summary}`}
    >
      <header class="card-head">
        <span class={`badge badge--${card.indicator}`}>{LABEL[card.indicator]}</span>
        <h3 class="card-summary">{card.summary}</h3>
      </header>
      <p class="card-source">
        Source:{' '}
        {card.source.url ? (
          <a href={card.source.url} target="_blank" rel="noopener noreferrer">
            {card.source.label}
          </a>
        ) : (
          card.source.label
        )}
      </p>
      {outcome ? (
        <Outcome outcome={outcome} />
      ) : (
        <>
          {(card.suggestions || card.links) && (
            <div class="card-actions">
              {card.suggestions?.map((s) => (
                <button
                  type="button"
                  class={`btn ${s.isRecommended ? 'btn--primary' : ''}`}
                  onClick={() => onAccept(shown, s)}
                >
                  {s.label}
                </button>
              ))}
              {card.links?.map((l) => (
                <button type="button" class="btn btn--link" onClick={() => onLink(l)}>
                  {l.label}
                  {l.type === 'absolute' ? ' ↗' : ''}
                </button>
              ))}
            </div>
          )}
          {overriding ? (
            <OverrideForm
              reasons={card.overrideReasons ?? []}
              onCancel={() => setOverriding(false)}
              onSubmit={(r, c) => {
                setOverriding(false);
                onOverride(shown, r, c);
              }}
            />
          ) : (
            <button type="button" class="btn btn--quiet" onClick={() => setOverriding(true)}>
              Override…
            </button>
          )}
        </>
      )}
      {/* Actions first, so they are never scrolled away; the reasoning stays one click away (open when critical). */}
      {card.detail && (
        <details class="card-detail" open={card.indicator === 'critical' && !outcome}>
          <summary>Details</summary>
          <Markdown source={card.detail} />
        </details>
      )}
    </article>
  );
}
