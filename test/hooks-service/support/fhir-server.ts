/**
 * A real local FHIR R4 server for prefetch tests: the demo's in-memory FHIR plugin (search by patient, paging with
 * `next` links) behind a bearer-token check, serving Synthea bundles, recording each request path and token.
 */
import Fastify from 'fastify';
import { fhirServerPlugin } from '../../../demo/fhir/plugin';
import { MemoryRepository } from '../../../demo/fhir/repository';

export interface FhirTestServer {
  base: string;
  repository: MemoryRepository;
  /** Paths (with query) of the requests received, in order. */
  requests: string[];
  /** Authorization headers received. */
  authorizations: (string | undefined)[];
  /** Delay every answer (ms), to exercise time-outs. */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/** `pageSize` is added as `_count` to searches that do not set one, to force paging. */
export async function startFhirServer(
  resources: fhir4.Resource[],
  token: string,
  pageSize = 100,
): Promise<FhirTestServer> {
  const repository = new MemoryRepository(resources);
  const requests: string[] = [];
  const authorizations: (string | undefined)[] = [];
  let delay = 0;
  const app = Fastify({
    forceCloseConnections: true,
    rewriteUrl: (req) => {
      const url = req.url ?? '/';
      return url.includes('?') && !url.includes('_count=') ? `${url}&_count=${pageSize}` : url;
    },
  });
  app.addHook('onRequest', async (request, reply) => {
    requests.push(request.url);
    authorizations.push(request.headers.authorization);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (request.headers.authorization !== `Bearer ${token}`)
      return reply.code(401).send({ resourceType: 'OperationOutcome' });
  });
  await app.register(fhirServerPlugin, { prefix: '/fhir', repository, access: 'open' });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    base: `${origin}/fhir`,
    repository,
    requests,
    authorizations,
    setDelay: (ms) => {
      delay = ms;
    },
    close: () => app.close(),
  };
}
