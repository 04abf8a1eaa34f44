/**
 * The built service (`dist-service/main.js`, as `npm run start:service` runs it) in processes of its own, against
 * the in-process no-op at 50 connections fed the same body and tokens:
 *  - one process on embedded PGlite in a fresh data directory, 50 connections: production's default deployment;
 *  - two replicas sharing one Postgres through DATABASE_URL behind one public URL, 25 connections each. Skipped
 *    with a clear row without DATABASE_URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jwksOf, type TestKey } from '../test/hooks-service/support/client-keys';
import { startJwksServer } from '../test/hooks-service/support/jwks-server';
import { freePort } from '../test/hooks-service/store/service-process';
import { bracketed, ISS, startNoop, tokensFor, warmupCalls } from './hooks';
import { load } from './load';
import { row, type Row } from './report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PUBLIC_URL = 'https://cairn.bench.example';
const REPLICAS = 'patient-view RS384, 2 replicas on Postgres';
const BUILT = 'patient-view RS384, built service on PGlite';

type Load = { body: string; path: string; key: TestKey; amount: number };

async function startReplica(env: Record<string, string>): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  // The V8 flag `npm run start:service` passes (package.json), so the process is the one administrators run.
  const child = spawn(process.execPath, ['--max-semi-space-size=64', 'dist-service/main.js'], {
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

/** `count` processes of the built service with `env`, 50 connections shared among them, against the no-op. */
async function measureProcesses(o: Load, env: Record<string, string>, count: number, name: string): Promise<Row[]> {
  if (!existsSync(join(ROOT, 'dist-service/main.js')))
    throw new Error('dist-service/main.js missing: startRows builds it first');
  const jwks = await startJwksServer();
  jwks.serve('/jwks.json', jwksOf(o.key));
  const fullEnv = {
    ...env,
    CDS_AUTH: 'on',
    CAIRN_PUBLIC_URL: PUBLIC_URL,
    LOG_LEVEL: 'info',
    CDS_TRUSTED_ISSUERS: JSON.stringify({ [ISS]: { jwks: `${jwks.origin}/jwks.json` } }),
  };
  const replicas: { origin: string; child: ChildProcess }[] = [];
  const noop = await startNoop();
  try {
    for (let i = 0; i < count; i++) replicas.push(await startReplica(fullEnv));
    const most = Math.round(o.amount / count);
    // Each process warms its own JIT.
    const warm = warmupCalls(o.amount);
    const tokens = tokensFor(o.key, `${PUBLIC_URL}${o.path}`, count * (most + warm));
    const runs = (offset: number, amount: number) =>
      Promise.all(
        replicas.map((r, i) =>
          load({
            url: `${r.origin}${o.path}`,
            body: o.body,
            tokens: tokens.slice(offset + i * amount, offset + (i + 1) * amount),
            amount,
            connections: 50 / count,
          }),
        ),
      );
    const warmed = await runs(count * most, warm);
    // About 8 s of what the processes did while warming up, as for the in-process rows.
    const each = Math.min(most, Math.max(warm, Math.round((warmed[0]?.rps ?? 0) * 8)));
    const noopRun = () => load({ url: `${noop.origin}${o.path}`, body: o.body, tokens, amount: count * each });
    const before = await noopRun();
    const measured = await runs(0, each);
    const noopRuns = bracketed(before, await noopRun());
    const failed = measured.reduce((n, m) => n + m.non2xx + m.errors, 0);
    if (failed > 0) throw new Error(`${name}: ${failed} calls answered with an error`);
    const rps = measured.reduce((sum, m) => sum + m.rps, 0);
    const p99 = Math.max(...measured.map((m) => m.p99));
    const reference = 'in-process no-op, 50 connections, same body and tokens';
    const several = count > 1;
    return [
      row(
        `${name} throughput`,
        rps,
        'req/s',
        noopRuns.rps,
        `${several ? 'sum of the replicas' : 'own process'} ÷ ${reference}`,
      ),
      row(`${name} p99`, p99, 'ms', noopRuns.p99, `${several ? 'worse replica' : 'own process'} ÷ ${reference}`),
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

/** One built service process on PGlite in a fresh data directory. */
export async function builtServiceRows(o: Load): Promise<Row[]> {
  const rows: Row[] = [];
  // The default for this machine's CPUs, then one reasoning worker: what decides CAIRN_REASONING_THREADS' default.
  for (const [threads, name] of [
    [undefined, BUILT],
    ['1', `${BUILT}, 1 reasoning thread`],
  ] as const) {
    const dataDir = mkdtempSync(join(tmpdir(), 'cairn-bench-built-'));
    try {
      const env = { CAIRN_DATA_DIR: dataDir, DATABASE_URL: '', ...(threads && { CAIRN_REASONING_THREADS: threads }) };
      rows.push(...(await measureProcesses(o, env, 1, name)));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return rows;
}

/** Two built replicas on the Postgres of DATABASE_URL; a row saying why when it is not set. */
export async function replicaRows(o: Load): Promise<Row[]> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    return [
      row(
        `${REPLICAS} throughput`,
        null,
        'req/s',
        null,
        'skipped: DATABASE_URL not set (.ci/postgres.sh start prints one)',
      ),
    ];
  return measureProcesses(o, { DATABASE_URL: databaseUrl }, 2, REPLICAS);
}
