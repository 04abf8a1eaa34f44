/**
 * Entry point of the production service (`npm run start:service`): the service alone, configured by the
 * environment, no demo routes. The only place besides the demo's main that may end the process.
 */
import { composeService, ConfigError } from './compose';

async function main(): Promise<void> {
  const service = await composeService(process.env);
  service.closeOnSignals((code) => process.exit(code));
  await service.listen();
}

main().catch((e: unknown) => {
  const what = e instanceof ConfigError ? 'configuration error' : 'failed to start';
  process.stderr.write(`cairn: ${what}: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
