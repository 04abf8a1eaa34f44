/** Rows for the hook path: throughput and latency against a no-op in the same run, and the stalled-model budget. */
import { createNarrativeServiceFromConfig } from '../hooks-service/model/index';
import { openAiChat, openAiConfig } from '../test/hooks-service/model/support/chat';
import { startStubModelServer } from '../test/hooks-service/model/support/stub-model-server';
import { makeKey } from '../test/hooks-service/support/client-keys';
import {
  compare,
  FIXTURE,
  loadFixture,
  orderSignBody,
  patientViewBody,
  startNoop,
  startService,
  tokensFor,
  type Pair,
} from './hooks';
import { row, type Row } from './report';

const PATIENT_VIEW = '/cds-services/cairn-patient-view';
const ORDER_SIGN = '/cds-services/cairn-order-sign';
const POLYPHARMACY = 'diabetes-metformin-polypharmacy-9bf59715.json';

function pairRows(name: string, pair: Pair, reference: string, goals = ''): Row[] {
  const kb = `${(pair.bodyBytes / 1024).toFixed(0)} KB body, 50 connections, ${pair.requests} requests`;
  return [
    row(
      `${name} throughput`,
      pair.service.rps,
      'req/s',
      pair.noop.rps,
      `÷ ${reference}; ${kb}${goals && `; goal ratio ≥ 0.5`}`,
    ),
    row(`${name} p50`, pair.service.p50, 'ms', pair.noop.p50, `÷ ${reference}`),
    row(`${name} p99`, pair.service.p99, 'ms', pair.noop.p99, `÷ ${reference}${goals && `; goal ≤ 25 ms`}`),
    row(
      `${name} p99, one connection`,
      pair.oneConnection.service.p99,
      'ms',
      pair.oneConnection.noop.p99,
      `÷ ${reference}, both called one at a time (no queueing)`,
    ),
  ];
}

/** Hook latency while the model stalls 10 s, against the configured model budget. */
async function stallRows(): Promise<Row[]> {
  const budgetMs = 1_500;
  const stub = await startStubModelServer({ fallback: 'invalid-json' });
  const key = makeKey('RS384');
  const model = createNarrativeServiceFromConfig(openAiConfig(stub.url, { CAIRN_MODEL_BUDGET_MS: String(budgetMs) }), {
    chat: openAiChat(stub.url),
  });
  const service = await startService([key], { model });
  try {
    const fx = loadFixture(FIXTURE);
    const [warm = '', stalled = ''] = tokensFor(key, `${service.origin}${PATIENT_VIEW}`, 2);
    const call = async (token: string) => {
      const t = performance.now();
      const res = await fetch(`${service.origin}${PATIENT_VIEW}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: patientViewBody(fx),
      });
      await res.text();
      if (res.status !== 200) throw new Error(`stalled-model call answered ${res.status}`);
      return performance.now() - t;
    };
    await call(warm);
    stub.script = ['stall'];
    const ms = await call(stalled);
    return [
      row(
        'stall: patient-view, model stalled 10 s',
        ms,
        'ms',
        budgetMs,
        'reference: the model budget; goal ≤ budget + 50 ms (HTTP round trip)',
      ),
    ];
  } finally {
    await service.close();
    await stub.close();
  }
}

export const requestCount = (smoke: boolean): number => (smoke ? 100 : 3_000);

export async function hookRows(smoke: boolean): Promise<Row[]> {
  const amount = requestCount(smoke);
  const fx = loadFixture(FIXTURE);
  const rs = makeKey('RS384');
  const es = makeKey('ES384');
  const pv = patientViewBody(fx);
  const service = await startService([rs, es]);
  const threaded = await startService([rs], { threads: 1 });
  const noop = await startNoop();
  const verifyingNoop = await startNoop(es);
  try {
    const same = 'no-op fed the same body and headers';
    return [
      ...pairRows(
        'patient-view RS384',
        await compare({ service, noop, path: PATIENT_VIEW, body: pv, key: rs, amount }),
        same,
        'goals',
      ),
      ...pairRows(
        'patient-view ES384',
        await compare({ service, noop: verifyingNoop, path: PATIENT_VIEW, body: pv, key: es, amount }),
        'no-op verifying the same ES384 signature',
        'goals',
      ),
      ...pairRows(
        'order-sign 5 drafts RS384',
        await compare({
          service,
          noop,
          path: ORDER_SIGN,
          body: orderSignBody(loadFixture(POLYPHARMACY)),
          key: rs,
          amount,
        }),
        same,
      ),
      // In this process the load generator shares the event loop, as other work would on a busy machine: what one
      // reasoning worker gains when the loop, not the CPUs, is the limit.
      ...pairRows(
        'patient-view RS384, 1 reasoning thread',
        await compare({ service: threaded, noop, path: PATIENT_VIEW, body: pv, key: rs, amount }),
        same,
      ),
      ...(await stallRows()),
    ];
  } finally {
    await Promise.all([service.close(), threaded.close(), noop.close(), verifyingNoop.close()]);
  }
}
