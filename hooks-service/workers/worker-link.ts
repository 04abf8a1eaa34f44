/**
 * The service's worker threads (the PGlite owner, the reasoning pool) and the one way this side talks to them:
 * numbered requests, replies matched by number, and every call in flight failed at once if the worker dies.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` (without extension) beside `from` (the caller's import.meta.url). Built
 * (dist-service/), it is the JavaScript file beside the bundle. From source (tests, the demo under tsx), a worker
 * thread does not inherit tsx's loader, so a small bootstrap registers it before importing the module.
 */
export function startModuleWorker(from: string, name: string, workerData: unknown): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, from), { workerData });
  // require.resolve picks tsx's CommonJS build of the API; its ES module build is the .mjs file beside it.
  const tsxApi = createRequire(from)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const module = new URL(`./${name}.ts`, from).href;
  const bootstrap = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** The worker died (an uncaught error, out of memory, terminated) with the call still in flight. */
export class WorkerLost extends Error {
  override readonly name = 'WorkerLost';
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
  }
}

/** A reply: `id` 0 answers the worker's start; `error` is the worker's account of a failure, rebuilt by `toError`. */
export interface Reply<E> {
  id: number;
  error?: E;
}

/** One worker and its calls in flight. */
export interface WorkerLink<Request, R> {
  /** Resolves once the worker says it is ready; rejects with the reason it could not start. */
  readonly started: Promise<R>;
  /** Calls in flight. */
  readonly inFlight: number;
  send(request: Request): Promise<R>;
  terminate(): Promise<unknown>;
}

export interface LinkOptions<E> {
  /** Names the worker in the error its calls in flight fail with. */
  name: string;
  toError(wire: E): Error;
  /** Runs once, when the worker dies (its calls in flight have just failed). */
  onLost(): void;
}

export function linkWorker<Request extends object, E, R extends Reply<E>>(
  worker: Worker,
  options: LinkOptions<E>,
): WorkerLink<Request, R> {
  const pending = new Map<number, { resolve: (reply: R) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let lost: Error | undefined;
  const fail = (error: Error) => {
    if (lost) return;
    lost = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    options.onLost();
  };
  worker.on('message', (reply: R) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error !== undefined) p?.reject(options.toError(reply.error));
    else p?.resolve(reply);
  });
  worker.on('error', (error) => fail(new WorkerLost(`the ${options.name} failed: ${error.message}`, { cause: error })));
  worker.on('exit', (code) => fail(new WorkerLost(`the ${options.name} exited (code ${code})`)));
  const started = new Promise<R>((resolve, reject) => pending.set(0, { resolve, reject }));
  return {
    started,
    get inFlight() {
      return pending.size;
    },
    send: (request) =>
      new Promise((resolve, reject) => {
        if (lost) return reject(lost);
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...request, id });
      }),
    terminate: () => worker.terminate(),
  };
}

const MAX_RESPAWN_MS = 30_000;

export interface SupervisedWorker<Request, R> {
  /** The first worker's start (rejects with the reason it could not start; nothing is restarted then). */
  readonly started: Promise<R>;
  /** The live worker, or the dead one until its replacement has started (its calls fail at once). */
  current(): WorkerLink<Request, R>;
  /** Stops restarting and terminates the worker. */
  close(): Promise<void>;
}

/**
 * A worker that is started again when it dies: after `respawnMs`, doubled on each failed start up to 30 s. Calls
 * made meanwhile fail at once (the caller answers 503), so nothing hangs and the service heals without a restart.
 */
export function superviseWorker<Request extends object, E, R extends Reply<E>>(
  start: () => Worker,
  options: Omit<LinkOptions<E>, 'onLost'> & { respawnMs: number },
): SupervisedWorker<Request, R> {
  let closing = false;
  let respawnMs = options.respawnMs;
  let timer: NodeJS.Timeout | undefined;
  /** A replacement still starting: close() must stop it too, or it would outlive the pool. */
  let starting: WorkerLink<Request, R> | undefined;
  const link = () => linkWorker<Request, E, R>(start(), { ...options, onLost: respawnLater });
  function respawnLater(): void {
    if (closing) return;
    timer = setTimeout(() => {
      const next = link();
      starting = next;
      next.started.then(
        () => {
          starting = undefined;
          if (closing) return void next.terminate();
          current = next;
          respawnMs = options.respawnMs;
        },
        () => {
          starting = undefined;
          respawnMs = Math.min(respawnMs * 2, MAX_RESPAWN_MS);
          void next.terminate();
        },
      );
    }, respawnMs);
  }
  let current = link();
  const stop = async () => {
    closing = true;
    clearTimeout(timer);
    await Promise.all([current.terminate(), starting?.terminate()]);
  };
  const started = current.started.catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    started,
    current: () => current,
    close: stop,
  };
}
