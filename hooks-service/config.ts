/**
 * The service's configuration, read once from the environment by the composition root: the variables and their
 * defaults are in env.ts; here they become the service's settings, so a bad value stops the start, never a request.
 */
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { rules } from '@reasoning/registry';
import { usableCpus } from './cpus';
import type { RateLimitConfig } from './net/rate-limit';
import { ConfigError, readEnv, type EnvValues, type RawEnv } from './env';

/** A trusted CDS Client: its JWKS URL and the `jku` values we may follow for it (spec §Trusting CDS Clients). */
export interface TrustedIssuer {
  iss: string;
  jwksUrl: string;
  /** Exact JWKS URLs, or prefixes ending in "/", a `jku` header may name. The jwksUrl is always allowed. */
  jku: string[];
}

export interface ServiceConfig {
  host: string;
  port: number;
  /** Base URL clients call (no trailing slash); the JWT `aud` is checked against it. Unset = as received. */
  publicUrl?: string;
  auth: 'on' | 'off';
  issuers: TrustedIssuer[];
  /** Asymmetric JWS algorithms accepted; `none` and HMAC are refused whatever is configured. */
  algorithms: string[];
  /** Longest accepted `exp − iat`; Epic signs 15-minute tokens, the sandbox 5-minute ones. */
  maxTokenLifetimeSec: number;
  clockSkewSec: number;
  bodyLimit: number;
  fhirAllowlist: string[];
  fhirTimeoutMs: number;
  /** All FHIR fetches of one hook call together; past it the call answers 412 rather than hang. */
  fhirBudgetMs: number;
  fhirMaxPages: number;
  logLevel: string;
  /** Longest a SIGTERM shutdown may take (calls in flight, store flush) before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** Rule families an administrator switched off (registry ids); their findings never reach cards or narratives. */
  disabledRules: string[];
  /** Reasoning worker threads (CAIRN_REASONING_THREADS); 0 = on the event loop. */
  reasoningThreads: number;
  rateLimit: RateLimitConfig;
  /**
   * CAIRN_TRUST_PROXY: the proxies whose X-Forwarded-* headers are believed (Fastify `trustProxy`), as
   * addresses/CIDRs. false = the connection's own address (per-address rate limits key on it).
   */
  trustProxy: false | string;
}

export { ConfigError } from './env';

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

// CDS_TRUSTED_ISSUERS: {"<iss>": "<jwks url>"} or {"<iss>": {"jwks": "<url>", "jku": ["<url or prefix/>"]}}.
const IssuerValue = Type.Union([
  Type.String({ minLength: 1 }),
  Type.Object(
    { jwks: Type.String({ minLength: 1 }), jku: Type.Optional(Type.Array(Type.String({ minLength: 1 }))) },
    { additionalProperties: false },
  ),
]);
const IssuersSchema = Type.Record(Type.String(), IssuerValue);

function httpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name}: "${raw}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${name}: ${raw} must be http(s)`);
  return url.href.replace(/\/+$/, '');
}

const list = (raw: string | undefined): string[] => (raw ?? '').split(/[\s,]+/).filter(Boolean);

function parseIssuers(raw: string | undefined): TrustedIssuer[] {
  if (raw === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('CDS_TRUSTED_ISSUERS must be JSON: {"<issuer>": "<JWKS URL>"}');
  }
  if (!Value.Check(IssuersSchema, parsed))
    throw new ConfigError('CDS_TRUSTED_ISSUERS must map each issuer to a JWKS URL or {"jwks", "jku"}');
  return Object.entries(parsed).map(([iss, v]) => {
    const jwksUrl = httpUrl(`CDS_TRUSTED_ISSUERS[${iss}]`, typeof v === 'string' ? v : v.jwks);
    const jku =
      typeof v === 'string'
        ? []
        : (v.jku ?? []).map((u) => (u.endsWith('/') ? `${httpUrl('jku', u)}/` : httpUrl('jku', u)));
    return { iss, jwksUrl, jku: [jwksUrl, ...jku] };
  });
}

