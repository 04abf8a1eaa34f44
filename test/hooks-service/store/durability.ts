/** Kill -9 harness: POST feedback under load to the service process, SIGKILL it, count acknowledged rows. */
import { randomUUID } from 'node:crypto';
import type { ServiceProcess } from './service-process.ts';

export interface DurabilityFigures {
  acknowledged: number;
  found: number;
  writeMs: number;
  perSecond: number;
}

const SERVICE = 'cairn-order-sign';

/** One write request: its path, its body, and the id a row in the store will carry once it is written. */
export type MakeRequest = () => { path: string; body: unknown; id: string };

/** Feedback for a fresh card; the row is found by card uuid. */
export const feedbackRequest: MakeRequest = () => {
  const card = randomUUID();
  return {
    path: `/cds-services/${SERVICE}/feedback`,
    id: card,
    body: { feedback: [{ card, outcome: 'overridden', outcomeTimestamp: new Date().toISOString() }] },
  };
};

async function postForever(url: string, make: MakeRequest, acked: string[], stop: { now: boolean }): Promise<void> {
  while (!stop.now) {
    const { path, body, id } = make();
    const ok = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(
      (r) => r.status === 200,
      () => false,
    );
    // Only a 200 is an acknowledgement: the EHR may forget a call it got an answer for.
    if (ok) acked.push(id);
  }
}

/** Sends requests from `clients` concurrent clients for `writeMs`, then SIGKILLs the service mid-stream. */
export async function loadThenKill(
  service: ServiceProcess,
  writeMs: number,
  clients = 8,
  make: MakeRequest = feedbackRequest,
): Promise<{ acked: string[]; ms: number }> {
  const acked: string[] = [];
  const stop = { now: false };
  const started = Date.now();
  const writers = Array.from({ length: clients }, () => postForever(service.url, make, acked, stop));
  await new Promise((resolve) => setTimeout(resolve, writeMs));
  await service.kill();
  stop.now = true;
  await Promise.all(writers);
  return { acked, ms: Date.now() - started };
}

/** Figures for the report: acknowledged rows, rows found after restart, write duration, acknowledged rate. */
export function figures(acked: string[], found: number, ms: number): DurabilityFigures {
  return { acknowledged: acked.length, found, writeMs: ms, perSecond: Math.round((acked.length * 1000) / ms) };
}

export const FOUND_SQL = 'SELECT count(*)::int AS found FROM feedback WHERE card_uuid = ANY($1::text[])';
export const FOUND_AUDIT_SQL = 'SELECT count(*)::int AS found FROM audit_event WHERE hook_instance = ANY($1::text[])';
