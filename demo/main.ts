/**
 * Composition root of the demo (`npm start`): the CDS Hooks service exactly as `start:service` builds it (same
 * exported parts, same environment checks), plus the demo FHIR server, SMART auth server, demo EHR and the built
 * app — one process on HOST:PORT (127.0.0.1:3000). Synthetic data only.
 */
import { fileURLToPath } from 'node:url';
import { composeService, ConfigError } from '../hooks-service/compose';
import { demoEnvironment } from './demo-env';
import { buildEhrWeb } from './ehr/build-web';
import { registerDemo } from './register-demo';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

async function main(): Promise<void> {
  const demo = demoEnvironment(process.env);
  await buildEhrWeb();
  const service = await composeService(demo.env);
  service.closeOnSignals((code) => process.exit(code));
  const { service: config } = service.config;
  await registerDemo(service.app, {
    distDir: DIST,
    ehrIssuer: demo.ehrIssuer,
    accessTokenSeconds: demo.accessTokenSeconds,
    fhirAccess: demo.fhirAccess,
    ...(config.publicUrl !== undefined && { publicUrl: config.publicUrl }),
  });
  await service.listen();
  process.stdout.write(`Cairn demo EHR: ${demo.origin}/  (synthetic patients only)\n`);
  if (demo.fhirAccess === 'open')
    process.stdout.write(`Demo FHIR server OPEN, no token needed (read-only): ${demo.origin}/fhir\n`);
}

main().catch((e: unknown) => {
  const what = e instanceof ConfigError ? 'configuration error' : 'failed to start';
  process.stderr.write(`cairn demo: ${what}: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
