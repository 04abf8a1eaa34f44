/**
 * Start row: `npm run start:service` (built JavaScript, no transpiling at start) from spawn to /readyz 200 on a
 * fresh embedded PGlite data directory, next to a bare Node HTTP server spawned and probed the same way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/hooks-service/store/service-process';
import { row, type Row } from './report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BARE = "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')";

async function msToReady(args: string[], env: Record<string, string>, path: string): Promise<number> {
  const port = await freePort();
  const t = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with code ${child.exitCode}`);
      if (
        await fetch(`http://127.0.0.1:${port}${path}`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return performance.now() - t;
      if (performance.now() - t > 60_000) throw new Error('not ready in 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

/** Builds dist-service/ first (the app's dist/ must exist: bundleRows builds it). */
export async function startRows(): Promise<Row[]> {
  const built = spawnSync('npm', ['run', 'build:service'], { cwd: ROOT, stdio: 'ignore' });
  if (built.status !== 0) throw new Error('npm run build:service failed');
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-bench-start-'));
  try {
    const start = () =>
      msToReady(
        ['--enable-source-maps', 'dist-service/main.js'],
        { CAIRN_DATA_DIR: dataDir, DATABASE_URL: '', CDS_AUTH: 'off', LOG_LEVEL: 'warn' },
        '/readyz',
      );
    // The first start creates the PGlite cluster (initdb in WebAssembly); a restart opens the existing one.
    const first = await start();
    const restart = await start();
    const bare = await msToReady(['-e', BARE], {}, '/');
    const note = 'reference: a bare Node HTTP server spawned and probed the same way';
    return [
      row(
        'start:service → ready, new data directory',
        first,
        'ms',
        bare,
        `${note}; includes creating the PGlite cluster`,
      ),
      row('start:service → ready, restart on existing data', restart, 'ms', bare, note),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
