/**
 * Two replicas of the built service (`dist-service/main.js`, as `npm run start:service` runs it) in their own
 * processes, sharing one Postgres through DATABASE_URL behind one public URL, 25 connections each; against the
 * in-process no-op at 50 connections fed the same body and tokens. Skipped with a clear row without DATABASE_URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jwksOf, type TestKey } from '../test/hooks-service/support/client-keys';
import { startJwksServer } from '../test/hooks-service/support/jwks-server';
import { freePort } from '../test/hooks-service/store/service-process';
import { ISS, startNoop, tokensFor } from './hooks';
import { load } from './load';
import { row, type Row } from './report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PUBLIC_URL = 'https://cairn.bench.example';
const NAME = 'patient-view RS384, 2 replicas on Postgres';

async function startReplica(env: Record<string, string>): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist-service/main.js'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`replica exited with code ${child.exitCode}`);
    if (
      await fetch(`${origin}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { origin, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('replica not ready in time');
}

export async function replicaRows(o: { body: string; path: string; key: TestKey; amount: number }): Promise<Row[]> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    return [
      row(
        `${NAME} throughput`,
        null,
        'req/s',
        null,
        'skipped: DATABASE_URL not set (.ci/postgres.sh start prints one)',
      ),
    ];
  if (!existsSync(join(ROOT, 'dist-service/main.js')))
    throw new Error('dist-service/main.js missing: startRows builds it first');
  const jwks = await startJwksServer();
  jwks.serve('/jwks.json', jwksOf(o.key));
  const env = {
    DATABASE_URL: databaseUrl,
    CDS_AUTH: 'on',
    CAIRN_PUBLIC_URL: PUBLIC_URL,
    LOG_LEVEL: 'info',
    CDS_TRUSTED_ISSUERS: JSON.stringify({ [ISS]: { jwks: `${jwks.origin}/jwks.json` } }),
  };
  const replicas: { origin: string; child: ChildProcess }[] = [];
  const noop = await startNoop();
  try {
    replicas.push(await startReplica(env), await startReplica(env));
    const most = Math.round(o.amount / 2);
    const warm = 50;
    const tokens = tokensFor(o.key, `${PUBLIC_URL}${o.path}`, 2 * (most + warm));
    const runs = (offset: number, amount: number) =>
      Promise.all(
        replicas.map((r, i) =>
          load({
            url: `${r.origin}${o.path}`,
            body: o.body,
            tokens: tokens.slice(offset + i * amount, offset + (i + 1) * amount),
            amount,
            connections: 25,
          }),
        ),
      );
    const warmed = await runs(2 * most, warm);
    // About 8 s of what the replicas did while warming up, as for the single-service rows.
    const half = Math.min(most, Math.max(warm, Math.round(warmed[0]!.rps * 8)));
    const noopRun = await load({ url: `${noop.origin}${o.path}`, body: o.body, tokens, amount: 2 * half });
    const measured = await runs(0, half);
    const failed = measured.reduce((n, m) => n + m.non2xx + m.errors, 0);
    if (failed > 0) throw new Error(`replicas answered ${failed} calls with an error`);
    const rps = measured.reduce((sum, m) => sum + m.rps, 0);
    const p99 = Math.max(...measured.map((m) => m.p99));
    const reference = 'in-process no-op, 50 connections, same body and tokens';
    return [
      row(`${NAME} throughput`, rps, 'req/s', noopRun.rps, `sum of both replicas ÷ ${reference}`),
      row(`${NAME} p99`, p99, 'ms', noopRun.p99, `worse replica ÷ ${reference}`),
    ];
  } finally {
    for (const r of replicas) r.child.kill('SIGTERM');
    await Promise.all(
      replicas.map((r) => new Promise((done) => (r.child.exitCode !== null ? done(null) : r.child.once('exit', done)))),
    );
    await noop.close();
    await jwks.close();
  }
}
