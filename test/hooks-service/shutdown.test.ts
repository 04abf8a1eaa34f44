/**
 * The shutdown sequence on its own, with signals from an emitter: close the server, then the store, then exit 0;
 * exit 1 past the time limit, on a second signal, or when closing fails. And the keep-alive fix that lets a real
 * Fastify close end as soon as the calls in flight are answered.
 */
import { EventEmitter } from 'node:events';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../hooks-service/logger';
import { closeOnSignals, endKeepAliveOnClose, type Closable } from '../../hooks-service/shutdown';

const log = createLogger('silent');
const never = () => new Promise<void>(() => undefined);

function shutdown(parts: Closable, timeoutMs = 5000) {
  const signals = new EventEmitter();
  const exits: number[] = [];
  let exited: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => {
    exited = resolve;
  });
  closeOnSignals(
    parts,
    log,
    timeoutMs,
    (code) => {
      exits.push(code);
      exited(code);
    },
    signals,
  );
  return { signals, exits, exitCode };
}

describe('closeOnSignals', () => {
  it('closes the server, then flushes the store, then exits 0', async () => {
    const order: string[] = [];
    const { signals, exitCode } = shutdown({
      closeServer: async () => {
        order.push('server');
      },
      closeStore: async () => {
        order.push('store');
      },
    });
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await exitCode).toBe(0);
    expect(order).toEqual(['server', 'store']);
  });

  it('exits 1 when closing outlasts the time limit', async () => {
    const { signals, exitCode } = shutdown({ closeServer: never, closeStore: async () => undefined }, 50);
    const started = Date.now();
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await exitCode).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('exits 1 at once on a second signal', async () => {
    const { signals, exits } = shutdown({ closeServer: never, closeStore: async () => undefined });
    signals.emit('SIGTERM', 'SIGTERM');
    expect(exits).toEqual([]);
    signals.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
  });

  it('exits 1 when the store cannot be flushed', async () => {
    const { signals, exitCode } = shutdown({
      closeServer: async () => undefined,
      closeStore: async () => {
        throw new Error('disk full');
      },
    });
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await exitCode).toBe(1);
  });
});

describe('endKeepAliveOnClose', () => {
  it('lets close end when the answer in flight is sent, although the client keeps its connections alive', async () => {
    const app = Fastify();
    endKeepAliveOnClose(app);
    app.get('/slow', async () => {
      await new Promise((r) => setTimeout(r, 300));
      return { ok: true };
    });
    const url = `${await app.listen({ host: '127.0.0.1', port: 0 })}/slow`;
    await fetch(url).then((r) => r.text()); // leaves an idle keep-alive connection, closed when close begins
    const started = Date.now();
    const answer = fetch(url);
    await new Promise((r) => setTimeout(r, 50));
    const closed = app.close().then(() => Date.now() - started);
    const response = await answer;
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    await response.text();
    // Without the hook, close waits for the client to drop the connection (seconds; undici keeps it 4 s).
    expect(await closed).toBeLessThan(1500);
  });
});
