/**
 * Writes `.env.example` from the one environment schema (hooks-service/env.ts): every variable with its default
 * and meaning, grouped. Usage: npm run env:example. A test fails when the committed file differs from this output.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENV, type EnvVariable } from '../hooks-service/env';

export const ENV_EXAMPLE = fileURLToPath(new URL('../.env.example', import.meta.url));

export function renderEnvExample(): string {
  const lines = [
    '# Cairn configuration: every environment variable the service (npm run start:service) and the demo (npm start) read.',
    '# Generated from hooks-service/env.ts by `npm run env:example`; do not edit by hand.',
    '# Every variable is optional; unset or empty means the default shown. A bad value stops the start, naming the variable.',
  ];
  let group = '';
  for (const [name, v] of Object.entries(ENV) as [string, EnvVariable][]) {
    if (v.group !== group) {
      group = v.group;
      lines.push('', `# --- ${group} ---`);
    }
    lines.push(
      `# ${v.meaning}${v.default === undefined && v.unset !== undefined ? ` (unset: ${v.unset})` : ''}`,
      `#${name}=${v.default ?? ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(ENV_EXAMPLE, renderEnvExample());
