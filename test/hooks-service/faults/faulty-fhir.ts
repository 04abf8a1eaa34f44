/**
 * A FHIR server that misbehaves on purpose, per resource type: in front of the real test FHIR server (which answers
 * every type left `good`), it can be slow, fail with 500, cut its JSON short, answer a proxy's HTML login page, answer
 * JSON that is not FHIR, reset the connection, nest JSON past any sane depth, or send another patient's resources.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFhirServer, type FhirTestServer } from '../support/fhir-server';

export type Fault =
  | 'good'
  | 'slow'
  | 'status-500'
  | 'status-503'
  | 'truncated-json'
  | 'html'
  | 'not-fhir'
  | 'reset'
  | 'deep'
  | 'other-patient';

export const FAULTS: readonly Exclude<Fault, 'good' | 'other-patient'>[] = [
  'slow',
  'status-500',
  'status-503',
  'truncated-json',
  'html',
  'not-fhir',
  'reset',
  'deep',
];

export interface FaultyFhirServer {
  base: string;
  /** Fault per resource type (the first path segment under the base); unset types are answered well. */
  faults: Map<string, Fault>;
  /** How long `slow` holds its answer (ms). */
  slowMs: number;
  /** Resources `other-patient` answers with, as a searchset. */
  strangers: fhir4.Resource[];
  close(): Promise<void>;
}

const fhirJson = { 'content-type': 'application/fhir+json' };

function searchset(resources: fhir4.Resource[]): string {
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
  });
}

export async function startFaultyFhirServer(resources: fhir4.Resource[], token: string): Promise<FaultyFhirServer> {
  const real: FhirTestServer = await startFhirServer(resources, token);
  const timers = new Set<NodeJS.Timeout>();
  const state = { faults: new Map<string, Fault>(), slowMs: 3_000, strangers: [] as fhir4.Resource[] };

  const passThrough = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const answer = await fetch(`${real.base}${path}`, { headers: { authorization: req.headers.authorization ?? '' } });
    res.writeHead(answer.status, fhirJson).end(await answer.text());
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').replace(/^\/fhir/, '');
    const type = /^\/([A-Za-z]+)/.exec(path)?.[1] ?? '';
    const fault = state.faults.get(type) ?? 'good';
    switch (fault) {
      case 'good':
        return void passThrough(req, res, path);
      case 'slow': {
        const t = setTimeout(() => {
          timers.delete(t);
          void passThrough(req, res, path).catch(() => undefined);
        }, state.slowMs);
        timers.add(t);
        return;
      }
      case 'status-500':
        return void res
          .writeHead(500, fhirJson)
          .end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception' }] }));
      case 'status-503':
        return void res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '5' }).end('Service Unavailable');
      case 'truncated-json':
        return void res
          .writeHead(200, fhirJson)
          .end('{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Cond');
      case 'html':
        return void res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><html><body><form action="/login">Session expired</form></body></html>');
      case 'not-fhir':
        return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","items":[]}');
      case 'reset':
        return void req.socket.destroy();
      case 'deep':
        return void res
          .writeHead(200, fhirJson)
          .end(`{"resourceType":"Bundle","type":"searchset","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
      case 'other-patient':
        return void res.writeHead(200, fhirJson).end(searchset(state.strangers.filter((r) => r.resourceType === type)));
    }
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    base: `http://127.0.0.1:${port}/fhir`,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await real.close();
    },
  });
}
