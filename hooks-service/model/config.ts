/**
 * Model configuration, read once by the composition root (hooks-service/main.ts) and schema-checked here so a
 * hosted model with a missing endpoint, credential or name fails at start, not on the first hook call.
 */

export type ModelKind = 'embedded' | 'openai' | 'azure';

/**
 * Azure routes. `v1`: the generally available OpenAI/v1 API of a Foundry or Azure OpenAI resource
 * (`https://<resource>.openai.azure.com/openai/v1/`), any deployed model, the deployment name as `model`, no
 * dated api-version. `deployments`: the older Azure OpenAI data-plane route
 * (`/openai/deployments/{deployment}/chat/completions?api-version=…`), OpenAI models only.
 */
export type AzureRoute = 'v1' | 'deployments';

/** `key`: an API key; `entra`: Microsoft Entra ID tokens (managed identity, workload identity, environment). */
export type ModelAuth = 'key' | 'entra';

/**
 * How the answer's JSON is asked for. `auto` starts with strict `json_schema` and steps down (then remembers)
 * when the model refuses it: `json_object`, then plain text holding one JSON object. The output validator is
 * the only authority on what is kept in every mode.
 */
export type OutputMode = 'json_schema' | 'json_object' | 'text';
export type OutputSetting = OutputMode | 'auto';

export interface ModelConfig {
  kind: ModelKind;
  /** openai: base URL of an OpenAI-compatible API (…/v1); azure: the resource endpoint, or its …/openai/v1 URL. */
  url?: string;
  key?: string;
  /** openai: model name; azure: deployment name. */
  name?: string;
  /** Azure OpenAI `api-version` query parameter (deployments route only). */
  apiVersion: string;
  /** Azure only: which route `url` names. */
  azureRoute?: AzureRoute;
  auth: ModelAuth;
  output: OutputSetting;
  /** Time a hook waits for the model before answering with the engine's cards alone. */
  budgetMs: number;
  /** Hard limit of one background model call (after which it is aborted and counted as a failure). */
  timeoutMs: number;
  cacheTtlMs: number;
  cacheSize: number;
}

/** Azure OpenAI GA data-plane version with structured outputs (json_schema), for the deployments route. */
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

/** The token scope of Azure OpenAI and Foundry model inference (Cognitive Services OpenAI User role). */
export const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

const OUTPUT_SETTINGS: readonly OutputSetting[] = ['auto', 'json_schema', 'json_object', 'text'];

export class ModelConfigError extends Error {
  override readonly name = 'ModelConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

function positiveInt(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new ModelConfigError(`${key} must be a positive integer (got "${raw}")`);
  return n;
}

/** `…/openai/v1` (with or without a trailing slash) names the v1 API; a bare resource endpoint the deployments route. */
export function azureRouteOf(url: string): AzureRoute {
  return /\/openai\/v1\/?$/.test(new URL(url).pathname) ? 'v1' : 'deployments';
}

function parseAuth(env: Env, kind: ModelKind): ModelAuth {
  const raw = env['CAIRN_MODEL_AUTH'] || (env['CAIRN_MODEL_KEY'] || kind !== 'azure' ? 'key' : 'entra');
  if (raw !== 'key' && raw !== 'entra') throw new ModelConfigError(`CAIRN_MODEL_AUTH must be key or entra (got "${raw}")`);
  if (raw === 'entra' && kind !== 'azure') throw new ModelConfigError('CAIRN_MODEL_AUTH=entra needs CAIRN_MODEL=azure');
  if (raw === 'key' && !env['CAIRN_MODEL_KEY']) throw new ModelConfigError(`CAIRN_MODEL_KEY is required when CAIRN_MODEL=${kind} with key auth`);
  return raw;
}

function parseOutput(env: Env): OutputSetting {
  const raw = env['CAIRN_MODEL_OUTPUT'] || 'auto';
  if (!OUTPUT_SETTINGS.includes(raw as OutputSetting)) {
    throw new ModelConfigError(`CAIRN_MODEL_OUTPUT must be one of ${OUTPUT_SETTINGS.join(', ')} (got "${raw}")`);
  }
  return raw as OutputSetting;
}

/** Parses CAIRN_MODEL* variables; throws `ModelConfigError` naming the variable at fault (never its value for keys). */
export function parseModelConfig(env: Env): ModelConfig {
  const kind = (env['CAIRN_MODEL'] ?? 'embedded') || 'embedded';
  if (kind !== 'embedded' && kind !== 'openai' && kind !== 'azure') {
    throw new ModelConfigError(`CAIRN_MODEL must be embedded, openai or azure (got "${kind}")`);
  }
  const config: ModelConfig = {
    kind,
    apiVersion: env['CAIRN_MODEL_API_VERSION'] || DEFAULT_AZURE_API_VERSION,
    auth: 'key',
    output: parseOutput(env),
    budgetMs: positiveInt(env, 'CAIRN_MODEL_BUDGET_MS', 1500),
    timeoutMs: positiveInt(env, 'CAIRN_MODEL_TIMEOUT_MS', 20_000),
    cacheTtlMs: positiveInt(env, 'CAIRN_MODEL_CACHE_TTL_MS', 300_000),
    cacheSize: positiveInt(env, 'CAIRN_MODEL_CACHE_SIZE', 500),
  };
  if (kind === 'embedded') return config;
  for (const key of ['CAIRN_MODEL_URL', 'CAIRN_MODEL_NAME'] as const) {
    if (!env[key]) throw new ModelConfigError(`${key} is required when CAIRN_MODEL=${kind}`);
  }
  const url = env['CAIRN_MODEL_URL'] ?? '';
  if (!/^https?:\/\/[^/]/.test(url) || !URL.canParse(url)) throw new ModelConfigError('CAIRN_MODEL_URL must be an http(s) URL');
  const auth = parseAuth(env, kind);
  return {
    ...config, url, name: env['CAIRN_MODEL_NAME'], auth,
    ...(auth === 'key' ? { key: env['CAIRN_MODEL_KEY'] } : {}),
    ...(kind === 'azure' ? { azureRoute: azureRouteOf(url) } : {}),
  };
}
