/**
 * The demo FHIR server and SMART authorization server wired together, on any Fastify instance, plus a helper
 * that starts them alone on a free port (for the app's and the service's integration tests).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { generateSigningKey, type SigningKey } from './auth/keys';
import type { PickerOption } from './auth/picker-page';
import { authServerPlugin } from './auth/plugin';
import { TokenStore, type TokenStoreOptions } from './auth/token-store';
import { loadDemoResources, type LoadOptions } from './patients/load';
import { fhirServerPlugin, OPEN_ACCESS_SCOPE, type FhirAccess } from './fhir/plugin';
import { MemoryRepository } from './fhir/repository';

export interface SmartStack {
  repository: MemoryRepository;
  tokens: TokenStore;
  idTokenKey: SigningKey;
}

export type SmartStackOptions = LoadOptions & TokenStoreOptions & { resources?: fhir4.Resource[] };

export function createSmartStack(options: SmartStackOptions = {}): SmartStack {
  return {
    repository: new MemoryRepository(options.resources ?? loadDemoResources(options)),
    tokens: new TokenStore(options),
    idTokenKey: generateSigningKey('RS256'),
  };
}

/** "Family, Given" for a HumanName list; the id when there is none. */
export function displayName(resource: fhir4.Patient | fhir4.Practitioner): string {
  const name = resource.name?.find((n) => n.use === 'official') ?? resource.name?.[0];
  const given = name?.given?.join(' ') ?? '';
  const full = [name?.prefix?.join(' '), given, name?.family].filter(Boolean).join(' ');
  return full || (resource.id ?? 'unknown');
}

function patientOptions(repository: MemoryRepository): PickerOption[] {
  return (repository.list('Patient') as fhir4.Patient[]).map((p) => ({
    id: p.id ?? '',
    label: displayName(p),
    detail: [p.gender, p.birthDate && `born ${p.birthDate}`, p.deceasedDateTime && 'deceased']
      .filter(Boolean)
      .join(' · '),
  }));
}

function userOptions(repository: MemoryRepository): PickerOption[] {
  return (repository.list('Practitioner') as fhir4.Practitioner[]).map((p) => ({
    id: `Practitioner/${p.id}`,
    label: displayName(p),
  }));
}

export interface RegisterSmartOptions {
  publicUrl?: string;
  /** 'open' lets the FHIR server answer reads and searches without a token (fhir/plugin.ts); default 'smart'. */
  fhirAccess?: FhirAccess;
}

/** Registers `/fhir/*` and `/auth/*` on `app`. */
export async function registerSmartStack(
  app: FastifyInstance,
  stack: SmartStack,
  options: RegisterSmartOptions = {},
): Promise<void> {
  const publicUrl = options.publicUrl !== undefined ? { publicUrl: options.publicUrl } : {};
  const access = options.fhirAccess ?? 'smart';
  if (access === 'open') {
    app.log.warn(
      `demo FHIR open mode (CAIRN_DEMO_FHIR_OPEN=on): /fhir answers reads and searches WITHOUT a token, as ${OPEN_ACCESS_SCOPE} would. Synthetic data only; keep it on a loopback address or a private tunnel.`,
    );
  }
  await app.register(fhirServerPlugin, {
    prefix: '/fhir',
    repository: stack.repository,
    tokens: stack.tokens,
    access,
    ...publicUrl,
  });
  await app.register(authServerPlugin, {
    prefix: '/auth',
    tokens: stack.tokens,
    idTokenKey: stack.idTokenKey,
    users: () => userOptions(stack.repository),
    patients: () => patientOptions(stack.repository),
    ...publicUrl,
  });
}

export interface RunningSmartStack extends SmartStack {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  fhirBase: string;
  app: FastifyInstance;
  close: () => Promise<void>;
}

/** Starts the FHIR + auth servers alone on 127.0.0.1 and a free port. Call `close()` when done. */
export async function startSmartStack(
  options: SmartStackOptions & RegisterSmartOptions = {},
): Promise<RunningSmartStack> {
  const stack = createSmartStack(options);
  const app = Fastify({ logger: false });
  await registerSmartStack(app, stack, options);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return { ...stack, origin, fhirBase: `${origin}/fhir`, app, close: () => app.close() };
}
