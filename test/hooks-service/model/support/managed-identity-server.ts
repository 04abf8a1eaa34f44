/**
 * A local stand-in for the App Service / Container Apps managed-identity endpoint (IDENTITY_ENDPOINT +
 * IDENTITY_HEADER), so the real @azure/identity ManagedIdentityCredential can be exercised without Azure: it
 * checks the secret header and the resource, and issues numbered tokens with a chosen lifetime.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ManagedIdentityServer {
  endpoint: string;
  secret: string;
  /** Tokens issued so far, in order. */
  issued: string[];
  /** Resources asked for, in order (the scope without "/.default"). */
  resources: string[];
  lifetimeSeconds: number;
  /** When true, every token request is refused (an identity without access, or a broken endpoint). */
  refuse: boolean;
  close(): Promise<void>;
}

export async function startManagedIdentityServer(lifetimeSeconds = 3600): Promise<ManagedIdentityServer> {
  const state = {
    secret: `mi-secret-${process.pid}`,
    issued: [] as string[],
    resources: [] as string[],
    lifetimeSeconds,
    refuse: false,
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (state.refuse || req.headers['x-identity-header'] !== state.secret) {
      return void res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'invalid_request', error_description: 'Identity not found' }));
    }
    const resource = url.searchParams.get('resource') ?? '';
    state.resources.push(resource);
    const token = `entra-token-${state.issued.length + 1}`;
    state.issued.push(token);
    const expiresOn = Math.floor(Date.now() / 1000) + state.lifetimeSeconds;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        access_token: token,
        expires_on: String(expiresOn),
        resource,
        token_type: 'Bearer',
        client_id: 'test-client',
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    endpoint: `http://127.0.0.1:${port}/msi/token`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
