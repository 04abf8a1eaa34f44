/**
 * Model configuration, read once by the composition root from the CAIRN_MODEL* variables (env.ts) and checked
 * here so a hosted model with a missing endpoint, credential or name fails at start, not on the first hook call.
 */
import { ConfigError, readEnv, type EnvValues, type RawEnv } from '../env';

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

/** The token scope of Azure OpenAI and Foundry model inference (Cognitive Services OpenAI User role). */
export const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

/** `…/openai/v1` (with or without a trailing slash) names the v1 API; a bare resource endpoint the deployments route. */
export function azureRouteOf(url: string): AzureRoute {
  return /\/openai\/v1\/?$/.test(new URL(url).pathname) ? 'v1' : 'deployments';
}

function modelAuth(e: EnvValues, kind: ModelKind): ModelAuth {
  const auth = e.CAIRN_MODEL_AUTH ?? (e.CAIRN_MODEL_KEY !== undefined || kind !== 'azure' ? 'key' : 'entra');
  if (auth === 'entra' && kind !== 'azure') throw new ConfigError('CAIRN_MODEL_AUTH=entra needs CAIRN_MODEL=azure');
  if (auth === 'key' && e.CAIRN_MODEL_KEY === undefined)
    throw new ConfigError(`CAIRN_MODEL_KEY is required when CAIRN_MODEL=${kind} with key auth`);
  return auth;
}

/** The CAIRN_MODEL* variables (env.ts) as a model config; throws ConfigError naming the variable (never a key's value). */
export function parseModelConfig(env: RawEnv): ModelConfig {
  const e = readEnv(env);
  const kind = e.CAIRN_MODEL;
  const config: ModelConfig = {
    kind,
    apiVersion: e.CAIRN_MODEL_API_VERSION,
    auth: 'key',
    output: e.CAIRN_MODEL_OUTPUT,
    budgetMs: e.CAIRN_MODEL_BUDGET_MS,
    timeoutMs: e.CAIRN_MODEL_TIMEOUT_MS,
    cacheTtlMs: e.CAIRN_MODEL_CACHE_TTL_MS,
    cacheSize: e.CAIRN_MODEL_CACHE_SIZE,
  };
  if (kind === 'embedded') return config;
  const { CAIRN_MODEL_URL: url, CAIRN_MODEL_NAME: name } = e;
  if (url === undefined) throw new ConfigError(`CAIRN_MODEL_URL is required when CAIRN_MODEL=${kind}`);
  if (name === undefined) throw new ConfigError(`CAIRN_MODEL_NAME is required when CAIRN_MODEL=${kind}`);
  if (!URL.canParse(url)) throw new ConfigError('CAIRN_MODEL_URL must be an http(s) URL');
  const auth = modelAuth(e, kind);
  return {
    ...config,
    url,
    name,
    auth,
    ...(auth === 'key' ? { key: e.CAIRN_MODEL_KEY } : {}),
    ...(kind === 'azure' ? { azureRoute: azureRouteOf(url) } : {}),
  };
}
