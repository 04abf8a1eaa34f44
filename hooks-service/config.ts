/**
 * The service's configuration, read once from the environment by main.ts (README, "Configuration") and checked
 * here so a bad value stops the process at start with a message naming the variable, never mid-request.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { rules } from '@reasoning/registry';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './net/rate-limit';

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
  rateLimit: RateLimitConfig;
  /**
   * CAIRN_TRUST_PROXY: the proxies whose X-Forwarded-* headers are believed (Fastify `trustProxy`), as
   * addresses/CIDRs. false = the connection's own address (per-address rate limits key on it).
   */
  trustProxy: false | string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const MIB = 1024 * 1024;
const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

// CDS_TRUSTED_ISSUERS: {"<iss>": "<jwks url>"} or {"<iss>": {"jwks": "<url>", "jku": ["<url or prefix/>"]}}.
const IssuerValue = Type.Union([
  Type.String({ minLength: 1 }),
  Type.Object({ jwks: Type.String({ minLength: 1 }), jku: Type.Optional(Type.Array(Type.String({ minLength: 1 }))) }, { additionalProperties: false }),
]);
const IssuersSchema = Type.Record(Type.String(), IssuerValue);
type IssuersInput = Static<typeof IssuersSchema>;

type Env = Readonly<Record<string, string | undefined>>;

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

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

function parseIssuers(raw: string | undefined): TrustedIssuer[] {
  if (raw === undefined || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('CDS_TRUSTED_ISSUERS must be JSON: {"<issuer>": "<JWKS URL>"}');
  }
  if (!Value.Check(IssuersSchema, parsed)) throw new ConfigError('CDS_TRUSTED_ISSUERS must map each issuer to a JWKS URL or {"jwks", "jku"}');
  return Object.entries(parsed as IssuersInput).map(([iss, v]) => {
    const jwksUrl = httpUrl(`CDS_TRUSTED_ISSUERS[${iss}]`, typeof v === 'string' ? v : v.jwks);
    const jku = typeof v === 'string' ? [] : (v.jku ?? []).map((u) => (u.endsWith('/') ? `${httpUrl('jku', u)}/` : httpUrl('jku', u)));
    return { iss, jwksUrl, jku: [jwksUrl, ...jku] };
  });
}

function parseAlgorithms(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return ['ES384', 'RS384'];
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  // Spec §JWT Signing Algorithm: `none` and symmetric (HMAC) algorithms SHALL NOT be used.
  const bad = list.filter((a) => !ASYMMETRIC.includes(a));
  if (bad.length > 0 || list.length === 0) throw new ConfigError(`CDS_JWT_ALGORITHMS accepts only asymmetric algorithms (${ASYMMETRIC.join(', ')}); refused: ${bad.join(', ') || '(empty)'}`);
  return list;
}

function parseAuth(raw: string | undefined): 'on' | 'off' {
  const v = raw?.trim().toLowerCase();
  if (v === undefined || v === '' || v === 'on') return 'on';
  if (v === 'off') return 'off';
  throw new ConfigError(`CDS_AUTH must be "on" or "off", got "${raw}"`);
}

/** `CAIRN_DISABLED_RULES`: comma-separated rule families; an unknown family fails start-up rather than silently doing nothing. */
function parseDisabledRules(raw: string | undefined): string[] {
  const ids = (raw ?? '').split(/[\s,]+/).filter(Boolean);
  const known = rules.map((r) => r.family);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new ConfigError(`CAIRN_DISABLED_RULES names unknown rules (${unknown.join(', ')}); known: ${known.join(', ')}`);
  return ids;
}

