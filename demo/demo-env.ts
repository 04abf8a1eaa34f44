/**
 * The demo's defaults on top of the environment: the service trusts the demo EHR's issuer and may call the demo
 * FHIR server. Set CDS_TRUSTED_ISSUERS or CAIRN_FHIR_ALLOWLIST yourself and the defaults step aside. The variables
 * are checked by the service's one schema (hooks-service/env.ts), so a bad value stops the demo too.
 */
import { readEnv, type RawEnv } from '../hooks-service/env';
import type { FhirAccess } from './fhir/plugin';

export type Env = RawEnv;

export interface DemoEnv {
  env: Record<string, string | undefined>;
  /** The origin the demo announces for itself (CAIRN_PUBLIC_URL, else http://HOST:PORT). */
  origin: string;
  ehrIssuer: string;
  /** CAIRN_DEMO_TOKEN_SECONDS: access-token lifetime of the demo auth server (default 600, like real EHRs). */
  accessTokenSeconds: number;
  /** CAIRN_DEMO_FHIR_OPEN=on: the demo FHIR server serves reads and searches without a token. */
  fhirAccess: FhirAccess;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function demoEnvironment(env: Env): DemoEnv {
  const e = readEnv(env);
  const origin = e.CAIRN_PUBLIC_URL?.replace(/\/+$/, '') ?? `http://${e.HOST}:${e.PORT}`;
  const ehrIssuer = `${origin}/demo-ehr`;
  // A browser may open the demo as localhost or 127.0.0.1: the FHIR base it hands the app follows that name.
  const origins =
    LOOPBACK.has(e.HOST) && e.CAIRN_PUBLIC_URL === undefined
      ? [`http://127.0.0.1:${e.PORT}`, `http://localhost:${e.PORT}`]
      : [origin];
  return {
    accessTokenSeconds: e.CAIRN_DEMO_TOKEN_SECONDS,
    fhirAccess: e.CAIRN_DEMO_FHIR_OPEN === 'on' ? 'open' : 'smart',
    origin,
    ehrIssuer,
    env: {
      ...env,
      CDS_TRUSTED_ISSUERS:
        e.CDS_TRUSTED_ISSUERS ?? JSON.stringify({ [ehrIssuer]: `${ehrIssuer}/.well-known/jwks.json` }),
      CAIRN_FHIR_ALLOWLIST: e.CAIRN_FHIR_ALLOWLIST ?? origins.map((o) => `${o}/fhir`).join(' '),
    },
  };
}
