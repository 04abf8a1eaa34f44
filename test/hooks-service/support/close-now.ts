/**
 * Test teardown: closes a Fastify server and ends every connection still open to it. `app.close()` alone waits
 * for each socket to end and Fastify ends only the idle ones, so a socket still mid-request (a malformed or aborted
 * call of the file's own tests) can hold `afterAll` past its time-out; a CI run on a fresh clone hit that once.
 */
import type { FastifyInstance } from 'fastify';

export async function closeNow(app: FastifyInstance): Promise<void> {
  const closed = app.close();
  app.server.closeAllConnections();
  await closed;
}
