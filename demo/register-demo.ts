/**
 * Adds the demo's own parts to a Fastify instance that already serves the CDS Hooks service: the FHIR server,
 * the SMART auth server and the demo EHR (its API, JWKS and page). The SMART app and the admin page are the
 * service's own (hooks-service/web/).
 */
import type { FastifyInstance } from 'fastify';
import { generateSigningKey, type SigningKey } from './auth/keys';
import { demoEhrPlugin } from './ehr/plugin';
import { registerDemoPages } from './pages';
import { shiftDaysFor } from './patients/load';
import type { FhirAccess } from './fhir/plugin';
import { createSmartStack, registerSmartStack, type SmartStack } from './smart-stack';

export interface DemoOptions {
  /** Where the demo EHR page was built (demo-ehr/ inside it). */
  distDir: string;
  publicUrl?: string;
  /** The demo clock; the synthetic data are moved so their newest day is the day before it. */
  now?: () => Date;
  accessTokenSeconds?: number;
  /** Signing key of the demo EHR (ES384); generated when absent. */
  ehrKey?: SigningKey;
  /** The demo EHR's JWT issuer, as trusted by the service (CDS_TRUSTED_ISSUERS). */
  ehrIssuer?: string;
  /** 'open' (CAIRN_DEMO_FHIR_OPEN=on) serves FHIR reads and searches without a token; default 'smart'. */
  fhirAccess?: FhirAccess;
}

export interface DemoParts {
  stack: SmartStack;
  ehrKey: SigningKey;
}

export async function registerDemo(app: FastifyInstance, options: DemoOptions): Promise<DemoParts> {
  const now = options.now ?? (() => new Date());
  const stack = createSmartStack({
    shiftDays: shiftDaysFor(now()),
    ...(options.accessTokenSeconds !== undefined && { accessTokenSeconds: options.accessTokenSeconds }),
  });
  const ehrKey = options.ehrKey ?? generateSigningKey('ES384');
  const publicUrl = options.publicUrl !== undefined ? { publicUrl: options.publicUrl } : {};
  await registerSmartStack(app, stack, {
    ...publicUrl,
    ...(options.fhirAccess !== undefined && { fhirAccess: options.fhirAccess }),
  });
  await app.register(demoEhrPlugin, {
    prefix: '/demo-ehr',
    repository: stack.repository,
    tokens: stack.tokens,
    ehrKey,
    now,
    ...publicUrl,
    ...(options.ehrIssuer !== undefined && { issuer: options.ehrIssuer }),
  });
  await registerDemoPages(app, options.distDir);
  return { stack, ehrKey };
}
