/**
 * The demo's defaults on top of the environment: the service trusts the demo EHR's issuer and may call the demo
 * FHIR server. Set CDS_TRUSTED_ISSUERS or CAIRN_FHIR_ALLOWLIST yourself and the defaults step aside.
 */

export type Env = Readonly<Record<string, string | undefined>>;

export interface DemoEnv {
  env: Record<string, string | undefined>;
  /** The origin the demo announces for itself (CAIRN_PUBLIC_URL, else http://HOST:PORT). */
  origin: string;
  ehrIssuer: string;
  /** CAIRN_DEMO_TOKEN_SECONDS: access-token lifetime of the demo auth server (default 600, like real EHRs). */
  accessTokenSeconds?: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const set = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

export function demoEnvironment(env: Env): DemoEnv {
  const host = set(env.HOST) ? env.HOST.trim() : '127.0.0.1';
  const port = set(env.PORT) ? env.PORT.trim() : '3000';
  const origin = set(env.CAIRN_PUBLIC_URL) ? env.CAIRN_PUBLIC_URL.trim().replace(/\/+$/, '') : `http://${host}:${port}`;
  const ehrIssuer = `${origin}/demo-ehr`;
  // A browser may open the demo as localhost or 127.0.0.1: the FHIR base it hands the app follows that name.
  const origins = LOOPBACK.has(host) && !set(env.CAIRN_PUBLIC_URL) ? [`http://127.0.0.1:${port}`, `http://localhost:${port}`] : [origin];
  const seconds = Number(env.CAIRN_DEMO_TOKEN_SECONDS);
  return {
    ...(set(env.CAIRN_DEMO_TOKEN_SECONDS) && Number.isInteger(seconds) && seconds > 0 && { accessTokenSeconds: seconds }),
    origin,
    ehrIssuer,
    env: {
      ...env,
      CDS_TRUSTED_ISSUERS: set(env.CDS_TRUSTED_ISSUERS) ? env.CDS_TRUSTED_ISSUERS : JSON.stringify({ [ehrIssuer]: `${ehrIssuer}/.well-known/jwks.json` }),
      CAIRN_FHIR_ALLOWLIST: set(env.CAIRN_FHIR_ALLOWLIST) ? env.CAIRN_FHIR_ALLOWLIST : [...new Set(origins)].map((o) => `${o}/fhir`).join(' '),
    },
  };
}