function parseAlgorithms(raw: string): string[] {
  const algorithms = list(raw);
  // Spec §JWT Signing Algorithm: `none` and symmetric (HMAC) algorithms SHALL NOT be used.
  const bad = algorithms.filter((a) => !ASYMMETRIC.includes(a));
  if (bad.length > 0 || algorithms.length === 0)
    throw new ConfigError(
      `CDS_JWT_ALGORITHMS accepts only asymmetric algorithms (${ASYMMETRIC.join(', ')}); refused: ${bad.join(', ') || '(empty)'}`,
    );
  return algorithms;
}

/** `CAIRN_DISABLED_RULES`: an unknown family fails start-up rather than silently doing nothing. */
function parseDisabledRules(raw: string | undefined): string[] {
  const names = list(raw);
  const known = rules.map((r) => r.family);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw new ConfigError(
      `CAIRN_DISABLED_RULES names unknown rule families (${unknown.join(', ')}); known: ${known.join(', ')}`,
    );
  return names;
}

function rateLimits(e: EnvValues): RateLimitConfig {
  return {
    enabled: e.CAIRN_RATE_LIMIT === 'on',
    windowMs: e.CAIRN_RATE_LIMIT_WINDOW_S * 1000,
    appPerToken: e.CAIRN_RATE_LIMIT_APP,
    analyticsPerIp: e.CAIRN_RATE_LIMIT_ANALYTICS,
    authFailuresPerIp: e.CAIRN_RATE_LIMIT_AUTH_FAILURES,
    hooksPerIssuer: e.CAIRN_RATE_LIMIT_HOOKS,
  };
}

/**
 * Reasoning workers for `cpus` usable CPUs: none on one or two (the event loop, the store's thread and the garbage
 * collector already share them, and a worker measured 10–30 % slower there: docs/architecture.md, "Reasoning
 * threads"); otherwise every CPU beyond those two, up to four.
 */
export function defaultReasoningThreads(cpus: number = usableCpus()): number {
  return cpus >= 3 ? Math.min(cpus - 2, 4) : 0;
}

/** Parses and checks the environment (env.ts holds the variables); throws ConfigError naming the variable at fault. */
export function parseServiceConfig(env: RawEnv): ServiceConfig {
  const e = readEnv(env);
  const issuers = parseIssuers(e.CDS_TRUSTED_ISSUERS);
  if (e.CDS_AUTH === 'on' && issuers.length === 0) {
    throw new ConfigError(
      'CDS_TRUSTED_ISSUERS is empty: no CDS Client could call. Set it, or CDS_AUTH=off for local development only',
    );
  }
  const publicUrl = e.CAIRN_PUBLIC_URL !== undefined ? httpUrl('CAIRN_PUBLIC_URL', e.CAIRN_PUBLIC_URL) : undefined;
  return {
    host: e.HOST,
    port: e.PORT,
    ...(publicUrl !== undefined && { publicUrl }),
    auth: e.CDS_AUTH,
    issuers,
    algorithms: parseAlgorithms(e.CDS_JWT_ALGORITHMS),
    maxTokenLifetimeSec: e.CDS_JWT_MAX_LIFETIME,
    clockSkewSec: e.CDS_JWT_CLOCK_SKEW,
    bodyLimit: e.CDS_BODY_LIMIT,
    fhirAllowlist: list(e.CAIRN_FHIR_ALLOWLIST).map((u) => httpUrl('CAIRN_FHIR_ALLOWLIST', u)),
    fhirTimeoutMs: e.CAIRN_FHIR_TIMEOUT_MS,
    fhirBudgetMs: e.CAIRN_FHIR_BUDGET_MS,
    fhirMaxPages: e.CAIRN_FHIR_MAX_PAGES,
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.CAIRN_SHUTDOWN_TIMEOUT_MS,
    disabledRules: parseDisabledRules(e.CAIRN_DISABLED_RULES),
    reasoningThreads: e.CAIRN_REASONING_THREADS ?? defaultReasoningThreads(),
    rateLimit: rateLimits(e),
    trustProxy: e.CAIRN_TRUST_PROXY ?? false,
  };
}

/** A config for tests and embedding: defaults (reasoning on the event loop), then overrides. */
export function defaultServiceConfig(overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return { ...parseServiceConfig({ CDS_AUTH: 'off', CAIRN_REASONING_THREADS: '0' }), ...overrides };
}