/** CAIRN_RATE_LIMIT (on|off) and CAIRN_RATE_LIMIT_{WINDOW_S,APP,ANALYTICS,AUTH_FAILURES,HOOKS}. */
function parseRateLimits(env: Env): RateLimitConfig {
  const onOff = env.CAIRN_RATE_LIMIT?.trim().toLowerCase() || 'on';
  if (onOff !== 'on' && onOff !== 'off') throw new ConfigError(`CAIRN_RATE_LIMIT must be "on" or "off", got "${env.CAIRN_RATE_LIMIT}"`);
  const d = DEFAULT_RATE_LIMITS;
  return {
    enabled: onOff === 'on',
    windowMs: integer(env, 'CAIRN_RATE_LIMIT_WINDOW_S', d.windowMs / 1000, 1, 86_400) * 1000,
    appPerToken: integer(env, 'CAIRN_RATE_LIMIT_APP', d.appPerToken, 1, 1_000_000),
    analyticsPerIp: integer(env, 'CAIRN_RATE_LIMIT_ANALYTICS', d.analyticsPerIp, 1, 1_000_000),
    authFailuresPerIp: integer(env, 'CAIRN_RATE_LIMIT_AUTH_FAILURES', d.authFailuresPerIp, 1, 1_000_000),
    hooksPerIssuer: integer(env, 'CAIRN_RATE_LIMIT_HOOKS', d.hooksPerIssuer, 0, 1_000_000),
  };
}

// Never `true`: trusting every hop lets any client claim any address in X-Forwarded-For and dodge the limits.
function parseTrustProxy(raw: string | undefined): false | string {
  const v = raw?.trim() ?? '';
  if (v === '') return false;
  if (/^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/.test(v)) return v;
  throw new ConfigError(`CAIRN_TRUST_PROXY must be proxy addresses or CIDRs, comma-separated (e.g. 10.0.0.0/8); got "${raw}"`);
}

/** Parses and checks the environment; throws ConfigError naming the variable at fault. */
export function parseServiceConfig(env: Env): ServiceConfig {
  const auth = parseAuth(env.CDS_AUTH);
  const issuers = parseIssuers(env.CDS_TRUSTED_ISSUERS);
  if (auth === 'on' && issuers.length === 0) {
    throw new ConfigError('CDS_TRUSTED_ISSUERS is empty: no CDS Client could call. Set it, or CDS_AUTH=off for local development only');
  }
  const publicUrl = env.CAIRN_PUBLIC_URL?.trim() ? httpUrl('CAIRN_PUBLIC_URL', env.CAIRN_PUBLIC_URL.trim()) : undefined;
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const allowlist = (env.CAIRN_FHIR_ALLOWLIST ?? '').split(/[\s,]+/).filter(Boolean).map((u) => httpUrl('CAIRN_FHIR_ALLOWLIST', u));
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65535),
    ...(publicUrl !== undefined && { publicUrl }),
    auth,
    issuers,
    algorithms: parseAlgorithms(env.CDS_JWT_ALGORITHMS),
    maxTokenLifetimeSec: integer(env, 'CDS_JWT_MAX_LIFETIME', 3600, 60, 86_400),
    clockSkewSec: integer(env, 'CDS_JWT_CLOCK_SKEW', 60, 0, 600),
    bodyLimit: integer(env, 'CDS_BODY_LIMIT', 5 * MIB, 1024, 512 * MIB),
    fhirAllowlist: allowlist,
    fhirTimeoutMs: integer(env, 'CAIRN_FHIR_TIMEOUT_MS', 4000, 100, 60_000),
    // Da Vinci CRD's published rule, 5 s for 90 % of calls, is the loosest latency bar an EHR sets for a hook.
    fhirBudgetMs: integer(env, 'CAIRN_FHIR_BUDGET_MS', 5000, 100, 60_000),
    fhirMaxPages: integer(env, 'CAIRN_FHIR_MAX_PAGES', 20, 1, 1000),
    logLevel,
    // Under Kubernetes' default 30 s termination grace period, with room for the pre-stop hook and store flush.
    shutdownTimeoutMs: integer(env, 'CAIRN_SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    disabledRules: parseDisabledRules(env.CAIRN_DISABLED_RULES),
    rateLimit: parseRateLimits(env),
    trustProxy: parseTrustProxy(env.CAIRN_TRUST_PROXY),
  };
}

/** A config for tests and embedding: defaults, then overrides. */
export function defaultServiceConfig(overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return { ...parseServiceConfig({ CDS_AUTH: 'off' }), ...overrides };
}
