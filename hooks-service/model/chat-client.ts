/**
 * Hosted chat-completions clients, built with the vendor's maintained library (`openai`): `OpenAI` for any
 * OpenAI-compatible endpoint and for Azure's OpenAI/v1 API (any model a Foundry resource deploys), `AzureOpenAI`
 * for the older Azure OpenAI deployments route. Auth is an API key or, on Azure, an Entra ID token provider.
 * The answer format is negotiated per model (output-mode.ts). The library's own retries are off: retries are
 * ours, bounded by the budget.
 */
import OpenAI, { AzureOpenAI } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { REASONING_JSON_SCHEMA, REASONING_SCHEMA_NAME } from '@model/output/schema';
import type { AzureRoute, ModelAuth, ModelConfig, OutputMode } from './config';
import { entraTokenProvider, type TokenProvider } from './entra-auth';
import { ContentFilteredError, OutputNegotiator, type OutputCapability } from './output-mode';
import { schemaInstruction } from './prompt';

export interface ChatAnswer {
  /** The assistant message content; null when the model returned none (e.g. a refusal). */
  content: string | null;
  /** The model version the endpoint reports (e.g. "gpt-4o-mini-2024-07-18"). */
  model: string;
  /** The output mode the answer was asked for in (text answers may wrap their JSON in prose or a fence). */
  mode: OutputMode;
}

export interface ChatRequest {
  system: string;
  user: string;
  signal: AbortSignal;
  timeoutMs: number;
}

/** Log-safe description of how the service reaches its model (no URL, key or token). */
export interface ChatProfile {
  vendor: 'openai' | 'azure';
  route?: AzureRoute;
  auth: ModelAuth;
  output: OutputCapability;
}

/** One call to a hosted chat model. */
export interface HostedChat {
  readonly name: string;
  readonly vendor: 'openai' | 'azure';
  readonly profile: ChatProfile;
  complete(request: ChatRequest): Promise<ChatAnswer>;
}

type ResponseFormat = ChatCompletionCreateParamsNonStreaming['response_format'];

function responseFormatFor(mode: OutputMode): ResponseFormat {
  if (mode === 'json_schema') {
    return {
      type: 'json_schema',
      json_schema: { name: REASONING_SCHEMA_NAME, strict: true, schema: REASONING_JSON_SCHEMA },
    };
  }
  return mode === 'json_object' ? { type: 'json_object' } : undefined;
}

/** Wraps an `openai` client (OpenAI or AzureOpenAI) as a `HostedChat`. */
export function chatFromClient(
  client: OpenAI,
  model: string,
  vendor: HostedChat['vendor'],
  profile: { auth?: ModelAuth; route?: AzureRoute; output?: OutputNegotiator } = {},
): HostedChat {
  const output = profile.output ?? new OutputNegotiator('auto');
  const call = async ({ system, user, signal, timeoutMs }: ChatRequest, mode: OutputMode): Promise<ChatAnswer> => {
    const format = responseFormatFor(mode);
    const res = await client.chat.completions.create(
      {
        model,
        temperature: 0,
        // Without strict json_schema the model learns the shape from the prompt; the validator still decides.
        messages: [
          { role: 'system', content: mode === 'json_schema' ? system : `${system}\n${schemaInstruction()}` },
          { role: 'user', content: user },
        ],
        ...(format ? { response_format: format } : {}),
      },
      { signal, timeout: timeoutMs, maxRetries: 0 },
    );
    const choice = res.choices[0];
    if (choice?.finish_reason === 'content_filter')
      throw new ContentFilteredError('completion withheld by the provider content filter');
    return { content: choice?.message.content ?? null, model: res.model || model, mode };
  };
  return {
    name: model,
    vendor,
    profile: { vendor, auth: profile.auth ?? 'key', output, ...(profile.route ? { route: profile.route } : {}) },
    async complete(request) {
      let mode = output.mode;
      for (;;) {
        try {
          return await call(request, mode);
        } catch (err) {
          const next = output.stepDownAfter(err, mode);
          if (!next || request.signal.aborted) throw err;
          mode = next;
        }
      }
    },
  };
}

export interface HostedChatOverrides {
  /** Entra ID tokens (tests inject one; production uses the service's identity). */
  tokenProvider?: TokenProvider;
  /** Told once when a refusal teaches the model's output mode. */
  onOutputLearned?: (mode: OutputMode) => void;
}

/** The Azure OpenAI/v1 base URL for a configured v1 endpoint (the SDK appends /chat/completions). */
function v1BaseUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** The configured hosted chat, or undefined for the embedded model. */
export function createHostedChat(config: ModelConfig, overrides: HostedChatOverrides = {}): HostedChat | undefined {
  if (config.kind === 'embedded' || !config.url || !config.name) return undefined;
  const output = new OutputNegotiator(config.output, overrides.onOutputLearned);
  if (config.kind === 'openai') {
    if (!config.key) return undefined;
    return chatFromClient(
      new OpenAI({ baseURL: config.url, apiKey: config.key, maxRetries: 0 }),
      config.name,
      'openai',
      { auth: 'key', output },
    );
  }
  const tokens = config.auth === 'entra' ? (overrides.tokenProvider ?? entraTokenProvider()) : undefined;
  const profile = { auth: config.auth, output, route: config.azureRoute ?? 'deployments' } as const;
  if (profile.route === 'v1') {
    // OpenAI/v1: the plain OpenAI client; the key or the Entra token goes as `Authorization: Bearer`.
    const client = new OpenAI({ baseURL: v1BaseUrl(config.url), apiKey: tokens ?? config.key ?? null, maxRetries: 0 });
    return chatFromClient(client, config.name, 'azure', profile);
  }
  const client = new AzureOpenAI({
    endpoint: config.url,
    deployment: config.name,
    apiVersion: config.apiVersion,
    maxRetries: 0,
    ...(tokens ? { azureADTokenProvider: tokens } : { apiKey: config.key }),
  });
  return chatFromClient(client, config.name, 'azure', profile);
}
