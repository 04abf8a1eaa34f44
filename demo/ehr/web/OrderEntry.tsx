import { useEffect, useState } from 'preact/hooks';
import type { CatalogDrug } from '../catalog';
import { api } from './api';
import { draftLabel, type Draft } from './drafts';

interface Props {
  drafts: Draft[];
  signed: Draft[];
  busy: boolean;
  awaitingSign: boolean;
  onAdd: (drug: CatalogDrug, doseIndex: number) => void;
  onRemove: (id: string) => void;
  onSign: () => void;
  onConfirmSign: () => void;
}

export function OrderEntry({ drafts, signed, busy, awaitingSign, onAdd, onRemove, onSign, onConfirmSign }: Props) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CatalogDrug[]>([]);
  const [picked, setPicked] = useState<CatalogDrug | undefined>();
  const [dose, setDose] = useState(0);

  useEffect(() => {
    if (query.trim().length < 2) return setResults([]);
    let live = true;
    void api.catalog(query).then((r) => live && setResults(r));
    return () => {
      live = false;
    };
  }, [query]);

  const add = () => {
    if (!picked) return;
    onAdd(picked, dose);
    setPicked(undefined);
    setQuery('');
    setResults([]);
    setDose(0);
  };

  return (
    <section class="orders" aria-label="Order entry">
      <h2>Orders</h2>
      <label class="field">
        Find a medication
        <input
          type="search"
          value={query}
          placeholder="e.g. ibuprofen, amoxicillin"
          autocomplete="off"
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setPicked(undefined);
          }}
        />
      </label>
      {!picked && results.length > 0 && (
        <ul class="results" role="listbox" aria-label="Matching medications">
          {results.map((d) => (
            <li>
              <button
                type="button"
                role="option"
                aria-selected="false"
                onClick={() => {
                  setPicked(d);
                  setDose(0);
                }}
              >
                {d.display}
              </button>
            </li>
          ))}
        </ul>
      )}
      {picked && (
        <div class="pick">
          <p class="pick-name">{picked.display}</p>
          <label class="field">
            Dose and frequency
            <select value={String(dose)} onChange={(e) => setDose(Number(e.currentTarget.value))}>
              {picked.doses.map((d, i) => (
                <option value={String(i)}>{d.label}</option>
              ))}
            </select>
          </label>
          <div class="row">
            <button type="button" class="btn btn--primary" onClick={add}>
              Add to orders
            </button>
            <button type="button" class="btn" onClick={() => setPicked(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <h3>
        Pending orders <span class="count">{drafts.length}</span>
      </h3>
      {drafts.length === 0 ? (
        <p class="muted">No pending orders.</p>
      ) : (
        <ul class="drafts" aria-label="Pending orders">
          {drafts.map((d) => (
            <li data-draft-id={d.id}>
              <span>{draftLabel(d)}</span>
              <button
                type="button"
                class="btn btn--small"
                aria-label={`Remove ${draftLabel(d)}`}
                onClick={() => onRemove(d.id ?? '')}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <button type="button" class="btn btn--primary" disabled={drafts.length === 0 || busy} onClick={onSign}>
          Sign orders
        </button>
        {awaitingSign && (
          <button type="button" class="btn btn--warn" onClick={onConfirmSign}>
            Sign anyway
          </button>
        )}
      </div>
      {signed.length > 0 && (
        <>
          <h3>Signed this session</h3>
          <ul class="drafts drafts--signed">
            {signed.map((d) => (
              <li>
                <span>{draftLabel(d)}</span>
                <span class="tag">signed</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
