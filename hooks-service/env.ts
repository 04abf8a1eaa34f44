/**
 * The one environment schema (README, "Configuration"; `.env.example` is generated from it): every variable the
 * service and the demo read, with its type, default and meaning. `readEnv` checks them all at start and throws
 * one ConfigError naming each bad variable, so a typo stops the process instead of quietly becoming a default.
 * Rules that span variables (an issuer map, a model that needs a URL) live with the part that uses them and
 * throw the same ConfigError. To add a variable: add it here, then `npm run env:example` (CONTRIBUTING.md).
 */
import { Kind, Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export type RawEnv = Readonly<Record<string, string | undefined>>;

export type EnvGroup =
  'service' | 'auth' | 'fhir' | 'rules' | 'model' | 'store' | 'analytics' | 'app' | 'rate limits' | 'demo';

export interface EnvVariable {
  group: EnvGroup;
  schema: TSchema;
  /** The value used when the variable is unset or empty, written as in the environment. */
  default?: string;
  /** When there is no fixed default: what happens when unset. */
  unset?: string;
  /** One line for `.env.example` and the README table. */
  meaning: string;
  /** Never echoed in an error. */
  secret?: true;
}

/** `expected` names what a value must look like in an error message, for schemas whose type does not say it. */
const text = (expected: string, pattern?: string) =>
  Type.String({ minLength: 1, expected, ...(pattern !== undefined && { pattern }) });
const int = (minimum: number, maximum = Number.MAX_SAFE_INTEGER) => Type.Integer({ minimum, maximum });
const oneOf = <const T extends readonly string[]>(...values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;
const onOff = () => oneOf('on', 'off');
const httpUrl = () => text('an http(s) URL', '^https?://[^/\\s]');

export const ENV = {
  HOST: {
    group: 'service',
    schema: text('a host name or address'),
    default: '127.0.0.1',
    meaning: 'address to listen on (0.0.0.0 in a container)',
  },
  PORT: { group: 'service', schema: int(0, 65535), default: '3000', meaning: 'port to listen on' },
  CAIRN_PUBLIC_URL: {
    group: 'service',
    schema: httpUrl(),
    unset: 'the URL as received',
    meaning: 'base URL EHRs call; the JWT `aud` is checked against it',
  },
  LOG_LEVEL: {
    group: 'service',
    schema: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
    default: 'info',
    meaning: 'pino level; logs carry ids and timings, never names, identifiers or clinical text',
  },
  // Under Kubernetes' default 30 s termination grace period, with room for the pre-stop hook and store flush.
  CAIRN_SHUTDOWN_TIMEOUT_MS: {
    group: 'service',
    schema: int(100, 600_000),
    default: '10000',
    meaning: 'longest a SIGTERM shutdown may take (calls in flight, store flush) before the process exits anyway',
  },
  CAIRN_REASONING_THREADS: {
    group: 'service',
    schema: int(0, 64),
    unset: 'the usable CPUs beyond two, up to 4; none on one or two',
    meaning: 'worker threads that parse and reason about hook calls; 0 = on the event loop',
  },
  CDS_BODY_LIMIT: {
    group: 'service',
    schema: int(1024, 512 * 1024 * 1024),
    default: String(5 * 1024 * 1024),
    meaning: 'largest hook request in bytes (larger → 413)',
  },
  CAIRN_TRUST_PROXY: {
    group: 'service',
    schema: text(
      'proxy addresses or CIDRs, comma-separated (e.g. 10.0.0.0/8)',
      '^[0-9a-fA-F.:/]+(\\s*,\\s*[0-9a-fA-F.:/]+)*$',
    ),
    unset: "the connection's own address",
    meaning:
      'proxies whose X-Forwarded-For is believed; set it behind a load balancer, or every client shares its address for the per-address limits',
  },

  CDS_AUTH: {
    group: 'auth',
    schema: onOff(),
    default: 'on',
    meaning: '`off` accepts calls without a JWT (development and conformance runs only; warns at start)',
  },
  CDS_TRUSTED_ISSUERS: {
    group: 'auth',
    schema: text('JSON: {"<issuer>": "<JWKS URL>"}'),
    unset: 'service: required unless CDS_AUTH=off; demo: the demo EHR',
    meaning: 'JSON: issuer → JWKS URL, or issuer → {"jwks": url, "jku": [allowed URLs or prefixes/]}',
  },
  CDS_JWT_ALGORITHMS: {
    group: 'auth',
    schema: text('comma-separated JWS algorithms'),
    default: 'ES384,RS384',
    meaning: 'accepted asymmetric JWS algorithms (`none` and HMAC are always refused)',
  },
  CDS_JWT_MAX_LIFETIME: {
    group: 'auth',
    schema: int(60, 86_400),
    default: '3600',
    meaning: 'longest accepted `exp − iat` of a client JWT, seconds',
  },
  CDS_JWT_CLOCK_SKEW: {
    group: 'auth',
    schema: int(0, 600),
    default: '60',
    meaning: 'clock skew allowed when checking a client JWT, seconds',
  },

  CAIRN_FHIR_ALLOWLIST: {
    group: 'fhir',
    schema: text('FHIR base URLs separated by spaces or commas'),
    unset: 'service: none; demo: the demo FHIR server',
    meaning: 'FHIR base URLs the service may call (prefetch fallback, /api/narrative, /api/app-feedback)',
  },
  CAIRN_FHIR_TIMEOUT_MS: {
    group: 'fhir',
    schema: int(100, 60_000),
    default: '4000',
    meaning: 'timeout of one FHIR request',
  },
  // Da Vinci CRD's published rule, 5 s for 90 % of calls, is the loosest latency bar an EHR sets for a hook.
  CAIRN_FHIR_BUDGET_MS: {
    group: 'fhir',
    schema: int(100, 60_000),
    default: '5000',
    meaning: 'all FHIR requests of one hook call or /api/narrative chart together; past it the call answers 412',
  },
  CAIRN_FHIR_MAX_PAGES: {
    group: 'fhir',
    schema: int(1, 1000),
    default: '20',
    meaning: 'search result pages followed per query',
  },

  CAIRN_DISABLED_RULES: {
    group: 'rules',
    schema: text('rule families separated by spaces or commas'),
    unset: 'none',
    meaning: 'rule families switched off, e.g. duplicate-therapy (an unknown name stops the start)',
  },

  CAIRN_RATE_LIMIT: {
    group: 'rate limits',
    schema: onOff(),
    default: 'on',
    meaning: '`off` switches every rate limit below off (429 with Retry-After when one is reached)',
  },
  CAIRN_RATE_LIMIT_WINDOW_S: {
    group: 'rate limits',
    schema: int(1, 86_400),
    default: '60',
    meaning: 'the window all limits count in, seconds',
  },
  CAIRN_RATE_LIMIT_APP: {
    group: 'rate limits',
    schema: int(1, 1_000_000),
    default: '120',
    meaning: 'requests per window per SMART access token on /api/narrative and /api/app-feedback',
  },
  CAIRN_RATE_LIMIT_ANALYTICS: {
    group: 'rate limits',
    schema: int(1, 1_000_000),
    default: '60',
    meaning: 'requests per window per client address on /api/analytics',
  },
  CAIRN_RATE_LIMIT_AUTH_FAILURES: {
    group: 'rate limits',
    schema: int(1, 1_000_000),
    default: '30',
    meaning: 'refused client JWTs per window per client address before that address gets 429',
  },
  CAIRN_RATE_LIMIT_HOOKS: {
    group: 'rate limits',
    schema: int(0, 1_000_000),
    default: '0',
    meaning: 'CDS service calls per window per verified issuer; 0 = no limit (a 429 to an EHR is a missing card)',
  },

  CAIRN_MODEL: {
    group: 'model',
    schema: oneOf('embedded', 'openai', 'azure'),
    default: 'embedded',
    meaning: 'model adapter behind the narrative (docs/model.md)',
  },
  CAIRN_MODEL_URL: {
    group: 'model',
    schema: httpUrl(),
    unset: 'required for openai and azure',
    meaning:
      "openai: base URL of an OpenAI-compatible API (…/v1); azure: the resource's …/openai/v1/ URL, or its bare endpoint for the deployments route",
  },
  CAIRN_MODEL_KEY: {
    group: 'model',
    schema: text('an API key'),
    unset: 'none',
    meaning: 'API key of the hosted model',
    secret: true,
  },
  CAIRN_MODEL_NAME: {
    group: 'model',
    schema: text('a model or deployment name'),
    unset: 'required for openai and azure',
    meaning: 'openai: model name; azure: deployment name',
  },
  CAIRN_MODEL_API_VERSION: {
    group: 'model',
    schema: text('an api-version'),
    default: '2024-10-21',
    meaning: 'Azure OpenAI api-version (deployments route only; 2024-10-21 is GA with structured outputs)',
  },
  CAIRN_MODEL_AUTH: {
    group: 'model',
    schema: oneOf('key', 'entra'),
    unset: 'key if CAIRN_MODEL_KEY is set, else entra for azure',
    meaning:
      '`entra`: keyless Microsoft Entra ID (managed identity, workload identity, environment credentials; Azure only)',
  },
  CAIRN_MODEL_OUTPUT: {
    group: 'model',
    schema: oneOf('auto', 'json_schema', 'json_object', 'text'),
    default: 'auto',
    meaning: '`auto` asks for strict JSON schema and steps down when the model refuses (remembered); or pin one mode',
  },
  CAIRN_MODEL_BUDGET_MS: {
    group: 'model',
    schema: int(1),
    default: '1500',
    meaning: "how long a hook call waits for the model before answering with the engine's cards alone",
  },
  CAIRN_MODEL_TIMEOUT_MS: {
    group: 'model',
    schema: int(1),
    default: '20000',
    meaning: 'hard limit of one background model call',
  },
  CAIRN_MODEL_CACHE_TTL_MS: {
    group: 'model',
    schema: int(1),
    default: '300000',
    meaning: 'how long a model answer is reused for the same findings',
  },
  CAIRN_MODEL_CACHE_SIZE: {
    group: 'model',
    schema: int(1),
    default: '500',
    meaning: 'model answers kept in the cache',
  },

  DATABASE_URL: {
    group: 'store',
    schema: text('a postgres:// URL', '^postgres(ql)?://'),
    unset: 'embedded PGlite in CAIRN_DATA_DIR',
    meaning: 'PostgreSQL shared by several replicas',
    secret: true,
  },
  CAIRN_DATA_DIR: {
    group: 'store',
    schema: text('a directory'),
    default: './data',
    meaning: "PGlite data directory (and the demo's keys)",
  },

  CAIRN_ADMIN_TOKEN: {
    group: 'analytics',
    schema: Type.String({ minLength: 16, expected: 'at least 16 characters' }),
    unset: '/api/analytics and /admin/ answer 404',
    meaning: 'bearer token for /api/analytics and the admin page',
    secret: true,
  },
  CAIRN_ADMIN_TOKEN_PREVIOUS: {
    group: 'analytics',
    schema: Type.String({ minLength: 16, expected: 'at least 16 characters' }),
    unset: 'only CAIRN_ADMIN_TOKEN is accepted',
    meaning: 'the old admin token, still accepted during a rotation (each use logged); needs CAIRN_ADMIN_TOKEN',
    secret: true,
  },
  // Drug-safety alerts are overridden in 49–96 % of cases (van der Sijs et al., JAMIA 2006;13(2):138-47) and DDI
  // alerts about 90 % (Phansalkar et al., JAMIA 2013): above 0.9 a rule is mostly noise to the clinicians who see it.
  CAIRN_OVERRIDE_ALERT_RATE: {
    group: 'analytics',
    schema: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
    default: '0.9',
    meaning: 'flag a rule whose override rate exceeds this (0–1)',
  },
  CAIRN_OVERRIDE_ALERT_MIN: {
    group: 'analytics',
    schema: int(1),
    default: '10',
    meaning: "fewest feedback responses before a rule's override rate is trusted enough to flag",
  },

  CAIRN_APP_CLIENT_ID: {
    group: 'app',
    schema: text('printable ASCII without spaces or quotes', '^[\\x21\\x23-\\x5b\\x5d-\\x7e]+$'),
    default: 'cairn',
    meaning: 'SMART client id the app registers under in the EHR',
  },
  CAIRN_APP_SCOPES: {
    group: 'app',
    schema: text('space-separated scopes'),
    unset: 'derived from what the app reads',
    meaning: 'SMART scopes the app asks for',
  },
  CAIRN_APP_SERVICE_URL: {
    group: 'app',
    schema: httpUrl(),
    unset: "the page's own origin",
    meaning: 'where the app calls /api/narrative and /api/app-feedback',
  },
  CAIRN_FRAME_ANCESTORS: {
    group: 'app',
    schema: text('origins like https://ehr.example.org'),
    unset: "the service's own origin",
    meaning: 'EHR origins allowed to frame the app (CSP frame-ancestors)',
  },
  CAIRN_APP_ORIGINS: {
    group: 'app',
    schema: text('exact origins like https://cairn-app.example.org'),
    unset: 'none: the app is served by this service',
    meaning: 'origins serving the app elsewhere that may call /api/narrative and /api/app-feedback (CORS)',
  },

  CAIRN_DEMO_TOKEN_SECONDS: {
    group: 'demo',
    schema: int(1, 86_400),
    default: '600',
    meaning: 'access-token lifetime of the demo auth server (npm start only)',
  },
  CAIRN_DEMO_FHIR_OPEN: {
    group: 'demo',
    schema: onOff(),
    default: 'off',
    meaning:
      '`on` lets the demo FHIR server answer reads and searches without a token, as a `user/*.rs` token would, for the CDS Hooks Sandbox and a SMART Launcher (npm start only; warns at start)',
  },
} as const satisfies Record<string, EnvVariable>;

export type EnvName = keyof typeof ENV;
type ValueOf<V> = V extends { schema: infer S extends TSchema }
  ? V extends { default: string }
    ? Static<S>
    : Static<S> | undefined
  : never;
export type EnvValues = { readonly [K in EnvName]: ValueOf<(typeof ENV)[K]> };

function expected(schema: TSchema): string {
  if (typeof schema.expected === 'string') return schema.expected;
  if (schema[Kind] === 'Union') return `one of ${(schema.anyOf as TSchema[]).map((s) => String(s.const)).join(', ')}`;
  const range = (min: number, max: number | undefined) =>
    max === Number.MAX_SAFE_INTEGER || max === undefined ? `≥ ${min}` : `from ${min} to ${max}`;
  if (schema[Kind] === 'Integer')
    return `an integer ${range(schema.minimum as number, schema.maximum as number | undefined)}`;
  if (schema.exclusiveMinimum !== undefined)
    return `a number above ${String(schema.exclusiveMinimum)} and at most ${String(schema.maximum)}`;
  return `a number ${range(schema.minimum as number, schema.maximum as number | undefined)}`;
}

/** The raw string as the schema's type: numbers only from plain decimal text ("1e3", "0x10" and "" are not numbers here). */
function convert(schema: TSchema, raw: string): unknown {
  if (schema[Kind] === 'Integer') return /^[+-]?\d+$/.test(raw) ? Number(raw) : raw;
  if (schema[Kind] === 'Number') return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(raw) ? Number(raw) : raw;
  if (schema[Kind] === 'Union') return raw.toLowerCase();
  return raw;
}

/** Every variable of the schema from `env`, typed, defaults applied; unset or empty counts as unset. */
export function readEnv(env: RawEnv): EnvValues {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(ENV) as [EnvName, EnvVariable][]) {
    const raw = env[name]?.trim() || variable.default;
    if (raw === undefined) continue;
    const value = convert(variable.schema, raw);
    if (Value.Check(variable.schema, value)) values[name] = value;
    else
      problems.push(
        `${name} must be ${expected(variable.schema)}, got ${variable.secret ? `a value of ${raw.length} characters` : `"${raw}"`}`,
      );
  }
  if (problems.length > 0) throw new ConfigError(problems.join('; '));
  return values as EnvValues;
}
