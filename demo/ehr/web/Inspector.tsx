/** The request/response inspector: every hook and feedback exchange, exactly as sent and received. */
import { useState } from 'preact/hooks';

export interface LoggedExchange {
  id: number;
  at: string;
  label: string;
  status: number;
  durationMs: number;
  request: unknown;
  response: unknown;
}

interface Props {
  log: LoggedExchange[];
  serviceUrl: string;
  onServiceUrl: (url: string) => void;
}

export function Inspector({ log, serviceUrl, onServiceUrl }: Props) {
  const [selected, setSelected] = useState<number | undefined>();
  const [draftUrl, setDraftUrl] = useState(serviceUrl);
  const shown = log.find((x) => x.id === selected) ?? log[0];
  return (
    <details class="inspector">
      <summary>
        Request / response inspector <span class="count">{log.length}</span>
      </summary>
      <form
        class="row service-url"
        onSubmit={(e) => {
          e.preventDefault();
          onServiceUrl(draftUrl.trim());
        }}
      >
        <label class="field field--grow">
          CDS service base URL (empty = this server)
          <input
            type="url"
            value={draftUrl}
            placeholder="https://cds.example.org"
            onInput={(e) => setDraftUrl(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="btn">
          Use
        </button>
      </form>
      <div class="inspector-body">
        <ol class="inspector-list">
          {log.map((x) => (
            <li>
              <button type="button" class={x === shown ? 'on' : ''} onClick={() => setSelected(x.id)}>
                <span>{x.label}</span>
                <span class={x.status >= 400 ? 'bad' : 'ok'}>{x.status}</span>
                <span>{x.durationMs} ms</span>
              </button>
            </li>
          ))}
        </ol>
        {shown && (
          <div class="inspector-json">
            <h4>Request</h4>
            <pre>{JSON.stringify(shown.request, null, 2)}</pre>
            <h4>Response</h4>
            <pre>{JSON.stringify(shown.response, null, 2)}</pre>
          </div>
        )}
      </div>
    </details>
  );
}
