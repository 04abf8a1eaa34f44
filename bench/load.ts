/** HTTP load (autocannon, in this process): a fixed number of requests, so each can carry its own pre-signed token. */
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  url: string;
  body: string;
  /** One Authorization header per request, used in order and then from the start again (the no-op reuses them). */
  tokens?: readonly string[];
  amount: number;
  connections?: number;
}

export async function load(o: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const tokens = o.tokens ?? [];
  // autocannon reports a fixed-amount run only at its next one-second tick, so its `duration` is rounded up to
  // whole seconds (a 2.2 s run reads 3.0 s): the run's length is taken from the last response instead.
  const started = performance.now();
  let lastResponse = started;
  const result = await autocannon({
    url: o.url,
    connections: o.connections ?? 50,
    amount: o.amount,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        body: o.body,
        setupRequest: (request) => {
          const token = tokens.length > 0 ? tokens[next++ % tokens.length] : undefined;
          request.headers = { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) };
          return request;
        },
        onResponse: () => {
          lastResponse = performance.now();
        },
      },
    ],
  });
  // Throughput over the whole run (requests ÷ seconds), not autocannon's per-second average that drops partial seconds.
  const done = result['2xx'] + result.non2xx;
  return {
    rps: done / ((lastResponse - started) / 1000),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
