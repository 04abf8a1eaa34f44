/**
 * A raw HTTP/1.1 client over a socket that writes its body slowly, in chunks, and records what came back, so a
 * test can tell "the server answered" from "the connection was reset while the client was still sending".
 */
import { connect } from 'node:net';

export interface SlowPost {
  url: string;
  path: string;
  body: Buffer;
  contentType?: string;
  /** Omit Content-Length and send Transfer-Encoding: chunked. */
  chunked?: boolean;
  chunkBytes?: number;
  pauseMs?: number;
}

export interface SlowResult {
  status?: number;
  head: string;
  body: string;
  /** The socket error the client saw (ECONNRESET, EPIPE), if any, and whether it came before a full response. */
  error?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function slowPost(o: SlowPost): Promise<SlowResult> {
  const { hostname, port } = new URL(o.url);
  const socket = connect({ host: hostname, port: Number(port) });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const received: Buffer[] = [];
  let error: string | undefined;
  socket.on('data', (d: Buffer) => received.push(d));
  // Like most clients, read the answer only once the request is sent: an answer that arrived early must still be
  // there to read, not destroyed by a reset.
  socket.pause();
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', (e: NodeJS.ErrnoException) => {
    error ??= e.code ?? e.message;
  });
  const framing = o.chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${o.body.length}`;
  socket.write(
    `POST ${o.path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: ${o.contentType ?? 'application/json'}\r\n${framing}\r\nConnection: close\r\n\r\n`,
  );
  const step = o.chunkBytes ?? 16 * 1024;
  for (let i = 0; i < o.body.length && !socket.destroyed && error === undefined; i += step) {
    const part = o.body.subarray(i, i + step);
    socket.write(
      o.chunked ? Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]) : part,
    );
    await sleep(o.pauseMs ?? 1);
  }
  if (o.chunked && !socket.destroyed) socket.write('0\r\n\r\n');
  if (!socket.destroyed) socket.end();
  socket.resume();
  await closed;
  const text = Buffer.concat(received).toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  const head = split >= 0 ? text.slice(0, split) : text;
  const status = /^HTTP\/1\.1 (\d{3})/.exec(head)?.[1];
  return {
    head,
    body: split >= 0 ? text.slice(split + 4) : '',
    ...(status && { status: Number(status) }),
    ...(error && { error }),
  };
}
