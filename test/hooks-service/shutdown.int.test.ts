/**
 * Graceful shutdown of the production service process (`hooks-service/main.ts`, what `npm run start:service`
 * runs) as an orchestrator drives it: on SIGTERM it refuses new connections at once, lets the hook call in flight
 * finish, flushes the store (its audit row is on disk for the next process) and exits 0. The time limit and the
 * second signal are in shutdown.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREFETCH } from '../../hooks-service/protocol/services';
import { createPgliteDriver } from '../../hooks-service/store/pglite-driver';
import { startFhirServer, type FhirTestServer } from './support/fhir-server';
import { hookRequest, loadFixture, prefetchFor } from './support/synthea';
import { startServiceProcess, type ServiceProcess } from './store/service-process';

const TOKEN = 'fhir-token-for-the-shutdown-test';
const fx = loadFixture('af-warfarin-alzheimers-ebd50853.json');
// Prefetch without the Patient, so the service fetches it from the (slow) FHIR server: the call stays in flight.
const slowCall = () =>
  hookRequest('patient-view', fx, {
    prefetch: prefetchFor(
      fx,
      Object.keys(PREFETCH).filter((key) => key !== 'patient'),
    ),
    fhirServer: fhir.base,
    token: TOKEN,
  });

let fhir: FhirTestServer;
const dataDir = mkdtempSync(join(tmpdir(), 'cairn-shutdown-'));
let service: ServiceProcess;

beforeAll(async () => {
  fhir = await startFhirServer(fx.resources, TOKEN);
  service = await startServiceProcess({ CAIRN_DATA_DIR: dataDir, DATABASE_URL: '', CAIRN_FHIR_ALLOWLIST: fhir.base });
}, 90_000);
afterAll(async () => {
  await service.kill();
  await fhir.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: { cards?: unknown[] };
  at: number;
}

/** Starts the slow hook call and resolves once the service is waiting on the FHIR server (wrapped: an async function would adopt a bare promise). */
async function callInFlight(url: string, body: Record<string, unknown>): Promise<{ answer: Promise<Answer | Error> }> {
  fhir.requests.length = 0;
  const answer = fetch(`${url}/cds-services/cairn-patient-view`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(
    async (r) => ({ status: r.status, body: (await r.json()) as Answer['body'], at: Date.now() }),
    (e: unknown) => e as Error,
  );
  while (fhir.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
  return { answer };
}

/** Resolves with the time a fresh TCP connection to `url` was first refused (polling, at most 3 s). */
async function refusedAt(url: string): Promise<number> {
  const { hostname, port } = new URL(url);
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(port), hostname);
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
    });
    if (refused) return Date.now();
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('new connections were still accepted 3 s after SIGTERM');
}

const exitCode = (s: ServiceProcess) =>
  new Promise<number | null>((resolve) =>
    s.child.exitCode !== null ? resolve(s.child.exitCode) : s.child.once('exit', (code) => resolve(code)),
  );

describe('SIGTERM on the production service', () => {
  it('refuses new connections, finishes the call in flight, flushes its audit row and exits 0', async () => {
    const svc = service;
    fhir.setDelay(1500);
    const body = slowCall();
    const { answer } = await callInFlight(svc.url, body);
    const exited = exitCode(svc);
    svc.child.kill('SIGTERM');
    const refused = await refusedAt(svc.url);

    const result = await answer;
    if (result instanceof Error) throw result;
    expect(result.status).toBe(200);
    expect(result.body.cards?.length).toBeGreaterThan(0);
    expect(refused).toBeLessThan(result.at);
    // Well before CAIRN_SHUTDOWN_TIMEOUT_MS (10 s): the client's idle keep-alive connection does not hold it open.
    expect(await exited).toBe(0);
    expect(Date.now() - result.at).toBeLessThan(5000);

    // The next process (or a replica) reads what this one wrote before it exited.
    const driver = await createPgliteDriver(join(dataDir, 'pglite'));
    const rows = await driver.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_event WHERE hook_instance = $1',
      [body.hookInstance],
    );
    await driver.close();
    expect(rows[0]?.n).toBe(1);
  }, 60_000);
});
